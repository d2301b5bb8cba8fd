using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenEts.Application.Storage;

namespace OpenEts.Application.Identity;

/// <summary>
/// Sign-in (a password, then a TOTP or recovery code when the user enrolled), slowed by <see cref="SignInThrottle"/>
/// rather than locked; and API tokens for programs. Every failure is logged at Warning with the user name and address.
/// </summary>
public sealed class SignIn(IStore store, IPasswordHashing hashing, SignInThrottle throttle, TwoFactor? twoFactor,
    TwoFactorPolicy policy, ILogger<SignIn> log)
{
    private const string TokenPrefix = "oets_";

    private readonly Lazy<string> _dummyHash = new(() => hashing.Hash(Guid.NewGuid().ToString()));

    // Live tokens already authenticated, by the hash of their secret, with the store's UsersVersion they were read at.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CachedToken> _tokens = new(StringComparer.Ordinal);

    /// <summary>Sign-in for tools and tests: no second factor, nothing required, nothing logged.</summary>
    public SignIn(IStore store, IPasswordHashing hashing)
        : this(store, hashing, new SignInThrottle(), null, TwoFactorPolicy.Off, NullLogger<SignIn>.Instance)
    {
    }

    /// <summary>A password sign-in from an unknown address.</summary>
    public Task<SignInOutcome> PasswordAsync(string userName, string password, DateTimeOffset now, CancellationToken ct) =>
        PasswordAsync(userName, password, "", now, ct);

    /// <summary>
    /// Checks a password. An unknown name, a disabled account and a wrong password take the same path (a password hash
    /// is checked every time) and answer alike; a waiting period applies to each name alike, known or not.
    /// </summary>
    public async Task<SignInOutcome> PasswordAsync(string userName, string password, string address, DateTimeOffset now,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(address);
        var name = userName.Trim();
        if (throttle.WaitUntil(name, address, now) is { } wait)
        {
            log.LogWarning("Sign-in refused while waiting: user {UserName} from {Address} until {Until}", name, address, wait);
            return new SignInOutcome.Throttled(wait);
        }
        var user = await store.ReadAsync(s => s.Users.FindByNameAsync(name), ct).ConfigureAwait(false);
        // A missing or disabled account checks a dummy hash: the same work, so the answer's timing tells nothing.
        var check = hashing.Verify(user is { DisabledAt: null } ? user.PasswordHash : _dummyHash.Value, password ?? "");
        if (user is not { DisabledAt: null } || check == PasswordCheck.Failed)
        {
            return Failed(name, address, now);
        }
        if (check == PasswordCheck.SuccessRehash)
        {
            var hash = hashing.Hash(password!);
            await store.WriteAsync(async s => { await s.Users.UpdatePasswordHashAsync(user.Id, hash).ConfigureAwait(false); return 0; }, ct)
                .ConfigureAwait(false);
        }
        if (twoFactor is not null && user.TwoFactor.IsEnabled)
        {
            return new SignInOutcome.SecondFactorRequired(user);
        }
        throttle.Succeed(name, address);
        return new SignInOutcome.SignedIn(user) { MustEnrolSecondFactor = policy.MustEnrol(user) };
    }

    /// <summary>
    /// The second step for a user whose password was right: a TOTP code or an unused recovery code. <paramref name="stamp"/>
    /// is the security stamp when the password was checked; a sign-out everywhere in between voids it.
    /// </summary>
    public async Task<SignInOutcome> SecondFactorAsync(long userId, string stamp, string? code, string address, DateTimeOffset now,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (twoFactor is null)
        {
            return new SignInOutcome.BadCredentials();
        }
        var user = await store.ReadAsync(s => s.Users.FindAsync(userId), ct).ConfigureAwait(false);
        if (user is not { DisabledAt: null } || !string.Equals(user.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            return new SignInOutcome.BadCredentials();
        }
        if (throttle.WaitUntil(user.UserName, address, now) is { } wait)
        {
            return new SignInOutcome.Throttled(wait);
        }
        var used = await store.WriteAsync(async s =>
        {
            var current = await s.Users.FindAsync(userId).ConfigureAwait(false);
            return current is not null && await twoFactor.UseCodeAsync(s, current, code, now).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
        if (!used)
        {
            return Failed(user.UserName, address, now) is SignInOutcome.Throttled t ? t : new SignInOutcome.SecondFactorRequired(user);
        }
        throttle.Succeed(user.UserName, address);
        return new SignInOutcome.SignedIn(user) { MustEnrolSecondFactor = policy.MustEnrol(user) };
    }

    private SignInOutcome Failed(string name, string address, DateTimeOffset now)
    {
        var until = throttle.Fail(name, address, now);
        log.LogWarning("Sign-in failed: user {UserName} from {Address}", name, address);
        return until is { } u ? new SignInOutcome.Throttled(u) : new SignInOutcome.BadCredentials();
    }

    /// <summary>How often a token's last use is written: at most once a minute, not on every request.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>Creates an API token; the returned text is the only time the token is seen.</summary>
    /// <summary>
    /// Creates an API token for <paramref name="actor"/> from <paramref name="form"/>. Only a signed-in session may: a
    /// token that could mint tokens would outlive its own revocation through its offspring.
    /// </summary>
    public async Task<TokenCreation> CreateTokenAsync(Actor actor, CreateToken.Form form, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        if (actor.ViaToken)
        {
            return new TokenCreation.SessionRequired();
        }
        if (!CreateToken.TryParse(form, out var command, out var errors))
        {
            return new TokenCreation.Invalid(errors);
        }
        if (policy.RequiredForTokens
            && await store.ReadAsync(s => s.Users.FindAsync(actor.UserId), ct).ConfigureAwait(false) is not { TwoFactor.IsEnabled: true })
        {
            return new TokenCreation.SecondFactorRequired();
        }
        return await store.WriteAsync<TokenCreation>(async s =>
        {
            var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
            var token = await s.Users.InsertTokenAsync(new ApiTokenRecord(0, actor.UserId, command!.Name, HashToken(secret),
                secret[..(TokenPrefix.Length + 6)], now, null, now.AddDays(command.ExpiresInDays), command.Scope, null))
                .ConfigureAwait(false);
            await s.Journal.AppendAsync(now, actor.UserName, "token.created", actor.UserName,
                Json.Object(("id", token.Id), ("name", token.Name), ("prefix", token.Prefix),
                    ("scope", TokenScopes.Name(token.Scope)), ("expiresAt", token.ExpiresAt))).ConfigureAwait(false);
            return new TokenCreation.Created(token, secret);
        }, ct).ConfigureAwait(false);
    }

    public Task<bool> RevokeTokenAsync(Actor actor, long tokenId, DateTimeOffset now, CancellationToken ct) =>
        store.WriteAsync(async s =>
        {
            var revoked = await s.Users.RevokeTokenAsync(actor.UserId, tokenId, now).ConfigureAwait(false);
            if (revoked)
            {
                await s.Journal.AppendAsync(now, actor.UserName, "token.revoked", actor.UserName,
                    Json.Object(("id", tokenId))).ConfigureAwait(false);
            }
            return revoked;
        }, ct);

    public Task<IReadOnlyList<ApiTokenRecord>> ListTokensAsync(Actor actor, CancellationToken ct) =>
        store.ReadAsync(s => s.Users.ListTokensAsync(actor.UserId), ct);

    /// <summary>
    /// The user and token of a live token (not revoked, not expired, its user not disabled), or null. Notes the use when
    /// the last one noted is a minute old or more.
    /// </summary>
    public async Task<TokenSignIn?> AuthenticateTokenAsync(string secret, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var hash = HashToken(secret);
        var version = store.UsersVersion;
        if (_tokens.TryGetValue(hash, out var cached) && cached.Version == version
            && now >= cached.ReadAt && now - cached.ReadAt < TokenCacheLife)
        {
            // Nothing about users or tokens changed since it was read: it is what the database would answer, but for the
            // token's expiry, checked again now.
            if (!cached.SignIn.Token.IsLiveAt(now))
            {
                _tokens.TryRemove(hash, out _);
                return null;
            }
            return await NoteUseAsync(hash, cached, now, ct).ConfigureAwait(false);
        }
        var found = await store.ReadAsync(async s =>
        {
            var token = await s.Users.FindTokenByHashAsync(hash).ConfigureAwait(false);
            if (token is null || !token.IsLiveAt(now))
            {
                return null;
            }
            var user = await s.Users.FindAsync(token.UserId).ConfigureAwait(false);
            return user is null || user.DisabledAt is not null ? null : new TokenSignIn(user, token);
        }, ct).ConfigureAwait(false);
        if (found is null)
        {
            _tokens.TryRemove(hash, out _);
            return null;
        }
        return await NoteUseAsync(hash, new CachedToken(found, version, now), now, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// How long an authenticated token is answered from memory at most: a user's or token's change made through this
    /// process (a revocation, a disabled user, a new role) is seen by the next request; one made by another process
    /// writing the same database (the <c>ets</c> command line, a second server) within this time. A clock set back reads
    /// the database again.
    /// </summary>
    public static readonly TimeSpan TokenCacheLife = TimeSpan.FromSeconds(5);

    // Notes the use when the last one noted is a minute old or more, and keeps the token in memory as of that use.
    private async Task<TokenSignIn> NoteUseAsync(string hash, CachedToken entry, DateTimeOffset now, CancellationToken ct)
    {
        var found = entry.SignIn;
        if (found.Token.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            await store.WriteAsync(s => s.Users.MarkTokenUsedAsync(found.Token.Id, now), ct).ConfigureAwait(false);
            found = found with { Token = found.Token with { LastUsedAt = now } };
            entry = entry with { SignIn = found };
        }
        _tokens[hash] = entry;
        return found;
    }

    private sealed record CachedToken(TokenSignIn SignIn, long Version, DateTimeOffset ReadAt);

    public static string HashToken(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>How a sign-in attempt ended.</summary>
public abstract record SignInOutcome
{
    /// <summary>Signed in; <see cref="MustEnrolSecondFactor"/> when the user's role requires 2FA and they have not enrolled.</summary>
    public sealed record SignedIn(UserRecord User) : SignInOutcome
    {
        public bool MustEnrolSecondFactor { get; init; }
    }

    /// <summary>Wrong name or password (or code); which one is never said.</summary>
    public sealed record BadCredentials : SignInOutcome;

    /// <summary>The password was right; a TOTP or recovery code is needed next.</summary>
    public sealed record SecondFactorRequired(UserRecord User) : SignInOutcome;

    /// <summary>Too many failures: the next attempt is allowed at <paramref name="Until"/>.</summary>
    public sealed record Throttled(DateTimeOffset Until) : SignInOutcome;
}

/// <summary>Who a live API token signs in, and the token (its scope decides what it may do).</summary>
public sealed record TokenSignIn(UserRecord User, ApiTokenRecord Token);
