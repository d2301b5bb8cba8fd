using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Compliance;
using OpenEts.Application.Mrv;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Compliance;

/// <summary>
/// The regulator's compliance overview (履约监管): every entity's allowances and offsets, in-province credits, units that
/// did not count and the penalty for a shortfall at the deadline, with the province's offset total against its cap.
/// </summary>
[Authorize(Roles = Access.AuditReaders)]
public sealed class OverviewModel(ComplianceQueries queries, MrvQueries mrv) : PageModel
{
    public ComplianceList? List { get; private set; }

    /// <summary>Each entity's approved emission report of the year (its id), which its obligation is read from.</summary>
    public IReadOnlyDictionary<CreditCode, long> ApprovedReports { get; private set; } = new Dictionary<CreditCode, long>();

    /// <summary>Why there is no list, when there is none.</summary>
    public string NoneText { get; private set; } = "";

    /// <summary>A year or jurisdiction in the address the page could not show, named with the year shown instead.</summary>
    public AddressErrors Unread { get; } = new();

    public async Task OnGetAsync([FromQuery] string? jurisdiction, [FromQuery] int? year, CancellationToken ct)
    {
        var (years, picked) = await queries.ChooseYearAsync(jurisdiction, year, ct);
        CompliancePage.NameUnread(Unread, ModelState, jurisdiction, picked, years);
        if (picked is { } pick)
        {
            List = await queries.ListAsync(pick.Jurisdiction, pick.Year, ct);
        }
        if (List is { } list)
        {
            ApprovedReports = (await mrv.ReportsAsync(User.Actor(), list.Year, ReportStatus.Approved, ct))
                .ToDictionary(r => r.Company.Code, r => r.Report.Id);
        }
        NoneText = List is null ? CompliancePage.NoneText(years, picked) : "";
    }
}
