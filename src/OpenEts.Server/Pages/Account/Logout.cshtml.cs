using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Identity;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Account;

/// <summary>Signs out (POST only): the user's security stamp changes, so a kept copy of the cookie no longer works.</summary>
[Authorize(Roles = Access.Everyone)]
public sealed class LogoutModel(Sessions sessions, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.IsToken())
        {
            await sessions.SignOutAsync(User.Actor(), clock.GetUtcNow(), ct);
        }
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/");
    }
}
