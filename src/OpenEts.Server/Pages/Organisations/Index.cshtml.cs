using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Organisations;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Shared;

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

    /// <summary>A filter in the address the page could not read, named beside its choice; the list is not filtered by it.</summary>
    public AddressErrors Unread { get; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = Text.T("address.all");
        Unbound.Name(Unread.ByField, ModelState, _ => all,
            UnboundChoice.Of<OrganisationKind>("kind"), UnboundChoice.Of<Sector>("sector"), UnboundChoice.Of<CoverageStatus>("status"));
        MarketJurisdiction? market = null;
        if (!string.IsNullOrWhiteSpace(Jurisdiction))
        {
            if (MarketJurisdiction.TryParse(Jurisdiction, out var read, out _))
            {
                market = read;
            }
            else
            {
                Unbound.Name(Unread.ByField, Unbound.NotAmong("jurisdiction", Jurisdiction.Trim(), MarketJurisdiction.Codes), all);
            }
        }
        Items = await organisations.ListAsync(new OrganisationFilter(Kind, Sector, Status, Q, market), ct);
    }
}
