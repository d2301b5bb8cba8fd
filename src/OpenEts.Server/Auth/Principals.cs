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

    public static ClaimsPrincipal For(UserRecord user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.Role, Roles.Name(user.Role)),
            new(DisplayNameClaim, user.DisplayName),
        };
        if (user.OrganisationId is { } org)
        {
            claims.Add(new Claim(OrganisationClaim, org.ToString(CultureInfo.InvariantCulture)));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

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
            org is null ? null : long.Parse(org, CultureInfo.InvariantCulture));
    }

    public static string DisplayName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(DisplayNameClaim) ?? principal.Identity?.Name ?? "";
}
