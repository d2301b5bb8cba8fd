using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Mrv;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Mrv;

/// <summary>
/// Reports and verification: the reports waiting for the user's role (its queue) and every report the user may see, with
/// reported, verified and approved totals. A company opens a year's report from here; a verifier and the regulator
/// open a report to act on it.
/// </summary>
[Authorize(Roles = Access.MrvReaders)]
public sealed class IndexModel(MrvQueries queries, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ReportRow> Queue { get; private set; } = [];

    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];

    public IReadOnlyList<ReportingDeadline> Deadlines { get; private set; } = [];

    public Organisation? Company { get; private set; }

    /// <summary>The newest reporting year's deadline, and the covered companies that have not submitted for it (regulator and auditor).</summary>
    public (ReportingDeadline Deadline, IReadOnlyList<UnsubmittedReport> Companies)? Unsubmitted { get; private set; }

    /// <summary>The newest reporting year's deadline has passed (Beijing time).</summary>
    public bool UnsubmittedOverdue { get; private set; }

    public Role Role { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>A year in the address that is no number, named beside the year's box; every year's reports are listed.</summary>
    public AddressErrors Unread { get; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Unbound.Name(Unread.ByField, ModelState, _ => Text.T("address.all"));
        var actor = User.Actor();
        Role = actor.Role;
        Queue = await queries.QueueAsync(actor, ct);
        Reports = await queries.ReportsAsync(actor, Year, null, ct);
        Deadlines = await queries.DeadlinesAsync(ct);
        Company = await queries.OwnCompanyAsync(actor, ct);
        if (await queries.UnsubmittedForNewestAsync(actor, clock.GetUtcNow(), Deadlines, ct) is { } unsubmitted)
        {
            Unsubmitted = (unsubmitted.Deadline, unsubmitted.Companies);
            UnsubmittedOverdue = unsubmitted.Overdue;
        }
    }
}
