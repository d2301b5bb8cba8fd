namespace OpenEts.Domain.Exchange.MarketData;

/// <summary>
/// Builds K-line bars one trade at a time, for a live feed or a long replay: it holds the open bar and hands back each
/// bar that a later trade closes. Trades must come in the exchange's trade order (times never going back).
/// </summary>
public sealed class KLineBuilder(KLineInterval interval)
{
    private long _bucket = long.MinValue;
    private long _lastTicks = long.MinValue;
    private long _open;
    private long _high;
    private long _low;
    private long _close;
    private long _volume;
    private long _turnover;
    private int _trades;

    /// <summary>The interval this builder makes bars of.</summary>
    public KLineInterval Interval { get; } = interval;

    /// <summary>The bar still open (the last interval that had a trade), or null before the first trade.</summary>
    public Bar? Current => _trades == 0 ? null : Make();

    /// <summary>
    /// Adds a trade. Returns the bar it closes when it is the first trade of a later interval, otherwise null.
    /// </summary>
    /// <exception cref="ArgumentException">The trade is earlier than the last one, or its price or quantity is ≤ 0.</exception>
    public Bar? Add(TradePrint trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        if (trade.PriceFen <= 0 || trade.Quantity <= 0)
        {
            throw new ArgumentException($"trade {trade.Sequence}: price and quantity must be positive", nameof(trade));
        }
        var ticks = trade.At.UtcTicks;
        if (ticks < _lastTicks)
        {
            throw new ArgumentException($"trade {trade.Sequence} is earlier than the trade before it; K-lines take trades in trade order",
                nameof(trade));
        }
        _lastTicks = ticks;
        var bucket = KLines.BucketOf(ticks, Interval);
        Bar? closed = null;
        if (bucket != _bucket)
        {
            closed = _trades == 0 ? null : Make();
            _bucket = bucket;
            _open = _high = _low = trade.PriceFen;
            _volume = _turnover = 0;
            _trades = 0;
        }
        else if (trade.PriceFen > _high)
        {
            _high = trade.PriceFen;
        }
        else if (trade.PriceFen < _low)
        {
            _low = trade.PriceFen;
        }
        _close = trade.PriceFen;
        _volume += trade.Quantity;
        _turnover += trade.PriceFen * trade.Quantity;
        _trades++;
        return closed;
    }

    private Bar Make() => new(new DateTimeOffset(KLines.BucketStartTicks(_bucket, Interval), TimeSpan.Zero).ToOffset(BeijingTime.Offset),
        _open, _high, _low, _close, _volume, _turnover, _trades);
}
