namespace OpenEts.Application.Identity;

/// <summary>
/// A user's two-factor sign-in (TOTP, RFC 6238) as stored: the secret, protected by the server's data-protection keys
/// (<see cref="ISecretProtector"/>); when enrolment was confirmed with a code (null while pending or off); the last time
/// step accepted, so a code is never accepted twice; and the SHA-256 (hex) of each unused recovery code, space-separated.
/// </summary>
public sealed record TwoFactorState(string? ProtectedSecret, DateTimeOffset? EnabledAt, long? LastStep, string? RecoveryCodeHashes)
{
    /// <summary>No second factor.</summary>
    public static TwoFactorState None { get; } = new(null, null, null, null);

    /// <summary>True once enrolment is confirmed: sign-in asks for a code.</summary>
    public bool IsEnabled => EnabledAt is not null && ProtectedSecret is not null;

    /// <summary>The unused recovery codes' hashes.</summary>
    public IReadOnlyList<string> RecoveryHashes =>
        RecoveryCodeHashes is null ? [] : RecoveryCodeHashes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
