namespace OpenEts.Domain.Exchange.MarketData;

/// <summary>
/// Beijing time (UTC+8, no daylight saving), in which the exchanges' trading days, sessions and K-line buckets are
/// counted. A trading day is the Beijing calendar date of a trade.
/// </summary>
public static class BeijingTime
{
    /// <summary>The offset of Beijing time from UTC: +08:00, all year.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The Beijing calendar date of <paramref name="at"/>: the trading day a trade at that instant belongs to.</summary>
    public static DateOnly TradingDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>Midnight at the start of <paramref name="day"/> in Beijing time, as an instant with offset +08:00.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);
}
