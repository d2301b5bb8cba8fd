using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Files;
using OpenEts.Application.Forms;
using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Inclusion;

/// <summary>
/// The partners' quality dashboard (数据质量看板) for those who oversee the programmes: events each partner sent, accepted
/// and rejected by reason, by day received, with the rejection rate; a stacked chart of the rejections by reason and day
/// (described by the table below it), and the counters as .xlsx. Read from the counters kept as batches are written.
/// </summary>
[Authorize(Roles = Access.InclusionOverseers)]
public sealed class QualityModel(InclusionQueries queries) : InclusionPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Programme { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public IReadOnlyList<Domain.Inclusion.InclusionProgramme> Programmes { get; private set; } = [];

    public QualityDashboard? Dashboard { get; private set; }

    public ChartSpec? Chart { get; private set; }

    /// <summary>A programme or day in the address the page cannot show, named as typed with what is shown instead.</summary>
    public AddressErrors Unread { get; } = new();

    /// <summary>Actions in the database queue, taken in and not yet recorded (null on a server without the queue).</summary>
    public long? Queued { get; private set; }

    /// <summary>A reason's words in the page's language (the rule's code when the resources do not name it).</summary>
    public static string Reason(string rule) => Text.Has("incl.q.r." + rule) ? Text.T("incl.q.r." + rule) : rule;

    /// <summary>The reasons a platform's limit lies behind, with figures the dashboard states.</summary>
    public static IReadOnlyList<string> LimitedReasons { get; } = ["ImpossibleSpeed", "FromTheFuture", "TooOld"];

    /// <summary>The platform's limit behind a reason, with its figures (the speeds, the minutes, the days); null for a reason without one.</summary>
    public static string? Limit(string rule) => rule switch
    {
        "ImpossibleSpeed" => Text.T("incl.q.limit.ImpossibleSpeed", Text.List(Enum.GetValues<Behaviour>()
            .Where(b => InclusionLimits.MaxSpeed(b) is not null)
            .Select(b => $"{Text.T("incl.b." + Behaviours.CodeOf(b))} {InclusionLimits.MaxSpeed(b)!.Value.ToString(CultureInfo.InvariantCulture)} km/h"))),
        "FromTheFuture" => Text.T("incl.q.limit.FromTheFuture", InclusionLimits.FutureSkew.TotalMinutes),
        "TooOld" => Text.T("incl.q.limit.TooOld", InclusionLimits.MaxAge.TotalDays),
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync([FromServices] IEnumerable<InclusionQueue> queue, CancellationToken ct)
    {
        Programmes = queries.InForce();
        if (queue.FirstOrDefault() is { } q && await q.DepthForAsync(User.Actor(), ct) is InclusionCommandOutcome.Completed { Result: QueueDepth depth })
        {
            Queued = depth.Actions;
        }
        var filter = queries.QualityFilterOf(Programme, From, To, out var errors);
        if (await queries.QualityAsync(User.Actor(), filter.Programme, filter.From, filter.To, ct) is not { } dashboard)
        {
            return Forbid();
        }
        Dashboard = dashboard;
        var (from, to) = (FieldReader.DayText(dashboard.From), FieldReader.DayText(dashboard.To));
        foreach (var error in errors)
        {
            Unbound.Name(Unread.ByField, error, error.Field == "programme" ? Text.T("incl.q.allprogrammes") : Text.T("address.span", from, to));
        }
        // A box named keeps its text as typed; so do both days of a span named as a whole (the first after the last, too long).
        var spanNamed = errors.Any(e => e.Rule is "Period" or "PeriodOrder");
        (From, To) = (Unread.Err("from") is null ? from : From, Unread.Err("to") is null && !spanNamed ? to : To);
        Chart = new ChartSpec("stacked", [.. dashboard.Days.Select(d => d.ToString("MM-dd", CultureInfo.InvariantCulture))],
            [.. dashboard.Reasons.Select((r, i) => new ChartSeries(Reason(r), [.. dashboard.RejectedByDay(r).Select(n => (decimal?)n)],
                ChartSpec.Distinct[i % ChartSpec.Distinct.Count]))],
            Text.T("incl.q.events"));
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!queries.TryReadQualityFilter(Programme, From, To, out var filter, out _)
            || await queries.QualityAsync(User.Actor(), filter.Programme, filter.From, filter.To, ct) is not { } dashboard)
        {
            return BadRequest();
        }
        using var buffer = new MemoryStream();
        TabularWriter.WriteXlsx(buffer, QualitySheet.Header, QualitySheet.Rows(dashboard));
        return File(buffer.ToArray(), TabularWriter.XlsxContentType, QualitySheet.FileName(dashboard));
    }
}
