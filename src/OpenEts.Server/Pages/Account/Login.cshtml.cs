using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Identity;
using OpenEts.Server.Auth;
using static OpenEts.Server.Localization.Text;

namespace OpenEts.Server.Pages.Account;

/// <summary>Sign-in with user name and password; five failures in a row lock the account for 15 minutes.</summary>
[AllowAnonymous]
public sealed class LoginModel(SignIn signIn, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await signIn.PasswordAsync(UserName ?? "", Password ?? "", clock.GetUtcNow(), ct))
        {
            case SignInOutcome.SignedIn s:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                    Principals.For(s.User, CookieAuthenticationDefaults.AuthenticationScheme));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInOutcome.LockedOut l:
                Error = T("lockedout", l.Until.ToLocalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
                return Page();
            default:
                Error = T("badcredentials");
                return Page();
        }
    }
}
