using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Organisations;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Organisations;

/// <summary>The covered-entity list with filters; the regulator sees add and import.</summary>
[Authorize(Roles = Access.MarketParticipants)]
public sealed class IndexModel(OrganisationService organisations) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public OrganisationKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public Sector? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public CoverageStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Jurisdiction { get; set; }

    public IReadOnlyList<Organisation> Items { get; private set; } = [];

    public bool CanEdit => Roles.ManagesEntityList(User.Actor().Role);

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await organisations.ListAsync(new OrganisationFilter(Kind, Sector, Status, Q,
            MarketJurisdiction.TryParse(Jurisdiction, out var market, out _) ? market : null), ct);
}
