using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// One unit's pollutant total in a round of the pollutant 晴雨表: the plan's target (baseline, cut) and the rating of the
/// measured load against its linear path (tonnes), with how many load meters of how many monitored units measured it.
/// </summary>
public sealed record PollutantRow(UnitCode Unit, string Name, UnitKind Kind, UnitCode? Parent, PollutantTarget Target, IndicatorRating Rating,
    int Meters, int MonitoredUnits);
