using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Mrv;
using OpenEts.Domain.Mrv;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Mrv;

/// <summary>
/// A report on one printable page: the company, the year, the totals, every line with its emissions, the outputs and
/// the derivation of the total down to each default's table and source. It shows the verified figures once a verifier
/// has concluded (the approved ones once approved), the reported figures before. Same access as the report page.
/// </summary>
[Authorize(Roles = Access.MrvReaders)]
public sealed class PrintModel(MrvQueries queries) : PageModel
{
    public ReportDetail Detail { get; private set; } = null!;

    /// <summary>The figures printed: the verified calculation when there is one, else the reported one.</summary>
    public ReportCalculation Calculation => Detail.Verified ?? Detail.Reported;

    /// <summary>The lines printed, matching <see cref="Calculation"/>.</summary>
    public ReportInput Input => Detail.Verified is null ? Detail.Report.Input : Detail.Report.VerifiedInput;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await queries.ReportAsync(User.Actor(), id, ct) is not { } detail)
        {
            return NotFound();
        }
        Detail = detail;
        return Page();
    }
}
