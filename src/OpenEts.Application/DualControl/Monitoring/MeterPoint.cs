using OpenEts.Domain.DualControl.Monitoring;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// A meter point of a monitored unit (计量点): its code (unique on the platform; the access system sends readings by it),
/// what it measures and in which unit, and how often it reports. Readings are expected from <see cref="MonitoredFrom"/> on.
/// A pollutant meter (<see cref="EnergyKinds.IsPollutant"/>) names its <see cref="Pollutant"/> (e.g. SO2, NOx, COD).
/// </summary>
public sealed record MeterPoint(
    long Id, long UnitId, string Code, string Name, EnergyKind Kind, string Unit, MeterCadence Cadence, DateOnly MonitoredFrom, string? Pollutant = null);
