using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Mrv;
using OpenEts.Domain.Identity;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Mrv;

/// <summary>
/// The MRV timetable: each jurisdiction's reporting and verification deadlines by year (submissions and verifications
/// after them are flagged late). The regulator sets them.
/// </summary>
[Authorize(Roles = Access.MrvReaders)]
public sealed class DeadlinesModel(MrvCommandHandler handler, MrvQueries queries) : MrvPageModel(handler)
{
    public IReadOnlyList<ReportingDeadline> Deadlines { get; private set; } = [];

    [BindProperty]
    public string? Jurisdiction { get; set; } = "guangdong";

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public string? ReportsDue { get; set; }

    [BindProperty]
    public string? VerificationDue { get; set; }

    public string? Done { get; private set; }

    public bool MaySet => User.Actor().Role == Role.Regulator;

    public async Task OnGetAsync([FromQuery] string? done, CancellationToken ct)
    {
        Done = done;
        Deadlines = await queries.DeadlinesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var parsed = SetReportingDeadline.TryParse(new(Jurisdiction, Year, ReportsDue, VerificationDue), out var command, out var errors);
        if (await SendAsync(parsed, command, errors, ct) is MrvCommandOutcome.Completed)
        {
            return Redirect("/Mrv/Deadlines?done=saved");
        }
        Deadlines = await queries.DeadlinesAsync(ct);
        return Page();
    }
}
