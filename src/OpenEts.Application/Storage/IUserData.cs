using OpenEts.Application.Identity;

namespace OpenEts.Application.Storage;

/// <summary>People who sign in, and their API tokens.</summary>
public interface IUserData
{
    Task<UserRecord?> FindByNameAsync(string userName);

    Task<UserRecord?> FindAsync(long id);

    Task<IReadOnlyList<UserRecord>> ListByOrganisationAsync(long organisationId);

    Task<UserRecord> InsertAsync(UserRecord user, DateTimeOffset now);

    /// <summary>Stores the failure count and lock-out end after a sign-in attempt.</summary>
    Task SetSignInStateAsync(long userId, int failedCount, DateTimeOffset? lockedUntil);

    Task UpdatePasswordHashAsync(long userId, string passwordHash);

    Task<ApiTokenRecord> InsertTokenAsync(ApiTokenRecord token);

    Task<IReadOnlyList<ApiTokenRecord>> ListTokensAsync(long userId);

    Task<ApiTokenRecord?> FindTokenByHashAsync(string tokenHash);

    /// <summary>Revokes a token of this user; false when there is no such live token.</summary>
    Task<bool> RevokeTokenAsync(long userId, long tokenId, DateTimeOffset now);
}
