using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenEts.Application.Identity;

namespace OpenEts.Server.Auth;

/// <summary>
/// Checks the sign-in cookie's security stamp against the user's current one on every request (ASP.NET Core Identity's
/// SecurityStampValidator, with no grace period): after a sign-out, a password change, "sign out everywhere" or
/// disabling, a kept copy of the cookie signs no one in.
/// </summary>
internal static class CookieStamps
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(Principals.StampClaim);
        var current = long.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
            ? await context.HttpContext.RequestServices.GetRequiredService<Sessions>()
                .CurrentStampAsync(userId, context.HttpContext.RequestAborted).ConfigureAwait(false)
            : null;
        if (stamp is null || current is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stamp), Encoding.UTF8.GetBytes(current)))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        }
    }
}
