using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.Forms;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Energy.Monitoring;

/// <summary>
/// One monitored unit's data-quality dashboard: its meters with their flags, the daily completeness and energy trend
/// (ECharts), the monthly check, faults against the 3-working-day rule and calibrations. The unit's company and the
/// regulator report faults, record repairs and calibrations here.
/// </summary>
[Authorize(Roles = Access.EnergyMonitoringReaders)]
public sealed class UnitModel(MonitoringQueries queries, MonitoringCommandHandler handler) : CommandPageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty]
    public string? Meter { get; set; }

    [BindProperty]
    public string? Day { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public long? FaultId { get; set; }

    [BindProperty]
    public string? Certificate { get; set; }

    [BindProperty]
    public bool Replaced { get; set; }

    public UnitDashboard? Dashboard { get; private set; }

    /// <summary>The form whose post failed (fault, repair or calibration): it shows what was posted, beside its errors.</summary>
    public string? Failed { get; private set; }

    public string? Done { get; private set; }

    /// <summary>The period shown when the address asked for another (a day not read, from after to, too long a period): the page says so.</summary>
    public (DateOnly From, DateOnly To)? PeriodShown { get; private set; }

    /// <summary>The daily completeness against the threshold, as the chart draws it and its table lists it.</summary>
    public ChartSpec Completeness { get; private set; } = new("line", [], [], "%");

    /// <summary>Each meter's daily energy, as the chart draws it and its table lists it.</summary>
    public ChartSpec Energy { get; private set; } = new("stacked", [], [], "");

    public bool MayWrite => User.IsInRole("Regulator") || User.IsInRole("CompanyRepresentative");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostFaultAsync(CancellationToken ct) =>
        SendAsync("fault", RecordMeterFault.TryParse(new(Meter, Day, Description), out var command, out var errors), command, errors, ct);

    public Task<IActionResult> OnPostRepairAsync(CancellationToken ct) =>
        SendAsync("repair", RecordFaultRepair.TryParse(new(FaultId, Day, Description), out var command, out var errors), command, errors, ct);

    public Task<IActionResult> OnPostCalibrationAsync(CancellationToken ct) =>
        SendAsync("calibration", RecordCalibration.TryParse(new(Meter, Day, Replaced, Certificate), out var command, out var errors), command, errors, ct);

    // One step for every form: a parsed command is sent and its outcome (or what did not parse) is filed by field; a form
    // that failed is shown again as it was posted.
    private async Task<IActionResult> SendAsync(string form, bool parsed, IMonitoringCommand? command, IReadOnlyList<FieldError> errors,
        CancellationToken ct)
    {
        // A number typed but not read (a fault's id) reaches the command as not given; it is refused as typed.
        var unbound = Unbound.Errors(ModelState);
        var outcome = parsed && command is not null && unbound.Count == 0
            ? await handler.HandleAsync(User.Actor(), command, ct)
            : new MonitoringCommandOutcome.Invalid([.. unbound, .. errors]);
        Report(outcome);
        Failed = outcome is MonitoringCommandOutcome.Completed ? null : form;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private void Report(MonitoringCommandOutcome outcome)
    {
        switch (outcome)
        {
            case MonitoringCommandOutcome.Completed:
                Done = Text.T("em.done");
                break;
            case MonitoringCommandOutcome.Invalid i:
                FileFields(i.Errors);
                break;
            case MonitoringCommandOutcome.Refused r:
                Errors.TryAdd(r.Field, RuleText.Message(r.Field, r.Rule, r.Message));
                break;
            default:
                FileBanner(Text.T("rule.Role"));
                break;
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        // A bad part of the period is named beside its input; the dashboard shows the period read without it.
        var read = new FieldReader();
        var (from, to) = read.Period(From, To, MonitoringLimits.MaxDashboardDays);
        FileFields(read.Errors);
        Dashboard = await queries.UnitAsync(User.Actor(), Id, from, to, ct);
        if (Dashboard is not { } d)
        {
            return false;
        }
        PeriodShown = read.IsValid ? null : (d.From, d.To);
        var days = d.Daily.Select(p => p.Day.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Completeness = new ChartSpec("line", days,
        [
            new ChartSeries(Text.T("em.completeness"), [.. d.Daily.Select(p => p.Expected == 0 ? (decimal?)null : decimal.Round(100m * p.Received / p.Expected, 1))]),
            new ChartSeries(Text.T("em.threshold"), [.. d.Daily.Select(_ => (decimal?)QualityRulesPercent)]),
        ], "%");
        Energy = new ChartSpec("stacked", days,
            [.. d.Quality.Meters.Select((m, i) => new ChartSeries($"{m.Meter.Code} ({m.Meter.Unit})", [.. d.Daily.Select(p => (decimal?)(p.TotalMilliByMeter[i] / 1000m))]))],
            "");
        return true;
    }

    private static decimal QualityRulesPercent => Domain.DualControl.Monitoring.QualityRules.CompletenessThreshold * 100m;
}
