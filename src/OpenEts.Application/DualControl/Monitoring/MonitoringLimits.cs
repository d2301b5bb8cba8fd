namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>The platform's own limits on monitoring input (not rules of the sources: sizes that keep one request bounded).</summary>
public static class MonitoringLimits
{
    /// <summary>Readings in one batch: a year of one hourly meter is 8 760, so 100 000 carries a large user's month in one request.</summary>
    public const int MaxBatch = 100_000;

    /// <summary>Row errors listed for a refused batch; the count of the rest is given.</summary>
    public const int MaxErrorsListed = 50;

    /// <summary>How far in the future a reading may be stamped (clock skew of the access system).</summary>
    public static TimeSpan FutureSkew { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest period a dashboard covers.</summary>
    public const int MaxDashboardDays = 366;
}
