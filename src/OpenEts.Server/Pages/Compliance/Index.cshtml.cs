using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Compliance;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Compliance;

/// <summary>
/// The public compliance list (履约情况公告): every covered entity's obligation for the year, what it surrendered and its
/// status, open to everyone, with an .xlsx export, like the regulator's yearly announcement.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(ComplianceQueries queries) : PageModel
{
    public ComplianceList? List { get; private set; }

    public IReadOnlyList<(string Jurisdiction, int Year)> Years { get; private set; } = [];

    /// <summary>The jurisdiction and year shown (asked for, else the newest with rules); null when no year has rules.</summary>
    public (string Jurisdiction, int Year)? Picked { get; private set; }

    /// <summary>A year or jurisdiction in the address the page could not show, named with the year shown instead.</summary>
    public AddressErrors Unread { get; } = new();

    public async Task OnGetAsync([FromQuery] string? jurisdiction, [FromQuery] int? year, CancellationToken ct)
    {
        (Years, Picked) = await queries.ChooseYearAsync(jurisdiction, year, ct);
        CompliancePage.NameUnread(Unread, ModelState, jurisdiction, Picked, Years);
        if (Picked is { } pick)
        {
            List = await queries.ListAsync(pick.Jurisdiction, pick.Year, ct);
        }
    }
}
