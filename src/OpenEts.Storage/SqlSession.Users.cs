using OpenEts.Application.Identity;
using OpenEts.Domain.Identity;

namespace OpenEts.Storage;

internal sealed partial class SqlSession
{
    private const string UserColumns =
        "id, user_name, display_name, role, organisation_id, password_hash, failed_count, locked_until";

    private const string TokenColumns = "id, user_id, name, token_hash, prefix, created_at, revoked_at";

    public async Task<UserRecord?> FindByNameAsync(string userName) =>
        (await QuerySingleOrDefaultAsync<UserRow>($"SELECT {UserColumns} FROM users WHERE user_name = @userName",
            new { userName }).ConfigureAwait(false))?.ToRecord();

    public async Task<UserRecord?> FindAsync(long id) =>
        (await QuerySingleOrDefaultAsync<UserRow>($"SELECT {UserColumns} FROM users WHERE id = @id", new { id })
            .ConfigureAwait(false))?.ToRecord();

    public async Task<IReadOnlyList<UserRecord>> ListByOrganisationAsync(long organisationId) =>
        (await QueryAsync<UserRow>($"SELECT {UserColumns} FROM users WHERE organisation_id = @organisationId ORDER BY user_name",
            new { organisationId }).ConfigureAwait(false)).Select(r => r.ToRecord()).ToList();

    public async Task<UserRecord> InsertAsync(UserRecord user, DateTimeOffset now)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO users (user_name, display_name, role, organisation_id, password_hash, failed_count, locked_until, created_at)
            VALUES (@UserName, @DisplayName, @role, @OrganisationId, @PasswordHash, 0, NULL, @now) RETURNING id
            """, new { user.UserName, user.DisplayName, role = user.Role.ToString(), user.OrganisationId, user.PasswordHash, now = Ms(now) })
            .ConfigureAwait(false);
        return user with { Id = id };
    }

    public Task SetSignInStateAsync(long userId, int failedCount, DateTimeOffset? lockedUntil) =>
        ExecuteAsync("UPDATE users SET failed_count = @failedCount, locked_until = @locked WHERE id = @userId",
            new { userId, failedCount, locked = lockedUntil is { } l ? Ms(l) : (long?)null });

    public Task UpdatePasswordHashAsync(long userId, string passwordHash) =>
        ExecuteAsync("UPDATE users SET password_hash = @passwordHash WHERE id = @userId", new { userId, passwordHash });

    public async Task<ApiTokenRecord> InsertTokenAsync(ApiTokenRecord token)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, revoked_at)
            VALUES (@UserId, @Name, @TokenHash, @Prefix, @created, NULL) RETURNING id
            """, new { token.UserId, token.Name, token.TokenHash, token.Prefix, created = Ms(token.CreatedAt) }).ConfigureAwait(false);
        return token with { Id = id };
    }

    public async Task<IReadOnlyList<ApiTokenRecord>> ListTokensAsync(long userId) =>
        (await QueryAsync<TokenRow>($"SELECT {TokenColumns} FROM api_tokens WHERE user_id = @userId ORDER BY id DESC",
            new { userId }).ConfigureAwait(false)).Select(r => r.ToRecord()).ToList();

    public async Task<ApiTokenRecord?> FindTokenByHashAsync(string tokenHash) =>
        (await QuerySingleOrDefaultAsync<TokenRow>($"SELECT {TokenColumns} FROM api_tokens WHERE token_hash = @tokenHash",
            new { tokenHash }).ConfigureAwait(false))?.ToRecord();

    public async Task<bool> RevokeTokenAsync(long userId, long tokenId, DateTimeOffset now) =>
        await ExecuteAsync(
            "UPDATE api_tokens SET revoked_at = @now WHERE id = @tokenId AND user_id = @userId AND revoked_at IS NULL",
            new { userId, tokenId, now = Ms(now) }).ConfigureAwait(false) == 1;

    private sealed class UserRow
    {
        public long Id { get; init; }

        public string User_Name { get; init; } = "";

        public string Display_Name { get; init; } = "";

        public string Role { get; init; } = "";

        public long? Organisation_Id { get; init; }

        public string Password_Hash { get; init; } = "";

        public long Failed_Count { get; init; }

        public long? Locked_Until { get; init; }

        public UserRecord ToRecord() => new(Id, User_Name, Display_Name, Enum.Parse<Role>(Role), Organisation_Id,
            Password_Hash, checked((int)Failed_Count), Locked_Until is { } l ? At(l) : null);
    }

    private sealed class TokenRow
    {
        public long Id { get; init; }

        public long User_Id { get; init; }

        public string Name { get; init; } = "";

        public string Token_Hash { get; init; } = "";

        public string Prefix { get; init; } = "";

        public long Created_At { get; init; }

        public long? Revoked_At { get; init; }

        public ApiTokenRecord ToRecord() =>
            new(Id, User_Id, Name, Token_Hash, Prefix, At(Created_At), Revoked_At is { } r ? At(r) : null);
    }
}
