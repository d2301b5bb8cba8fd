namespace OpenEts.Domain.Exchange.MarketData;

/// <summary>
/// An instrument's official open and close for one trading day by its exchange's <see cref="ClosingRule"/>, with the
/// day's volume (t) and turnover (fen) of the trades the rule reads. Prices are integer fen per tonne.
/// </summary>
/// <remarks>
/// <c>ReferenceKept</c> is true when the close is not the day's VWAP but the reference carried over: no trades, or
/// (Guangzhou) a day of ≤ 100 t.
/// </remarks>
public sealed record DailyClose(
    DateOnly Day, ClosingRule Rule, long PreviousCloseFen, long OpenFen, long CloseFen, long Volume, long TurnoverFen, bool ReferenceKept)
{
    /// <summary>
    /// Guangzhou's thin-day threshold: a day whose 挂牌点选 volume is at most this many tonnes keeps the open as the
    /// close. Source: shared/reference/guangdong.md §1.7 [confirmed].
    /// </summary>
    public const long GuangzhouThinDayTonnes = 100;

    /// <summary>
    /// How a VWAP is brought to the price tick (1 fen): to the nearest fen, half a fen away from zero. Neither source
    /// says how the exchanges round the VWAP. [UNCONFIRMED]
    /// </summary>
    public const MidpointRounding VwapRounding = MidpointRounding.AwayFromZero;

    /// <summary>
    /// The day's open and close by <paramref name="rule"/> from the day's trades of the mode the rule reads, given the
    /// previous trading day's close.
    /// </summary>
    /// <remarks>
    /// <paramref name="previousCloseFen"/> is the previous official close (or the first day's reference price), &gt; 0;
    /// <paramref name="trades"/> are the day's trades of the rule's mode, in trade order, all on <paramref name="day"/>.
    /// </remarks>
    /// <exception cref="ArgumentException">A trade is on another Beijing trading day, or has a price or quantity ≤ 0.</exception>
    public static DailyClose Compute(ClosingRule rule, DateOnly day, long previousCloseFen, IReadOnlyList<TradePrint> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(previousCloseFen);
        long volume = 0;
        long turnover = 0;
        foreach (var t in trades)
        {
            if (t.PriceFen <= 0 || t.Quantity <= 0)
            {
                throw new ArgumentException($"trade {t.Sequence}: price and quantity must be positive", nameof(trades));
            }
            if (BeijingTime.TradingDay(t.At) != day)
            {
                throw new ArgumentException($"trade {t.Sequence} is not on trading day {day:yyyy-MM-dd} (Beijing time)", nameof(trades));
            }
            volume += t.Quantity;
            turnover += t.PriceFen * t.Quantity;
        }
        var open = rule == ClosingRule.NationalVwap && trades.Count > 0 ? trades[0].PriceFen : previousCloseFen;
        var keep = volume == 0 || (rule == ClosingRule.GuangzhouClickListing && volume <= GuangzhouThinDayTonnes);
        var close = keep ? open : Vwap(turnover, volume);
        return new DailyClose(day, rule, previousCloseFen, open, close, volume, turnover, keep);
    }

    /// <summary>The volume-weighted average price in fen, rounded to the fen by <see cref="VwapRounding"/>.</summary>
    public static long Vwap(long turnoverFen, long volume)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(volume);
        ArgumentOutOfRangeException.ThrowIfNegative(turnoverFen);
        return (long)decimal.Round((decimal)turnoverFen / volume, 0, VwapRounding);
    }

    /// <summary>The next trading day's reference price (this close) and its band of ±<paramref name="percent"/> %.</summary>
    public PriceBand NextBand(int percent) => PriceBand.Around(CloseFen, percent);
}
