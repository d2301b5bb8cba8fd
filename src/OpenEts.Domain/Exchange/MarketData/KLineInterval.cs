namespace OpenEts.Domain.Exchange.MarketData;

/// <summary>The length of one K-line (candlestick) bar.</summary>
public enum KLineInterval
{
    /// <summary>One minute (1 分钟线); minute boundaries are the same in UTC and Beijing time.</summary>
    OneMinute,

    /// <summary>One trading day (日线): a Beijing calendar date, 00:00 to 24:00 +08:00.</summary>
    OneDay,
}
