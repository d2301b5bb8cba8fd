using OpenEts.Application.Identity;
using OpenEts.Domain.Identity;

namespace OpenEts.Storage;

internal sealed partial class SqlSession
{
    private const string UserColumns =
        "id, user_name, display_name, role, organisation_id, password_hash, failed_count, locked_until, security_stamp, disabled_at, "
        + "must_change_password, totp_secret, totp_enabled_at, totp_last_step, recovery_codes";

    private const string TokenColumns = "id, user_id, name, token_hash, prefix, created_at, revoked_at, expires_at, scope, last_used_at";

    public async Task<UserRecord?> FindByNameAsync(string userName) =>
        (await QuerySingleOrDefaultAsync<UserRow>($"SELECT {UserColumns} FROM users WHERE user_name = @userName",
            new { userName }).ConfigureAwait(false))?.ToRecord();

    public async Task<IReadOnlyList<UserRecord>> FindByNamesAsync(IReadOnlyCollection<string> userNames)
    {
        ArgumentNullException.ThrowIfNull(userNames);
        return [.. (await QueryAsync<UserRow>($"SELECT {UserColumns} FROM users WHERE {AmongList("user_name", "names")}",
            new { names = ListValue(userNames) }).ConfigureAwait(false)).Select(r => r.ToRecord())];
    }

    public async Task<IReadOnlyDictionary<string, long>> IdsByNamesAsync(IReadOnlyCollection<string> userNames, Role role)
    {
        ArgumentNullException.ThrowIfNull(userNames);
        List<(string Name, long Id)> rows;
        if (connection is Microsoft.Data.Sqlite.SqliteConnection)
        {
            // SQLite: a probe of the names' unique index per name, in process; the names are the ones asked for.
            var text = role.ToString();
            rows = ReadEach(userNames as IReadOnlyList<string> ?? [.. userNames], "SELECT id FROM users WHERE user_name = @name AND role = @role",
                ["name", "role"], (n, p) =>
                {
                    p.Set(0, n);
                    p.Set(1, text);
                }, (n, r) => (n, r.Int64(0)));
        }
        else
        {
            rows = new List<(string Name, long Id)>(userNames.Count);
            await ReadIntoAsync($"SELECT user_name, id FROM users WHERE {AmongList("user_name", "names")} AND role = @role", command =>
            {
                Bind(command, "names", ListValue(userNames));
                Bind(command, "role", role.ToString());
            }, r => (r.GetString(0), r.GetInt64(1)), rows).ConfigureAwait(false);
        }
        var ids = new Dictionary<string, long>(rows.Count, StringComparer.Ordinal);
        foreach (var (name, id) in rows)
        {
            ids[name] = id;
        }
        return ids;
    }

    public Task<long> CountUsersAsync() => ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users");

    public async Task<UserRecord?> FindAsync(long id) =>
        (await QuerySingleOrDefaultAsync<UserRow>($"SELECT {UserColumns} FROM users WHERE id = @id", new { id })
            .ConfigureAwait(false))?.ToRecord();

    public async Task<IReadOnlyList<UserRecord>> ListByOrganisationAsync(long organisationId) =>
        (await QueryAsync<UserRow>($"SELECT {UserColumns} FROM users WHERE organisation_id = @organisationId ORDER BY user_name",
            new { organisationId }).ConfigureAwait(false)).Select(r => r.ToRecord()).ToList();

    public async Task<IReadOnlyList<UserRecord>> ListAllAsync() =>
        (await QueryAsync<UserRow>($"SELECT {UserColumns} FROM users ORDER BY user_name").ConfigureAwait(false))
            .Select(r => r.ToRecord()).ToList();

    public Task UpdateAccessAsync(long userId, string displayName, Role role, long? organisationId) =>
        UserWriteAsync("UPDATE users SET display_name = @displayName, role = @role, organisation_id = @organisationId WHERE id = @userId",
            new { userId, displayName, role = role.ToString(), organisationId });

    public Task SetPasswordAsync(long userId, string passwordHash, bool mustChange) =>
        UserWriteAsync("UPDATE users SET password_hash = @passwordHash, must_change_password = @must WHERE id = @userId",
            new { userId, passwordHash, must = mustChange ? 1 : 0 });

    public Task SetTwoFactorAsync(long userId, TwoFactorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return UserWriteAsync("""
            UPDATE users SET totp_secret = @ProtectedSecret, totp_enabled_at = @enabled, totp_last_step = @LastStep,
                             recovery_codes = @RecoveryCodeHashes
            WHERE id = @userId
            """, new { userId, state.ProtectedSecret, enabled = state.EnabledAt is { } e ? Ms(e) : (long?)null, state.LastStep, state.RecoveryCodeHashes });
    }

    public async Task<UserRecord> InsertAsync(UserRecord user, DateTimeOffset now)
    {
        var stamp = user.SecurityStamp.Length > 0 ? user.SecurityStamp : SecurityStamps.New();
        var id = await UserWriteScalarAsync("""
            INSERT INTO users (user_name, display_name, role, organisation_id, password_hash, failed_count, locked_until,
                               created_at, security_stamp, disabled_at,
                               must_change_password)
            VALUES (@UserName, @DisplayName, @role, @OrganisationId, @PasswordHash, 0, NULL, @now, @stamp, NULL, @must) RETURNING id
            """, new
        {
            user.UserName, user.DisplayName, role = user.Role.ToString(), user.OrganisationId, user.PasswordHash, now = Ms(now), stamp,
            must = user.MustChangePassword ? 1 : 0,
        }).ConfigureAwait(false);
        return user with { Id = id, SecurityStamp = stamp, DisabledAt = null, TwoFactor = TwoFactorState.None };
    }

