using System.Globalization;
using System.Security.Claims;
using OpenEts.Application.Identity;
using OpenEts.Domain.Identity;

namespace OpenEts.Server.Auth;

/// <summary>Between users and claims.</summary>
internal static class Principals
{
    public const string OrganisationClaim = "org";
    public const string DisplayNameClaim = "display";

    /// <summary>The user's security stamp when the cookie was issued; a cookie whose stamp is no longer current is refused.</summary>
    public const string StampClaim = "stamp";

    /// <summary>Present (<c>1</c>) while the user must change a password the regulator reset.</summary>
    public const string MustChangePasswordClaim = "must_change_password";

    /// <summary>On a token's principal: the token's scope (<c>read</c> or <c>read-write</c>).</summary>
    public const string TokenScopeClaim = "token_scope";

    /// <summary>Present (<c>1</c>) while a user whose role requires two-factor sign-in has not enrolled.</summary>
    public const string MustEnrolClaim = "must_enrol_2fa";

    public static ClaimsPrincipal For(UserRecord user, string scheme, bool mustEnrolSecondFactor = false)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.Role, Roles.Name(user.Role)),
            new(DisplayNameClaim, user.DisplayName),
            new(StampClaim, user.SecurityStamp),
        };
        if (user.OrganisationId is { } org)
        {
            claims.Add(new Claim(OrganisationClaim, org.ToString(CultureInfo.InvariantCulture)));
        }
        if (user.MustChangePassword)
        {
            claims.Add(new Claim(MustChangePasswordClaim, "1"));
        }
        if (mustEnrolSecondFactor)
        {
            claims.Add(new Claim(MustEnrolClaim, "1"));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>A principal for a program signed in with an API token.</summary>
    public static ClaimsPrincipal For(TokenSignIn signIn, string scheme)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        var principal = For(signIn.User, scheme);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(TokenScopeClaim, TokenScopes.Name(signIn.Token.Scope)));
        return principal;
    }

    /// <summary>True when an API token, not a signed-in session, authenticated this request.</summary>
    public static bool IsToken(this ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == TokenScopeClaim);

    /// <summary>True while a signed-in user must change a reset password before anything else.</summary>
    public static bool MustChangePassword(this ClaimsPrincipal principal) => principal.HasClaim(MustChangePasswordClaim, "1");

    /// <summary>True while a signed-in user must enrol two-factor sign-in before anything else.</summary>
    public static bool MustEnrolSecondFactor(this ClaimsPrincipal principal) => principal.HasClaim(MustEnrolClaim, "1");

    /// <summary>The client's address for sign-in throttling and logs (after trusted forwarded headers), or "unknown".</summary>
    public static string ClientAddress(this HttpContext http) => http?.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>True for a read-only API token.</summary>
    public static bool IsReadOnlyToken(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(TokenScopeClaim) is { } scope && TokenScopes.TryParse(scope, out var s) && s == TokenScope.Read;

    /// <summary>The acting user; only call where the endpoint requires sign-in.</summary>
    public static Actor Actor(this ClaimsPrincipal principal)
    {
        var id = long.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);
        if (!Roles.TryParse(principal.FindFirstValue(ClaimTypes.Role), out var role))
        {
            throw new InvalidOperationException("the principal has no known role");
        }
        var org = principal.FindFirstValue(OrganisationClaim);
        return new Actor(id, principal.Identity!.Name!, role,
            org is null ? null : long.Parse(org, CultureInfo.InvariantCulture)) { ViaToken = principal.IsToken() };
    }

    public static string DisplayName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(DisplayNameClaim) ?? principal.Identity?.Name ?? "";
}
