using OpenEts.Domain.DualControl.Monitoring;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// What one pollutant load meter (排放量) measured over a period: its unit, the key energy user the unit is linked to (if
/// any), the meter, the sum of its readings (thousandths of the meter's unit) and their number, and the sum in tonnes
/// (null when the meter's unit is not a mass, e.g. kg/h).
/// </summary>
public sealed record PollutantLoad(MonitoredUnit Unit, string? KeyUser, MeterPoint Meter, long TotalMilli, long Received)
{
    /// <summary>The load in tonnes, exact to 1 g; null when the meter's unit is not t, kg or g.</summary>
    public decimal? Tonnes => PollutantMass.Tonnes(TotalMilli, Meter.Unit);
}
