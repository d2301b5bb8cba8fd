using OpenEts.Application.Inclusion;

namespace OpenEts.Application.Storage;

// Citizens' personal information: profile, consents, and erasure.
public partial interface IInclusionData
{
    /// <summary>The citizen's profile, or null for an account the regulator created (no sign-up, no consent on the platform).</summary>
    Task<CitizenProfile?> CitizenAsync(long userId);

    /// <summary>Writes a profile (insert or replace).</summary>
    Task SaveCitizenAsync(CitizenProfile profile);

    /// <summary>Every consent the citizen gave, newest first.</summary>
    Task<IReadOnlyList<ConsentRecord>> ConsentsAsync(long userId);

    /// <summary>Records a consent given to a notice version.</summary>
    Task InsertConsentAsync(long userId, string version, DateTimeOffset at);

    /// <summary>Marks every standing consent of the citizen withdrawn at <paramref name="at"/>.</summary>
    Task WithdrawConsentsAsync(long userId, DateTimeOffset at);

    /// <summary>Deletes the citizen's daily rows in a programme (erasure rewrites them merged).</summary>
    Task DeleteDailyAsync(long userId, string programme);

    /// <summary>
    /// Erases the citizen's personal data in inclusion's tables: every raw event and coin lot deleted, redemption codes
    /// blanked, sampled copies unlinked (source <c>erased</c>), nickname and contact removed, consents withdrawn and the profile marked erased at <paramref name="at"/>.
    /// Returns the number of events deleted.
    /// </summary>
    Task<long> ErasePersonalDataAsync(long userId, DateTimeOffset at);
}
