using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Mrv;
using OpenEts.Server.Auth;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Mrv;

/// <summary>
/// The regulator's emissions dashboard: approved emissions by year and sector (charts), and one year by company with
/// the change from the year before. Reads only <see cref="MrvQueries.ApprovedTotalsAsync"/>.
/// </summary>
[Authorize(Roles = Access.AuditReaders)]
public sealed class DashboardModel(MrvQueries queries) : PageModel
{
    public EmissionTotals Totals { get; private set; } = EmissionTotals.From([], null);

    /// <summary>A year in the address that is no number or has no approved reports, named with the year shown instead.</summary>
    public AddressErrors Unread { get; private set; } = new();

    public async Task OnGetAsync([FromQuery] int? year, CancellationToken ct)
    {
        Totals = EmissionTotals.From(await queries.ApprovedTotalsAsync(null, ct), year);
        Unread = Totals.Unread(ModelState, year);
    }
}
