namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// One Beijing day on which a meter's readings summed above its permitted daily use: the unit, the meter, its limit, the
/// day, the day's total (thousandths of the meter's unit) and how many readings it sums.
/// </summary>
public sealed record ExceedingDay(MonitoredUnit Unit, MeterPoint Meter, MeterLimit Limit, DateOnly Day, long TotalMilli, long Received);
