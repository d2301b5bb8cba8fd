using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Compliance;
using OpenEts.Server.Auth;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Compliance;

/// <summary>
/// The regulator's compliance overview (履约监管): every entity's allowances and offsets, in-province credits, units that
/// did not count and the penalty for a shortfall at the deadline, with the province's offset total against its cap.
/// </summary>
[Authorize(Roles = Access.AuditReaders)]
public sealed class OverviewModel(ComplianceQueries queries) : PageModel
{
    public ComplianceList? List { get; private set; }

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
        NoneText = List is null ? CompliancePage.NoneText(years, picked) : "";
    }
}
