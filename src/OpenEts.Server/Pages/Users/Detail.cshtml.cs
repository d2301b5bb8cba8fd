using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Identity;
using OpenEts.Application.Organisations;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Users;

/// <summary>One user, for the regulator: change role and organisation, reset the password or the two-factor enrolment, disable or enable.</summary>
[Authorize(Roles = Access.Regulator)]
public sealed class DetailModel(UserAdminHandler users, OrganisationService organisations) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string UserName { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public UserSummary? Summary { get; private set; }

    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAccessAsync(string? role, string? organisation, string? displayName, CancellationToken ct) =>
        ChangeUserAccess.TryParse(UserName, new ChangeUserAccess.Form(role, organisation, displayName), out var command, out var errors)
            ? await ShowAsync(await users.ChangeAccessAsync(User.Actor(), command!, ct), "access", ct)
            : await ShowErrorsAsync(errors, ct);

    public async Task<IActionResult> OnPostResetAsync(string? newPassword, CancellationToken ct) =>
        ResetPassword.TryParse(UserName, new ResetPassword.Form(newPassword), out var command, out var errors)
            ? await ShowAsync(await users.ResetPasswordAsync(User.Actor(), command!, ct), "reset", ct)
            : await ShowErrorsAsync(errors, ct);

    public async Task<IActionResult> OnPostResetTwoFactorAsync(CancellationToken ct) =>
        await ShowAsync(await users.ResetTwoFactorAsync(User.Actor(), UserName, ct), "twofactor", ct);

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct) =>
        await ShowAsync(await users.DisableAsync(User.Actor(), UserName, ct), "disabled", ct);

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct) =>
        await ShowAsync(await users.EnableAsync(User.Actor(), UserName, ct), "enabled", ct);

    private async Task<IActionResult> ShowAsync(UserCommandOutcome outcome, string done, CancellationToken ct)
    {
        switch (outcome)
        {
            case UserCommandOutcome.Completed:
                return RedirectToPage(new { userName = UserName, done });
            case UserCommandOutcome.Refused r:
                Error = RuleText.Message(r.Field, r.Rule, r.Message);
                return await LoadAsync(ct);
            case UserCommandOutcome.Invalid i:
                return await ShowErrorsAsync(i.Errors, ct);
            case UserCommandOutcome.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    private async Task<IActionResult> ShowErrorsAsync(IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        Error = string.Join(" ", errors.Select(RuleText.Field));
        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        Done = Done is "access" or "reset" or "twofactor" or "disabled" or "enabled" ? Done : null;
        if (await users.FindAsync(User.Actor(), UserName, ct) is not { } found)
        {
            return NotFound();
        }
        Summary = found;
        Organisations = await UserForm.OrganisationsAsync(organisations, ct);
        return Page();
    }
}
