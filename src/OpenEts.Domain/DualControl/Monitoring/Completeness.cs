namespace OpenEts.Domain.DualControl.Monitoring;

/// <summary>
/// Data completeness (数据完整率) = readings received ÷ readings expected × 100 %
/// (http://m.sanyawang.net/helpdoc/2019/1127/633.html). Below <see cref="QualityRules.CompletenessThreshold"/> (90 %)
/// the unit is flagged. <c>default</c> is nothing expected and nothing received, which counts as complete.
/// </summary>
public readonly record struct Completeness
{
    private Completeness(long received, long expected)
    {
        Received = received;
        Expected = expected;
    }

    /// <summary>Distinct reading slots received in the period (≥ 0, at most <see cref="Expected"/>).</summary>
    public long Received { get; }

    /// <summary>Reading slots the meters' cadences expect in the period (≥ 0).</summary>
    public long Expected { get; }

    /// <summary>Received ÷ expected as a fraction, 1 when nothing is expected.</summary>
    public decimal Ratio => Expected == 0 ? 1m : (decimal)Received / Expected;

    /// <summary>The ratio in percent rounded to 0.1 (for display only; <see cref="IsFlagged"/> uses the exact ratio).</summary>
    public decimal Percent => decimal.Round(Ratio * 100m, 1, MidpointRounding.ToZero);

    /// <summary>True when the exact ratio is under 90 %: 899 of 1 000 is flagged, 900 of 1 000 is not.</summary>
    public bool IsFlagged => Ratio < QualityRules.CompletenessThreshold;

    /// <summary>Received of expected; throws when negative or when more is received than expected.</summary>
    public static Completeness Of(long received, long expected)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(received);
        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(received, expected);
        return new Completeness(received, expected);
    }

    /// <summary>Two meters' (or periods') counts together.</summary>
    public static Completeness operator +(Completeness a, Completeness b) =>
        new(checked(a.Received + b.Received), checked(a.Expected + b.Expected));

    /// <summary>
    /// The reading slots a meter of <paramref name="cadence"/> expects from <paramref name="from"/> to
    /// <paramref name="to"/> (Beijing days, inclusive): 24 a day when hourly (the reference's example), 1 a day when daily.
    /// </summary>
    public static long ExpectedSlots(MeterCadence cadence, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return 0;
        }
        var days = (long)to.DayNumber - from.DayNumber + 1;
        return cadence == MeterCadence.Hourly ? checked(days * 24) : days;
    }
}
