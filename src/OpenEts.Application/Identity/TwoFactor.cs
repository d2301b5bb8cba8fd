using System.Security.Cryptography;
using System.Text;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OtpNet;

namespace OpenEts.Application.Identity;

/// <summary>
/// Two-factor sign-in with TOTP (RFC 6238: 30-second steps, 6 digits, SHA-1, as every authenticator app reads it):
/// enrol (a new secret, shown once with its QR code, pending until confirmed with a code), confirm (which gives
/// <see cref="RecoveryCodeCount"/> single-use recovery codes, kept only as SHA-256), check a code at sign-in (one step of
/// clock drift either way; a step once accepted is never accepted again), and disable (with a code). The secret is
/// stored protected by <see cref="ISecretProtector"/>. Each change is journalled without any secret.
/// </summary>
public sealed class TwoFactor(IStore store, ISecretProtector protector, TimeProvider time)
{
    /// <summary>Recovery codes given at enrolment.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>The issuer shown in authenticator apps.</summary>
    public const string Issuer = "OpenETS";

    public const string EnabledKind = "user.2fa-enabled";

    public const string DisabledKind = "user.2fa-disabled";

    public const string RecoveryUsedKind = "user.2fa-recovery-code-used";

    private static readonly VerificationWindow Drift = new(previous: 1, future: 1);

