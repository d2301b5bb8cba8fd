using System.Security.Cryptography;
using System.Text;
using OpenEts.Application.Storage;

namespace OpenEts.Application.Identity;

/// <summary>Sign-in with lock-out, and API tokens for programs.</summary>
public sealed class SignIn(IStore store, IPasswordHashing hashing)
{
    /// <summary>Failed attempts in a row before the account locks (OWASP ASVS 2.2.1 asks for a limit; 5 is common).</summary>
    public const int MaxFailures = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private const string TokenPrefix = "oets_";

    private readonly Lazy<string> _dummyHash = new(() => hashing.Hash(Guid.NewGuid().ToString()));

    public Task<SignInOutcome> PasswordAsync(string userName, string password, DateTimeOffset now, CancellationToken ct) =>
        store.WriteAsync<SignInOutcome>(async s =>
        {
            var user = await s.Users.FindByNameAsync(userName.Trim()).ConfigureAwait(false);
            if (user is null)
            {
                // Same work as a real check, so a wrong name and a wrong password take the same time.
                hashing.Verify(_dummyHash.Value, password);
                return new SignInOutcome.BadCredentials();
            }
            if (user.DisabledAt is not null)
            {
                // A disabled account answers like a wrong password: nothing tells a guesser that the name exists.
                hashing.Verify(_dummyHash.Value, password);
                return new SignInOutcome.BadCredentials();
            }
            if (user.LockedUntil is { } until && until > now)
            {
                return new SignInOutcome.LockedOut(until);
            }
            var check = hashing.Verify(user.PasswordHash, password);
            if (check == PasswordCheck.Failed)
            {
                var failures = user.FailedCount + 1;
                var lockUntil = failures >= MaxFailures ? now + LockoutDuration : (DateTimeOffset?)null;
                await s.Users.SetSignInStateAsync(user.Id, lockUntil is null ? failures : 0, lockUntil).ConfigureAwait(false);
                if (lockUntil is not null)
                {
                    await s.Journal.AppendAsync(now, user.UserName, "user.locked-out", user.UserName,
                        $$"""{"failures":{{failures}}}""").ConfigureAwait(false);
                    return new SignInOutcome.LockedOut(lockUntil.Value);
                }
                return new SignInOutcome.BadCredentials();
            }
            if (check == PasswordCheck.SuccessRehash)
            {
                await s.Users.UpdatePasswordHashAsync(user.Id, hashing.Hash(password)).ConfigureAwait(false);
            }
            if (user.FailedCount != 0 || user.LockedUntil is not null)
            {
                await s.Users.SetSignInStateAsync(user.Id, 0, null).ConfigureAwait(false);
            }
            return new SignInOutcome.SignedIn(user);
        }, ct);

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
        var found = await store.ReadAsync(async s =>
        {
            var token = await s.Users.FindTokenByHashAsync(HashToken(secret)).ConfigureAwait(false);
            if (token is null || !token.IsLiveAt(now))
            {
                return null;
            }
            var user = await s.Users.FindAsync(token.UserId).ConfigureAwait(false);
            return user is null || user.DisabledAt is not null ? null : new TokenSignIn(user, token);
        }, ct).ConfigureAwait(false);
        if (found is not null && (found.Token.LastUsedAt is not { } last || now - last >= LastUsedResolution))
        {
            await store.WriteAsync(s => s.Users.MarkTokenUsedAsync(found.Token.Id, now), ct).ConfigureAwait(false);
        }
        return found;
    }

    public static string HashToken(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>How a sign-in attempt ended.</summary>
public abstract record SignInOutcome
{
    public sealed record SignedIn(UserRecord User) : SignInOutcome;

    public sealed record BadCredentials : SignInOutcome;

    public sealed record LockedOut(DateTimeOffset Until) : SignInOutcome;
}

/// <summary>Who a live API token signs in, and the token (its scope decides what it may do).</summary>
public sealed record TokenSignIn(UserRecord User, ApiTokenRecord Token);
