namespace OpenEts.Domain.Exchange.MarketData;

/// <summary>How an exchange sets an instrument's open and official closing price (收盘价) for a trading day.</summary>
/// <remarks>
/// The trades a rule reads are the day's trades of the mode it names (挂牌协议, or 挂牌点选); block trades (大宗协议)
/// and auctions never set the close, so the caller passes only that mode's trades.
/// </remarks>
public enum ClosingRule
{
    /// <summary>
    /// The national market (SEEE): the open is the day's first 挂牌协议 trade (the previous close if there is none); the
    /// close is the VWAP of the day's 挂牌协议 trades (the previous close if there are none).
    /// Source: shared/reference/trading.md §5.1 [confirmed].
    /// </summary>
    NationalVwap,

    /// <summary>
    /// Guangzhou (广碳所, from 2018-07-31, GDEA, CCER and PHCER): the open is the previous 挂牌点选 close; when the day's
    /// 挂牌点选 volume is ≤ 100 t the close equals the open, otherwise it is the VWAP of all that day's 挂牌点选 trades.
    /// Source: shared/reference/guangdong.md §1.7 [confirmed].
    /// </summary>
    GuangzhouClickListing,
}
