using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Identity;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using static OpenEts.Server.Localization.Text;

namespace OpenEts.Server.Pages.Account;

/// <summary>
/// Sign-in: user name and password, then a TOTP or recovery code when the user enrolled. After repeated failures the page
/// says when the next attempt is allowed (<see cref="SignInThrottle"/>); a user with a reset password goes to the
/// change-password page first.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(SignIn signIn, SecondFactorTicket tickets, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Ticket { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet() => Ticket = null;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Ticket = null;
        var outcome = await signIn.PasswordAsync(UserName ?? "", Password ?? "", HttpContext.ClientAddress(), clock.GetUtcNow(), ct);
        return await ShowAsync(outcome);
    }

    public async Task<IActionResult> OnPostCodeAsync(CancellationToken ct)
    {
        if (!tickets.TryRead(Ticket, out var userId, out var stamp))
        {
            Ticket = null;
            Error = T("twofactor.expired");
            return Page();
        }
        var outcome = await signIn.SecondFactorAsync(userId, stamp, Code, HttpContext.ClientAddress(), clock.GetUtcNow(), ct);
        if (outcome is SignInOutcome.SecondFactorRequired)
        {
            Error = T("twofactor.wrongcode");
            return Page();
        }
        return await ShowAsync(outcome);
    }

    private async Task<IActionResult> ShowAsync(SignInOutcome outcome)
    {
        switch (outcome)
        {
            case SignInOutcome.SignedIn s:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                    Principals.For(s.User, CookieAuthenticationDefaults.AuthenticationScheme, s.MustEnrolSecondFactor));
                return s.User.MustChangePassword ? LocalRedirect(PasswordChangeGate.PagePath)
                    : s.MustEnrolSecondFactor ? LocalRedirect(PasswordChangeGate.EnrolPath)
                    : LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInOutcome.SecondFactorRequired s:
                Ticket = tickets.Issue(s.User.Id, s.User.SecurityStamp);
                return Page();
            case SignInOutcome.Throttled t:
                Ticket = null;
                Error = T("signin.throttled", DisplayTime.Show(t.Until));
                return Page();
            default:
                Ticket = null;
                Error = T("badcredentials");
                return Page();
        }
    }
}
