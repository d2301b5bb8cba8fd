using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Identity;
using OpenEts.Application.Organisations;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Users;

/// <summary>The regulator's user list, and creating a user with a temporary password (<see cref="CreateUser"/>).</summary>
[Authorize(Roles = Access.Regulator)]
public sealed class IndexModel(UserAdminHandler users, CreateUserHandler create, OrganisationService organisations) : PageModel
{
    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? Refusal { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Created { get; set; }

    [BindProperty]
    public string? NewUserName { get; set; }

    [BindProperty]
    public string? NewDisplayName { get; set; }

    [BindProperty]
    public string? NewRole { get; set; }

    [BindProperty]
    public string? NewOrganisation { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Created = null;
        var form = new CreateUser.Form(NewUserName, NewRole, NewOrganisation, NewDisplayName, NewPassword ?? "");
        if (!CreateUser.TryParse(form, out var command, out var errors))
        {
            Errors = errors;
            return await LoadAsync(ct);
        }
        switch (await create.HandleAsync(User.Actor(), command!, ct))
        {
            case CreateUserOutcome.Created c:
                return RedirectToPage(new { created = c.User.UserName });
            case CreateUserOutcome.Refused r:
                Errors = [new FieldError(r.Field, r.Rule, r.Message)];
                Refusal = RuleText.Message(r.Field, r.Rule, r.Message);
                return await LoadAsync(ct);
            default:
                return Forbid();
        }
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        if (await users.ListAsync(User.Actor(), ct) is not { } list)
        {
            return Forbid();
        }
        Users = list;
        Organisations = await UserForm.OrganisationsAsync(organisations, ct);
        return Page();
    }
}
