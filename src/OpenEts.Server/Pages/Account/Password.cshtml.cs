using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Identity;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Account;

/// <summary>
/// Change my password (<see cref="ChangeOwnPassword"/>): every other session ends, this one carries on. A user whose
/// password the regulator reset is sent here and can do nothing else until they have changed it.
/// </summary>
[Authorize(Roles = Access.Everyone)]
public sealed class PasswordModel(Sessions sessions, TimeProvider clock) : PageModel
{
    public bool Forced => User.MustChangePassword();

    public bool Changed { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet(bool changed = false) => Changed = changed;

    public async Task<IActionResult> OnPostAsync(string? currentPassword, string? newPassword, string? confirm, CancellationToken ct)
    {
        if (!ChangeOwnPassword.TryParse(new ChangeOwnPassword.Form(currentPassword, newPassword, confirm ?? ""), out var command, out var errors))
        {
            Errors = [.. errors.Select(RuleText.Field)];
            return Page();
        }
        switch (await sessions.ChangePasswordAsync(User.Actor(), command!, clock.GetUtcNow(), ct))
        {
            case UserCommandOutcome.Completed c:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                    Principals.For(c.User, CookieAuthenticationDefaults.AuthenticationScheme, User.MustEnrolSecondFactor()));
                return RedirectToPage(new { changed = true });
            case UserCommandOutcome.Refused r:
                Errors = [RuleText.Message(r.Field, r.Rule, r.Message)];
                return Page();
            default:
                return Forbid();
        }
    }
}
