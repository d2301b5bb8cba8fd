namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>The platform's own limits on monitoring input (not rules of the sources: sizes that keep one request bounded).</summary>
public static class MonitoringLimits
{
    /// <summary>Readings in one batch: a year of one hourly meter is 8 760, so 100 000 carries a large user's month in one request.</summary>
    public const int MaxBatch = 100_000;

    /// <summary>Row errors listed for a refused batch; the count of the rest is given.</summary>
    public const int MaxErrorsListed = 50;

    /// <summary>
    /// The most one reading (an hour's or a day's use of one meter) may hold, whatever the meter's unit: 10⁹ kWh is a
    /// terawatt-hour, 10⁹ m³ of gas about the whole country's use in a day, 10⁹ t of coal nearly three months of it
    /// [UNCONFIRMED: orders of magnitude of national consumption, not a rule of the monitoring system]. A larger figure is
    /// a sender's unit or decimal error; kept, it would swamp the unit's totals and warnings.
    /// </summary>
    public const decimal MaxReading = 1_000_000_000m;

    /// <summary>The most a monthly figure may hold: 31 days at <see cref="MaxReading"/>.</summary>
    public const decimal MaxMonthly = 31 * MaxReading;

    /// <summary>How far in the future a reading may be stamped (clock skew of the access system).</summary>
    public static TimeSpan FutureSkew { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest period a dashboard covers.</summary>
    public const int MaxDashboardDays = 366;
}
