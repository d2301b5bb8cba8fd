using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Organisations;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Hosting;

namespace OpenEts.Server.Pages;

/// <summary>The landing page: public; after sign-in, the covered-entity list in numbers.</summary>
[AllowAnonymous]
public sealed class IndexModel(OrganisationService organisations, DemoMode mode) : PageModel
{
    /// <summary>True on a demo: the landing page lists the demo sign-ins.</summary>
    public bool IsDemo => mode.IsDemo;

    public Summary? Counts { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true && User.Actor().Role != Role.Citizen)
        {
            var list = await organisations.ListAsync(new OrganisationFilter(Kind: OrganisationKind.Company), ct);
            Counts = new Summary(list.Count, list.Where(o => o.Status != CoverageStatus.Left)
                .GroupBy(o => o.Sector).OrderBy(g => g.Key).Select(g => (g.Key.ToString(), g.Count())).ToList());
        }
    }

    public sealed record Summary(int Companies, List<(string Sector, int Count)> BySector);
}
