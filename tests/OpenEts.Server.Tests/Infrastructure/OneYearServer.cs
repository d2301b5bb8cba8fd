namespace OpenEts.Server.Tests.Infrastructure;

/// <summary>
/// A server whose clock, in the first month of a year, is moved a month on before it starts (its demo seeded at that
/// time): a test's periods up to 30 days back then lie in one year, as a carbon-inclusion aggregation's period must. The
/// rest of the year it is the system's clock.
/// </summary>
public sealed class OneYearServer : ServerFactory
{
    /// <summary>The days back a test's period may start and still lie in the year of the server's today.</summary>
    public const int DaysBack = 30;

    public OneYearServer()
    {
        if (Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DayOfYear <= DaysBack + 1)
        {
            Clock.Advance(TimeSpan.FromDays(DaysBack + 1));
        }
    }
}
