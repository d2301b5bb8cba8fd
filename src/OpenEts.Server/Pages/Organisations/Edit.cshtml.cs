using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Organisations;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Organisations;

/// <summary>Add a company to the list, or edit one (regulator). Errors are shown next to their field.</summary>
[Authorize(Roles = Access.Regulator)]
public sealed class EditModel(OrganisationService organisations, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public FormInput Input { get; set; } = new();

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public bool IsNew => string.IsNullOrEmpty(Code);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (IsNew)
        {
            Input = new FormInput
            {
                Sector = nameof(Sector.Power), Status = nameof(CoverageStatus.Covered), Jurisdiction = MarketJurisdiction.Guangdong.Code,
            };
            return Page();
        }
        if (await organisations.FindAsync(Code!, ct) is not { } o)
        {
            return NotFound();
        }
        Input = new FormInput
        {
            Code = o.Code.Value, Name = o.Name, Sector = o.Sector.ToString(), Region = o.Region, Status = o.Status.ToString(),
            Jurisdiction = o.Jurisdiction?.Code ?? MarketJurisdiction.NoneWords[0],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var draft = new OrganisationDraft(Input.Code, Input.Name, Input.Sector, Input.Region, Input.Status,
            Jurisdiction: Input.Jurisdiction);
        var outcome = IsNew
            ? await organisations.AddAsync(User.Actor(), draft, clock.GetUtcNow(), ct)
            : await organisations.UpdateAsync(User.Actor(), Code!, draft, clock.GetUtcNow(), ct);
        switch (outcome)
        {
            case OrganisationOutcome.Saved s:
                return Redirect($"/Organisations/Detail/{s.Organisation.Code}?saved=1");
            case OrganisationOutcome.Invalid i:
                Errors = i.Errors;
                return Page();
            case OrganisationOutcome.Conflict c:
                Errors = [c.Error];
                return Page();
            case OrganisationOutcome.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    public sealed class FormInput
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public string? Sector { get; set; }

        public string? Region { get; set; }

        public string? Status { get; set; }

        public string? Jurisdiction { get; set; }
    }
}
