namespace OpenEts.Domain.Exchange.MarketData;

/// <summary>
/// A day's price band (涨跌幅限制): the reference price (the previous close) and the lowest and highest prices an order
/// may carry, in integer fen per tonne, inclusive.
/// </summary>
/// <remarks>
/// The limits are brought inside the band to the tick (1 fen): the upper limit rounds down and the lower limit up, so
/// no accepted price is more than the percentage away from the reference. The sources give the percentage but not the
/// rounding. [UNCONFIRMED] <c>default</c> is an empty band at 0 that contains only 0.
/// </remarks>
public readonly record struct PriceBand(long ReferenceFen, long LowerFen, long UpperFen)
{
    /// <summary>
    /// The national market's 挂牌协议 band: ±10 % of the previous close. Source: shared/reference/trading.md §5.1 [confirmed].
    /// </summary>
    public const int NationalListedPercent = 10;

    /// <summary>
    /// The national market's 大宗协议 band: ±30 %. Source: shared/reference/trading.md §5.1, where the figure is
    /// [UNCONFIRMED] (not in retrievable text).
    /// </summary>
    public const int NationalBlockPercent = 30;

    /// <summary>
    /// Guangzhou's band: ±10 %, assumed like the national market's. guangdong.md §1.7: the Guangdong bands were not
    /// found. [UNCONFIRMED]
    /// </summary>
    public const int GuangzhouPercent = 10;

    /// <summary>The band of ±<paramref name="percent"/> % around <paramref name="referenceFen"/>.</summary>
    public static PriceBand Around(long referenceFen, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(referenceFen);
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var upper = referenceFen * (100 + percent) / 100;
        var lowerTimes100 = referenceFen * (100 - percent);
        var lower = (lowerTimes100 / 100) + (lowerTimes100 % 100 == 0 ? 0 : 1);
        return new PriceBand(referenceFen, lower, upper);
    }

    /// <summary>Whether <paramref name="priceFen"/> lies inside the band, limits included.</summary>
    public bool Contains(long priceFen) => priceFen >= LowerFen && priceFen <= UpperFen;
}
