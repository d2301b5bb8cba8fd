namespace OpenEts.Domain.Exchange.MarketData;

/// <summary>
/// An instrument's ticker (行情) for the trading day so far: last price, change against the previous close, the day's
/// high and low, volume (t) and turnover (fen). Prices are integer fen per tonne; null where the day has no trade yet.
/// </summary>
/// <remarks>
/// <c>ChangePercent</c> is the change as a percentage of the previous close, to 2 decimals (half away from zero).
/// Block trades (大宗协议) are off the book: they count only in <c>BlockVolume</c> and <c>BlockTurnoverFen</c>, never in
/// the last price, high, low, volume or turnover of the book's trades.
/// </remarks>
public sealed record Ticker(
    string Instrument, DateOnly Day, long PreviousCloseFen, long? LastFen, long? ChangeFen, decimal? ChangePercent,
    long? OpenFen, long? HighFen, long? LowFen, long Volume, long TurnoverFen, int Trades, DateTimeOffset? LastAt, long BlockVolume = 0,
    long BlockTurnoverFen = 0)
{
    /// <summary>
    /// The change against the previous close (涨跌) in yuan per tonne, exact to the fen (<see cref="ChangeFen"/> ÷ 100, two
    /// decimals), negative when the price fell; null before the day's first trade.
    /// </summary>
    public decimal? Change => ChangeFen is { } f ? f * 0.01m : null;

    /// <summary>The ticker of <paramref name="day"/> from the book's trades, with the day's settled block trades as block volume.</summary>
    public static Ticker From(string instrument, DateOnly day, long previousCloseFen, IEnumerable<TradePrint> trades, IEnumerable<TradePrint> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        long volume = 0, turnover = 0;
        foreach (var b in blocks)
        {
            if (BeijingTime.TradingDay(b.At) == day)
            {
                volume = checked(volume + b.Quantity);
                turnover = checked(turnover + checked(b.PriceFen * b.Quantity));
            }
        }
        return From(instrument, day, previousCloseFen, trades) with { BlockVolume = volume, BlockTurnoverFen = turnover };
    }

    /// <summary>
    /// The ticker of <paramref name="day"/> from that day's trades (all modes, in trade order) and the previous official
    /// close; trades of other days are ignored.
    /// </summary>
    public static Ticker From(string instrument, DateOnly day, long previousCloseFen, IEnumerable<TradePrint> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentOutOfRangeException.ThrowIfNegative(previousCloseFen);
        long? open = null, high = null, low = null, last = null;
        DateTimeOffset? lastAt = null;
        long volume = 0, turnover = 0;
        var count = 0;
        foreach (var t in trades)
        {
            if (BeijingTime.TradingDay(t.At) != day)
            {
                continue;
            }
            open ??= t.PriceFen;
            high = high is { } h && h >= t.PriceFen ? h : t.PriceFen;
            low = low is { } l && l <= t.PriceFen ? l : t.PriceFen;
            last = t.PriceFen;
            lastAt = t.At;
            volume += t.Quantity;
            turnover += t.PriceFen * t.Quantity;
            count++;
        }
        long? change = last - previousCloseFen;
        decimal? percent = change is { } c && previousCloseFen > 0
            ? decimal.Round(c * 100m / previousCloseFen, 2, MidpointRounding.AwayFromZero)
            : null;
        return new Ticker(instrument, day, previousCloseFen, last, change, percent, open, high, low, volume, turnover, count, lastAt);
    }
}
