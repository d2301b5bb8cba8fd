using OpenEts.Domain.Identity;

namespace OpenEts.Application.Identity;

/// <summary>
/// Where two-factor sign-in is required. <paramref name="RequiredForTokens"/>: creating an API token needs a confirmed
/// TOTP enrolment (server option <c>--require-2fa-for-tokens</c>; on by default except on the demo), because a token
/// outlives the session that made it and is the easiest credential to steal.
/// </summary>
/// <param name="RequiredForTokens">Creating an API token needs a confirmed enrolment.</param>
/// <param name="RequiredForRoles">
/// Users of these roles who have not enrolled are held on the two-factor page after signing in until they have
/// (<c>--require-2fa-for-roles</c>; by default the regulator and company representatives, none on the demo).
/// </param>
public sealed record TwoFactorPolicy(bool RequiredForTokens, IReadOnlyList<Role> RequiredForRoles)
{
    /// <summary>The roles that must enrol unless the server says otherwise: those who move allowances or manage the platform.</summary>
    public static IReadOnlyList<Role> DefaultRoles { get; } = [Role.Regulator, Role.CompanyRepresentative];

    /// <summary>Nothing required.</summary>
    public static TwoFactorPolicy Off { get; } = new(false, []);

    /// <summary>True when <paramref name="user"/> must enrol before doing anything else.</summary>
    public bool MustEnrol(UserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return RequiredForRoles.Contains(user.Role) && !user.TwoFactor.IsEnabled;
    }
}
