using OpenEts.Domain.Identity;

namespace OpenEts.Application.Identity;

/// <summary>A person who signs in. The password is kept only as a salted hash.</summary>
public sealed record UserRecord(
    long Id,
    string UserName,
    string DisplayName,
    Role Role,
    long? OrganisationId,
    string PasswordHash,
    int FailedCount,
    DateTimeOffset? LockedUntil)
{
    /// <summary>
    /// Changes whenever every session of the user must end (sign-out, password change, sign out everywhere, disabling);
    /// a sign-in cookie issued with another stamp no longer signs anyone in. Empty on a new record: storage sets one.
    /// </summary>
    public string SecurityStamp { get; init; } = "";

    /// <summary>When the account was disabled; null while it may sign in.</summary>
    public DateTimeOffset? DisabledAt { get; init; }

    /// <summary>True after the regulator reset the password: the user must choose a new one before anything else.</summary>
    public bool MustChangePassword { get; init; }

    /// <summary>The user's second sign-in factor; <see cref="TwoFactorState.None"/> when not enrolled.</summary>
    public TwoFactorState TwoFactor { get; init; } = TwoFactorState.None;
}
