namespace OpenEts.Domain.Exchange.MarketData;

/// <summary>
/// Aggregates an instrument's trades into K-line bars (1 minute or 1 trading day, Beijing time). The trades must be in
/// the exchange's trade order (by sequence, times never going back); an interval without trades gets no bar.
/// </summary>
public static class KLines
{
    private const long TicksPerMinute = TimeSpan.TicksPerMinute;
    private const long TicksPerDay = TimeSpan.TicksPerDay;
    private static readonly long BeijingTicks = BeijingTime.Offset.Ticks;

    /// <summary>The bars of <paramref name="trades"/> at <paramref name="interval"/>, oldest first.</summary>
    /// <exception cref="ArgumentException">A trade is earlier than the one before it, or has a price or quantity ≤ 0.</exception>
    public static IReadOnlyList<Bar> Aggregate(IReadOnlyList<TradePrint> trades, KLineInterval interval)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var bars = new List<Bar>();
        var builder = new KLineBuilder(interval);
        for (var i = 0; i < trades.Count; i++)
        {
            if (builder.Add(trades[i]) is { } closed)
            {
                bars.Add(closed);
            }
        }
        if (builder.Current is { } last)
        {
            bars.Add(last);
        }
        return bars;
    }

    /// <summary>The start of the interval holding <paramref name="at"/>, with offset +08:00.</summary>
    public static DateTimeOffset IntervalStart(DateTimeOffset at, KLineInterval interval) =>
        new(BucketStartTicks(BucketOf(at.UtcTicks, interval), interval) + BeijingTicks, BeijingTime.Offset);

    // A bucket number that grows with time: whole minutes since 0001-01-01 UTC (minutes agree in UTC and +08:00, as the
    // offset is whole hours), or whole Beijing days.
    internal static long BucketOf(long utcTicks, KLineInterval interval) => interval == KLineInterval.OneMinute
        ? utcTicks / TicksPerMinute
        : (utcTicks + BeijingTicks) / TicksPerDay;

    // The UTC ticks at which a bucket starts.
    internal static long BucketStartTicks(long bucket, KLineInterval interval) => interval == KLineInterval.OneMinute
        ? bucket * TicksPerMinute
        : (bucket * TicksPerDay) - BeijingTicks;
}
