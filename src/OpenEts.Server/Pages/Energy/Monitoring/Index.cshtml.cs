using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Forms;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Energy.Monitoring;

/// <summary>
/// Online monitoring's data-quality dashboard (在线监测数据质量): every region and unit over a period for the regulator and
/// the auditor, a company's own units for a company; units under 90 % completeness are flagged.
/// </summary>
[Authorize(Roles = Access.EnergyMonitoringReaders)]
public sealed class IndexModel(MonitoringQueries queries, EnergyTargetsQueries targets, TimeProvider clock) : CommandPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public QualityOverview? Overview { get; private set; }

    /// <summary>The period shown when the address asked for another (a day not read, from after to, too long a period): the page says so.</summary>
    public (DateOnly From, DateOnly To)? PeriodShown { get; private set; }

    /// <summary>The year the linked key users' progress is shown for (the last full year: annual reports).</summary>
    public int ProgressYear { get; private set; }

    /// <summary>Each unit linked to a key-user designation, with that key user's progress (read through the targets' queries).</summary>
    public IReadOnlyList<(long UnitId, KeyUserProgress Progress)> KeyUserProgress { get; private set; } = [];

    /// <summary>
    /// The days in the period on which a meter went over its limit (energy or pollutant load: the day's sum; pollutant
    /// concentration: the day's mean), each linked to its unit and to the company's card history.
    /// </summary>
    public IReadOnlyList<ExceedingDay> Exceedances { get; private set; } = [];

    /// <summary>The regions' completeness as a bar chart (charts.js spec).</summary>
    public string ChartJson { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A bad part of the period is named beside its input; the dashboard shows the period read without it.
        var read = new FieldReader();
        var (from, to) = read.Period(From, To, MonitoringLimits.MaxDashboardDays);
        FileFields(read.Errors);
        Overview = await queries.OverviewAsync(User.Actor(), Region, from, to, ct);
        PeriodShown = read.IsValid || Overview is null ? null : (Overview.From, Overview.To);
        Exceedances = [.. (await queries.ExceedancesAsync(User.Actor(), from, to, ct) ?? [])
            .Where(e => string.IsNullOrWhiteSpace(Region) || string.Equals(e.Unit.Region, Region.Trim(), StringComparison.OrdinalIgnoreCase))];
        ProgressYear = await targets.OpeningYearAsync(clock.GetUtcNow(), ct);
        var progress = (await targets.ProgressAsync(User.Actor(), ProgressYear, ct)).Rows.ToDictionary(p => p.User.Code.Value, StringComparer.Ordinal);
        KeyUserProgress = [.. (await queries.KeyUserLinksAsync(User.Actor(), ct))
            .Where(l => progress.ContainsKey(l.KeyUserCode)).Select(l => (l.UnitId, progress[l.KeyUserCode]))];
        if (Overview is { } o)
        {
            ChartJson = JsonSerializer.Serialize(new
            {
                kind = "bar",
                unit = "%",
                categories = o.Regions.Select(r => r.Region),
                series = new[]
                {
                    new
                    {
                        name = Text.T("em.completeness"),
                        data = o.Regions.Select(r => r.Quality.Completeness.Percent),
                        colors = o.Regions.Select(r => r.Quality.Completeness.IsFlagged ? "#c0392b" : "#2e7d32"),
                    },
                },
            });
        }
    }
}
