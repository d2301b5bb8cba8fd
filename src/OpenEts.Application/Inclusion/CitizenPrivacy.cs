using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>A citizen's privacy page: the notice in force, their profile (null for an account the regulator created) and their consents, newest first.</summary>
public sealed record CitizenPrivacy(string UserName, ConsentNotice Notice, CitizenProfile? Profile, IReadOnlyList<ConsentRecord> Consents)
{
    /// <summary>True when the citizen's consent permits processing their actions under the notice in force.</summary>
    public bool Consented => PermitsProcessing(Profile, Notice);

    /// <summary>
    /// True when a citizen's actions may be recorded: an account without a profile (created by the regulator, its consent
    /// taken outside the platform), or one whose consent to <paramref name="notice"/> stands and that is not erased.
    /// </summary>
    public static bool PermitsProcessing(CitizenProfile? profile, ConsentNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return profile is null || (profile.ErasedAt is null && notice.Permits(profile.ConsentVersion));
    }
}
