using OpenEts.Domain.DualControl.Monitoring;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>One meter point with its data quality over a period.</summary>
public sealed record MeterRow(MeterPoint Meter, MeterQuality Quality);

/// <summary>One monitored unit with its meters' data quality and their combination (the unit's).</summary>
public sealed record UnitQuality(MonitoredUnit Unit, IReadOnlyList<MeterRow> Meters, MeterQuality Quality);

/// <summary>A region's units taken together: how many, how many flagged under 90 % completeness, and the combined quality.</summary>
public sealed record RegionQuality(string Region, int Units, int FlaggedUnits, MeterQuality Quality);

/// <summary>Every unit the reader may see, with the regions, over Beijing days <paramref name="From"/> to <paramref name="To"/>.</summary>
public sealed record QualityOverview(DateOnly From, DateOnly To, IReadOnlyList<UnitQuality> Units, IReadOnlyList<RegionQuality> Regions);

/// <summary>One Beijing day of a unit: slots received and expected, and the energy each meter used (thousandths, meter order).</summary>
public sealed record DailyPoint(DateOnly Day, long Received, long Expected, IReadOnlyList<long> TotalMilliByMeter);

/// <summary>A unit's dashboard: its quality, its daily trend, its faults (with their state today) and calibrations.</summary>
public sealed record UnitDashboard(
    DateOnly From, DateOnly To, DateOnly Today, UnitQuality Quality, IReadOnlyList<DailyPoint> Daily, IReadOnlyList<MeterFault> Faults,
    IReadOnlyList<MeterCalibration> Calibrations);

/// <summary>A key energy user's designation (Targets' unit code) with its linked monitored unit's data quality.</summary>
public sealed record KeyUserQuality(string KeyUserCode, UnitQuality Quality);
