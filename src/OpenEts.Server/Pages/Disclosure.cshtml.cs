using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Mrv;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages;

/// <summary>
/// The public disclosure page (信息公开): every covered company's approved emissions by year, open to everyone, signed
/// in or not, like the national reporting platform's disclosure. Reads only approved figures.
/// </summary>
[AllowAnonymous]
public sealed class DisclosureModel(MrvQueries queries) : PageModel
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
