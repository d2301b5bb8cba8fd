namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// One meter's readings on one Beijing day, summed as they arrive (so data quality over a year reads 365 rows a meter,
/// not 8 760): slots received, readings off time, and the energy used (thousandths of the meter's unit).
/// </summary>
/// <param name="Day">The Beijing day as <see cref="DateOnly.DayNumber"/>.</param>
/// <param name="Month">The Beijing month as yyyyMM.</param>
public readonly record struct MeterDay(long MeterId, int Day, int Month, long Received, long OffTime, long TotalMilli);
