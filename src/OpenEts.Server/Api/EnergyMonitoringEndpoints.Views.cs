using System.Globalization;
using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.Forms;
using OpenEts.Domain.DualControl.Monitoring;

namespace OpenEts.Server.Api;

// What the monitoring API returns: plain views (days as yyyy-MM-dd, energy as decimals of the meter's unit, percentages
// to 0.1) with the rule each flag names.
internal static partial class EnergyMonitoringEndpoints
{
    public sealed record UnitView(long Id, long OrganisationId, string Organisation, string Region, string MonitoredFrom);

    public sealed record MeterView(long Id, long UnitId, string Code, string Name, EnergyKind Kind, string Unit,
        MeterCadence Cadence, string MonitoredFrom, string? Pollutant);

    public sealed record IngestView(string BatchId, int Readings, int NewReadings, int AlreadyHeld, int MonthlyFigures, int NewMonthlyFigures, bool Resent,
        DateTimeOffset ReceivedAt, string Message);

    public sealed record FaultView(long Id, long MeterId, string ReportedOn, string Deadline, string Description, string? RepairedOn, string? RepairNote,
        FaultState State);

    public sealed record CalibrationView(long Id, long MeterId, string CalibratedOn, bool Replaced, string Certificate, DateTimeOffset RecordedAt);

    public sealed record MonthView(string Month, decimal ReadingsTotal, decimal MonthlyFigure, decimal DeviationPercent, bool Agrees);

    public sealed record QualityView(long Received, long Expected, decimal CompletenessPercent, bool Incomplete, long OffTime,
        IReadOnlyList<MonthView> Months, IReadOnlyList<QualityFlag> Flags);

    public sealed record MeterQualityView(MeterView Meter, QualityView Quality);

    public sealed record UnitQualityView(UnitView Unit, QualityView Quality, IReadOnlyList<MeterQualityView> Meters);

    public sealed record RegionView(string Region, int Units, int FlaggedUnits, QualityView Quality);

    public sealed record OverviewView(string From, string To, decimal ThresholdPercent, string ThresholdSource, IReadOnlyList<RegionView> Regions,
        IReadOnlyList<UnitQualityView> Units);

    public sealed record DayView(string Day, long Received, long Expected, IReadOnlyList<decimal> EnergyByMeter);

    public sealed record DashboardView(string From, string To, UnitQualityView Unit, IReadOnlyList<DayView> Daily, IReadOnlyList<FaultView> Faults,
        IReadOnlyList<CalibrationView> Calibrations);

    public sealed record LinkView(long UnitId, string KeyUser, DateTimeOffset LinkedAt, string LinkedBy);

    private static LinkView Link(UnitKeyUser l) => new(l.UnitId, l.KeyUserCode, l.LinkedAt, l.LinkedBy);

    public sealed record LimitView(string Meter, decimal DailyLimit, string Basis, DateTimeOffset SetAt, string SetBy);

    // Measured: what was judged against the limit (the day's mean for a concentration meter, else the day's total).
    public sealed record ExceedanceView(long UnitId, string Organisation, string Region, string Meter, string Unit, string Day, decimal Total,
        decimal DailyLimit, long Readings, string? Pollutant, decimal Measured);

    private static LimitView Limit(string meter, MeterLimit l) => new(meter, l.DailyLimitMilli / 1000m, l.Basis, l.SetAt, l.SetBy);

    private static ExceedanceView Exceedance(ExceedingDay e) => new(e.Unit.Id, e.Unit.OrganisationName, e.Unit.Region, e.Meter.Code, e.Meter.Unit,
        FieldReader.DayText(e.Day), e.TotalMilli / 1000m, e.Limit.DailyLimitMilli / 1000m, e.Received, e.Meter.Pollutant, e.Measured);


    internal static UnitView Unit(MonitoredUnit u) => new(u.Id, u.OrganisationId, u.OrganisationName, u.Region, FieldReader.DayText(u.MonitoredFrom));

    internal static MeterView Meter(MeterPoint m) =>
        new(m.Id, m.UnitId, m.Code, m.Name, m.Kind, m.Unit, m.Cadence, FieldReader.DayText(m.MonitoredFrom), m.Pollutant);

    private static IngestView Ingest(IngestResult r) => new(r.BatchId, r.Readings, r.NewReadings, r.AlreadyHeld, r.MonthlyFigures, r.NewMonthlyFigures,
        r.Resent, r.ReceivedAt, r.Resent
            ? Localization.Text.T("em.ingest.resent", r.BatchId, Localization.DisplayTime.Show(r.ReceivedAt))
            : Localization.Text.T("em.ingest.done", r.NewReadings, r.AlreadyHeld, r.NewMonthlyFigures));

    private static FaultView Fault(MeterFault f, DateOnly today) => new(f.Id, f.MeterId, FieldReader.DayText(f.ReportedOn), FieldReader.DayText(FaultRepair.Deadline(f.ReportedOn)), f.Description,
        f.RepairedOn is { } r ? FieldReader.DayText(r) : null, f.RepairNote, f.StateOn(today));

    private static CalibrationView Calibration(MeterCalibration c) => new(c.Id, c.MeterId, FieldReader.DayText(c.CalibratedOn), c.Replaced, c.Certificate, c.RecordedAt);

    private static QualityView Quality(MeterQuality q) => new(q.Completeness.Received, q.Completeness.Expected, q.Completeness.Percent,
        q.Completeness.IsFlagged, q.OffTime,
        [.. q.Months.Select(m => new MonthView(m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.ReadingsTotal.Value, m.MonthlyFigure.Value,
            decimal.Round(m.Deviation * 100m, 1), m.Agrees))],
        q.Flags);

    private static UnitQualityView UnitQuality(UnitQuality u) =>
        new(Unit(u.Unit), Quality(u.Quality), [.. u.Meters.Select(m => new MeterQualityView(Meter(m.Meter), Quality(m.Quality)))]);

    private static OverviewView Overview(QualityOverview o) => new(FieldReader.DayText(o.From), FieldReader.DayText(o.To), QualityRules.CompletenessThreshold * 100m,
        "http://m.sanyawang.net/helpdoc/2019/1127/633.html [UNCONFIRMED: that the rule reads ≥ 90 %]",
        [.. o.Regions.Select(r => new RegionView(r.Region, r.Units, r.FlaggedUnits, Quality(r.Quality)))], [.. o.Units.Select(UnitQuality)]);

    private static DashboardView Dashboard(UnitDashboard d) => new(FieldReader.DayText(d.From), FieldReader.DayText(d.To), UnitQuality(d.Quality),
        [.. d.Daily.Select(p => new DayView(FieldReader.DayText(p.Day), p.Received, p.Expected, [.. p.TotalMilliByMeter.Select(m => m / 1000m)]))],
        [.. d.Faults.Select(f => Fault(f, d.Today))], [.. d.Calibrations.Select(Calibration)]);
}