    /// <summary>Where the user stands: enrolled, a pending secret to confirm (with its otpauth URI), or neither.</summary>
    public async Task<TwoFactorStatus> StatusAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = await store.ReadAsync(s => s.Users.FindAsync(actor.UserId), ct).ConfigureAwait(false);
        var state = user?.TwoFactor ?? TwoFactorState.None;
        if (state.IsEnabled)
        {
            return new TwoFactorStatus.Enabled(state.EnabledAt!.Value, state.RecoveryHashes.Count);
        }
        if (state.ProtectedSecret is { } p && protector.Unprotect(p) is { } secret)
        {
            return new TwoFactorStatus.Pending(secret, Uri(secret, actor.UserName));
        }
        return new TwoFactorStatus.None();
    }

    /// <summary>Starts (or restarts) enrolment with a new secret; refused when already enrolled.</summary>
    public async Task<TwoFactorStatus> BeginAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        var begun = await store.WriteAsync(async s =>
        {
            var user = await s.Users.FindAsync(actor.UserId).ConfigureAwait(false);
            if (user is null || user.TwoFactor.IsEnabled)
            {
                return false;
            }
            await s.Users.SetTwoFactorAsync(user.Id, new TwoFactorState(protector.Protect(secret), null, null, null)).ConfigureAwait(false);
            return true;
        }, ct).ConfigureAwait(false);
        return begun ? new TwoFactorStatus.Pending(secret, Uri(secret, actor.UserName)) : await StatusAsync(actor, ct).ConfigureAwait(false);
    }

    /// <summary>Confirms a pending enrolment with a code from the app; the recovery codes come back once.</summary>
    public async Task<TwoFactorConfirmation> ConfirmAsync(Actor actor, string? code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = time.GetUtcNow();
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        return await store.WriteAsync<TwoFactorConfirmation>(async s =>
        {
            var user = await s.Users.FindAsync(actor.UserId).ConfigureAwait(false);
            if (user is null || user.TwoFactor.IsEnabled || user.TwoFactor.ProtectedSecret is not { } p || protector.Unprotect(p) is not { } secret)
            {
                return new TwoFactorConfirmation.NotPending();
            }
            if (MatchStep(secret, code, null, now) is not { } step)
            {
                return new TwoFactorConfirmation.WrongCode();
            }
            await s.Users.SetTwoFactorAsync(user.Id, new TwoFactorState(p, now, step, string.Join(' ', codes.Select(HashCode))))
                .ConfigureAwait(false);
            await s.Journal.AppendAsync(now, actor.UserName, EnabledKind, user.UserName,
                Json.Object(("recoveryCodes", codes.Count))).ConfigureAwait(false);
            return new TwoFactorConfirmation.Confirmed(codes, (await s.Users.FindAsync(user.Id).ConfigureAwait(false))!);
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Turns two-factor sign-in off; needs a current code or a recovery code.</summary>
    public async Task<UserCommandOutcome> DisableAsync(Actor actor, string? code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = time.GetUtcNow();
        return await store.WriteAsync<UserCommandOutcome>(async s =>
        {
            var user = await s.Users.FindAsync(actor.UserId).ConfigureAwait(false);
            if (user is null || !user.TwoFactor.IsEnabled)
            {
                return new UserCommandOutcome.Refused("totpCode", "TwoFactorNotEnabled", "two-factor sign-in is not on", RefusalKind.Conflict);
            }
            if (Check(user, code, now) is null)
            {
                return WrongCode();
            }
            await s.Users.SetTwoFactorAsync(user.Id, TwoFactorState.None).ConfigureAwait(false);
            await s.Journal.AppendAsync(now, actor.UserName, DisabledKind, user.UserName, "{}").ConfigureAwait(false);
            return new UserCommandOutcome.Completed((await s.Users.FindAsync(user.Id).ConfigureAwait(false))!);
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks a sign-in code for an enrolled user inside the caller's write transaction and stores what it uses up (the
    /// step, or the recovery code). False when the code is wrong or already used.
    /// </summary>
    internal async Task<bool> UseCodeAsync(IStoreSession s, UserRecord user, string? code, DateTimeOffset now)
    {
        if (Check(user, code, now) is not { } next)
        {
            return false;
        }
        await s.Users.SetTwoFactorAsync(user.Id, next).ConfigureAwait(false);
        if (next.RecoveryHashes.Count < user.TwoFactor.RecoveryHashes.Count)
        {
            await s.Journal.AppendAsync(now, user.UserName, RecoveryUsedKind, user.UserName,
                Json.Object(("left", next.RecoveryHashes.Count))).ConfigureAwait(false);
        }
        return true;
    }

    internal static UserCommandOutcome.Refused WrongCode() =>
        new("totpCode", "TwoFactorCode", "totpCode: this is not a current code from your app nor an unused recovery code", RefusalKind.Malformed);

    // The state after accepting the code (a TOTP step or a recovery code), or null when it is not accepted.
    private TwoFactorState? Check(UserRecord user, string? code, DateTimeOffset now)
    {
        var state = user.TwoFactor;
        if (!state.IsEnabled)
        {
            return null;
        }
        // A secret the key ring can no longer read (keys lost or replaced) leaves the recovery codes, which are hashes.
        if (protector.Unprotect(state.ProtectedSecret!) is { } secret && MatchStep(secret, code, state.LastStep, now) is { } step)
        {
            return state with { LastStep = step };
        }
        var hash = HashCode(NormaliseRecovery(code));
        var left = state.RecoveryHashes.ToList();
        var index = left.FindIndex(h => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(h), Encoding.ASCII.GetBytes(hash)));
        if (index < 0)
        {
            return null;
        }
        left.RemoveAt(index);
        return state with { RecoveryCodeHashes = string.Join(' ', left) };
    }

    private static long? MatchStep(string secret, string? code, long? lastStep, DateTimeOffset now)
    {
        var digits = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        if (!totp.VerifyTotp(now.UtcDateTime, digits, out var step, Drift) || step <= (lastStep ?? long.MinValue))
        {
            return null;
        }
        return step;
    }

    /// <summary>The otpauth URI an authenticator app reads from the QR code.</summary>
    public static string Uri(string secret, string userName) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(userName)}?secret={secret}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6&period=30";

    // 10 characters of Crockford-like base32 (50 bits), shown as xxxxx-xxxxx.
    private static string NewRecoveryCode()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var chars = new char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }
        return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
    }

    private static string NormaliseRecovery(string? code) => (code ?? "").Trim().ToLowerInvariant();

    private static string HashCode(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}

/// <summary>Where a user's two-factor sign-in stands.</summary>
public abstract record TwoFactorStatus
{
    private TwoFactorStatus()
    {
    }

    public sealed record None : TwoFactorStatus;

    /// <summary>A secret to add to the app and confirm with a code.</summary>
    public sealed record Pending(string Secret, string OtpAuthUri) : TwoFactorStatus;

    public sealed record Enabled(DateTimeOffset Since, int RecoveryCodesLeft) : TwoFactorStatus;
}

/// <summary>How confirming an enrolment ended.</summary>
public abstract record TwoFactorConfirmation
{
    private TwoFactorConfirmation()
    {
    }

    /// <summary>On: the recovery codes, shown this once.</summary>
    public sealed record Confirmed(IReadOnlyList<string> RecoveryCodes, UserRecord User) : TwoFactorConfirmation;

    public sealed record WrongCode : TwoFactorConfirmation;

    /// <summary>No enrolment to confirm (none begun, or already on).</summary>
    public sealed record NotPending : TwoFactorConfirmation;
}
