using OpenEts.Application.Identity;
using OpenEts.Domain.Identity;

namespace OpenEts.Application.Storage;

/// <summary>People who sign in, and their API tokens.</summary>
public interface IUserData
{
    Task<UserRecord?> FindByNameAsync(string userName);

    /// <summary>The users of these names (names with no user are left out), in one query per thousand names.</summary>
    Task<IReadOnlyList<UserRecord>> FindByNamesAsync(IReadOnlyCollection<string> userNames);

    /// <summary>
    /// The ids of the users of these names who have <paramref name="role"/>, by name (other names left out), read as
    /// those two columns alone: carbon inclusion's batches name thousands of citizens, and a whole record each (its
    /// two-factor state included) cost a few per cent of recording them.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> IdsByNamesAsync(IReadOnlyCollection<string> userNames, Role role);

    Task<UserRecord?> FindAsync(long id);

    /// <summary>How many users there are (disabled ones included).</summary>
    Task<long> CountUsersAsync();

    Task<IReadOnlyList<UserRecord>> ListByOrganisationAsync(long organisationId);

    /// <summary>Every user, by user name.</summary>
    Task<IReadOnlyList<UserRecord>> ListAllAsync();

    /// <summary>Changes a user's display name, role and organisation.</summary>
    Task UpdateAccessAsync(long userId, string displayName, Domain.Identity.Role role, long? organisationId);

    /// <summary>Sets a new password hash and whether the user must change it at their next sign-in.</summary>
    Task SetPasswordAsync(long userId, string passwordHash, bool mustChange);

    /// <summary>Stores the user's two-factor state (enrolment, the last step accepted, the recovery codes left).</summary>
    Task SetTwoFactorAsync(long userId, TwoFactorState state);

    Task<UserRecord> InsertAsync(UserRecord user, DateTimeOffset now);

    /// <summary>Stores the failure count and lock-out end after a sign-in attempt.</summary>
    Task SetSignInStateAsync(long userId, int failedCount, DateTimeOffset? lockedUntil);

    Task UpdatePasswordHashAsync(long userId, string passwordHash);

    /// <summary>Replaces the user's security stamp: every sign-in cookie issued before stops working.</summary>
    Task SetSecurityStampAsync(long userId, string stamp);

    /// <summary>Disables (a time) or enables (null) an account; false when it already was.</summary>
    Task<bool> SetDisabledAsync(long userId, DateTimeOffset? disabledAt);

    /// <summary>Revokes every live token of the user; the number revoked.</summary>
    Task<int> RevokeAllTokensAsync(long userId, DateTimeOffset now);

    /// <summary>Records that a token was used at <paramref name="now"/> (never moves the time back).</summary>
    Task<bool> MarkTokenUsedAsync(long tokenId, DateTimeOffset now);

    Task<ApiTokenRecord> InsertTokenAsync(ApiTokenRecord token);

    Task<IReadOnlyList<ApiTokenRecord>> ListTokensAsync(long userId);

    Task<ApiTokenRecord?> FindTokenByHashAsync(string tokenHash);

    /// <summary>Revokes a token of this user; false when there is no such live token.</summary>
    Task<bool> RevokeTokenAsync(long userId, long tokenId, DateTimeOffset now);
}
