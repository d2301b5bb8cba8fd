using OpenEts.Domain.DualControl.Monitoring;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// One Beijing day on which a meter's readings went over its limit: the unit, the meter, its limit, the day, the day's
/// total (thousandths of the meter's unit) and how many readings it sums. An energy or load meter is over when the
/// day's sum is above its permitted daily use; a concentration meter when the day's mean is above its limit.
/// <see cref="OrganisationCode"/> is the unit's company's credit code (the key of its card history).
/// </summary>
public sealed record ExceedingDay(MonitoredUnit Unit, MeterPoint Meter, MeterLimit Limit, DateOnly Day, long TotalMilli, long Received,
    string OrganisationCode)
{
    /// <summary>What was judged against the limit, in the meter's unit: the day's mean (to 0.001) for a concentration, else its sum.</summary>
    public decimal Measured => Meter.Kind.IsJudgedByMean() ? decimal.Round(TotalMilli / 1000m / Received, 3) : TotalMilli / 1000m;
}
