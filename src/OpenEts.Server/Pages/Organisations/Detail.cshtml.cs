using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Organisations;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Organisations;

/// <summary>One organisation and its history of changes.</summary>
[Authorize(Roles = Access.MarketParticipants)]
public sealed class DetailModel(OrganisationService organisations) : PageModel
{
    public Organisation? Organisation { get; private set; }

    public IReadOnlyList<OrganisationChange> History { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public bool CanEdit => Roles.ManagesEntityList(User.Actor().Role);

    /// <summary>A field's value as the page shows it: kinds, sectors and statuses in the page's language.</summary>
    public static string ShowValue(string field, string? value) => (field, value) switch
    {
        (_, null) => "—",
        ("kind", _) when Enum.TryParse<OrganisationKind>(value, true, out var k) => Text.T(k),
        ("sector", _) when Enum.TryParse<Sector>(value, true, out var s) => Text.T(s),
        ("status", _) when Enum.TryParse<CoverageStatus>(value, true, out var st) => Text.T(st),
        ("jurisdiction", _) => Text.T("jurisdiction." + value),
        _ => value,
    };

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Organisation = await organisations.FindAsync(code, ct);
        if (Organisation is null)
        {
            return NotFound();
        }
        History = await organisations.ChangesAsync(Organisation.Code, ct);
        return Page();
    }
}
