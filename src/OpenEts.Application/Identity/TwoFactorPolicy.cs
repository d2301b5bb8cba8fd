namespace OpenEts.Application.Identity;

/// <summary>
/// Where two-factor sign-in is required. <paramref name="RequiredForTokens"/>: creating an API token needs a confirmed
/// TOTP enrolment (server option <c>--require-2fa-for-tokens</c>; on by default except on the demo), because a token
/// outlives the session that made it and is the easiest credential to steal.
/// </summary>
public sealed record TwoFactorPolicy(bool RequiredForTokens)
{
    /// <summary>Nothing required.</summary>
    public static TwoFactorPolicy Off { get; } = new(false);
}