    public Task SetSignInStateAsync(long userId, int failedCount, DateTimeOffset? lockedUntil) =>
        UserWriteAsync("UPDATE users SET failed_count = @failedCount, locked_until = @locked WHERE id = @userId",
            new { userId, failedCount, locked = lockedUntil is { } l ? Ms(l) : (long?)null });

    public Task UpdatePasswordHashAsync(long userId, string passwordHash) =>
        UserWriteAsync("UPDATE users SET password_hash = @passwordHash WHERE id = @userId", new { userId, passwordHash });

    public Task SetSecurityStampAsync(long userId, string stamp) =>
        UserWriteAsync("UPDATE users SET security_stamp = @stamp WHERE id = @userId", new { userId, stamp });

    public async Task<bool> SetDisabledAsync(long userId, DateTimeOffset? disabledAt) =>
        await UserWriteAsync(disabledAt is null
                ? "UPDATE users SET disabled_at = NULL WHERE id = @userId AND disabled_at IS NOT NULL"
                : "UPDATE users SET disabled_at = @at WHERE id = @userId AND disabled_at IS NULL",
            new { userId, at = disabledAt is { } d ? Ms(d) : (long?)null }).ConfigureAwait(false) == 1;

    public async Task<int> RevokeAllTokensAsync(long userId, DateTimeOffset now) =>
        await UserWriteAsync("UPDATE api_tokens SET revoked_at = @now WHERE user_id = @userId AND revoked_at IS NULL",
            new { userId, now = Ms(now) }).ConfigureAwait(false);

    public async Task<bool> MarkTokenUsedAsync(long tokenId, DateTimeOffset now) =>
        await ExecuteAsync("UPDATE api_tokens SET last_used_at = @now WHERE id = @tokenId AND (last_used_at IS NULL OR last_used_at < @now)",
            new { tokenId, now = Ms(now) }).ConfigureAwait(false) == 1;

    public async Task<ApiTokenRecord> InsertTokenAsync(ApiTokenRecord token)
    {
        var id = await UserWriteScalarAsync("""
            INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, revoked_at, expires_at, scope, last_used_at)
            VALUES (@UserId, @Name, @TokenHash, @Prefix, @created, NULL, @expires, @scope, NULL) RETURNING id
            """, new
        {
            token.UserId, token.Name, token.TokenHash, token.Prefix, created = Ms(token.CreatedAt), expires = Ms(token.ExpiresAt),
            scope = TokenScopes.Name(token.Scope),
        }).ConfigureAwait(false);
        return token with { Id = id, RevokedAt = null, LastUsedAt = null };
    }

    public async Task<IReadOnlyList<ApiTokenRecord>> ListTokensAsync(long userId) =>
        (await QueryAsync<TokenRow>($"SELECT {TokenColumns} FROM api_tokens WHERE user_id = @userId ORDER BY id DESC",
            new { userId }).ConfigureAwait(false)).Select(r => r.ToRecord()).ToList();

    public async Task<ApiTokenRecord?> FindTokenByHashAsync(string tokenHash) =>
        (await QuerySingleOrDefaultAsync<TokenRow>($"SELECT {TokenColumns} FROM api_tokens WHERE token_hash = @tokenHash",
            new { tokenHash }).ConfigureAwait(false))?.ToRecord();

    public async Task<bool> RevokeTokenAsync(long userId, long tokenId, DateTimeOffset now) =>
        await UserWriteAsync(
            "UPDATE api_tokens SET revoked_at = @now WHERE id = @tokenId AND user_id = @userId AND revoked_at IS NULL",
            new { userId, tokenId, now = Ms(now) }).ConfigureAwait(false) == 1;

    /// <summary>True once this session changed a user or an API token (a token's last use aside): see <see cref="SqlStore.UsersVersion"/>.</summary>
    internal bool UsersChanged { get; private set; }

    private Task<int> UserWriteAsync(string sql, object? parameters)
    {
        UsersChanged = true;
        return ExecuteAsync(sql, parameters);
    }

    private Task<long> UserWriteScalarAsync(string sql, object? parameters)
    {
        UsersChanged = true;
        return ExecuteScalarAsync<long>(sql, parameters);
    }

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

        public string Security_Stamp { get; init; } = "";

        public long? Disabled_At { get; init; }

        public long Must_Change_Password { get; init; }

        public string? Totp_Secret { get; init; }

        public long? Totp_Enabled_At { get; init; }

        public long? Totp_Last_Step { get; init; }

        public string? Recovery_Codes { get; init; }

        public UserRecord ToRecord() => new(Id, User_Name, Display_Name, Enum.Parse<Role>(Role), Organisation_Id,
            Password_Hash, checked((int)Failed_Count), Locked_Until is { } l ? At(l) : null)
        {
            SecurityStamp = Security_Stamp,
            DisabledAt = Disabled_At is { } d ? At(d) : null,
            MustChangePassword = Must_Change_Password != 0,
            TwoFactor = new TwoFactorState(Totp_Secret, Totp_Enabled_At is { } t ? At(t) : null, Totp_Last_Step, Recovery_Codes),
        };
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

        public long Expires_At { get; init; }

        public string Scope { get; init; } = "";

        public long? Last_Used_At { get; init; }

        public ApiTokenRecord ToRecord() =>
            new(Id, User_Id, Name, Token_Hash, Prefix, At(Created_At), Revoked_At is { } r ? At(r) : null, At(Expires_At),
                TokenScopes.TryParse(Scope, out var scope) ? scope : throw new InvalidOperationException($"unknown token scope '{Scope}'"),
                Last_Used_At is { } u ? At(u) : null);
    }
}
