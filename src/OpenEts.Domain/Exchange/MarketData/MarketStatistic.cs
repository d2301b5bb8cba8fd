namespace OpenEts.Domain.Exchange.MarketData;

/// <summary>
/// A market's cumulative trading statistics as published (累计成交统计) up to a date: volume in tonnes, turnover in
/// 10⁴ yuan (万元) and the average price in yuan per tonne, as in the seed newsletter's table of the pilots.
/// </summary>
/// <param name="Market">The market or exchange as published (深圳, 湖北, 福建 …).</param>
/// <param name="Product">What was counted, when the publication narrows it (e.g. FFCER 林业碳汇); empty for the whole market.</param>
/// <param name="AsOf">The date the figures run to (截止日期).</param>
/// <param name="VolumeTonnes">Cumulative volume, t, ≥ 0.</param>
/// <param name="Turnover10kYuan">Cumulative turnover, 万元, ≥ 0, exact as published (e.g. 488.1).</param>
/// <param name="AveragePrice">The published average price, 元/t, or null when the publication gives none.</param>
/// <param name="Source">Where the figures were published.</param>
public sealed record MarketStatistic(
    string Market, string Product, DateOnly AsOf, long VolumeTonnes, decimal Turnover10kYuan, decimal? AveragePrice, string Source)
{
    /// <summary>Turnover in yuan: 万元 × 10 000.</summary>
    public decimal TurnoverYuan => Turnover10kYuan * 10_000m;

    /// <summary>
    /// Turnover ÷ volume in 元/t, to 2 decimals (half away from zero); null when the volume is 0.
    /// </summary>
    public decimal? ComputedAverage => VolumeTonnes == 0
        ? null
        : decimal.Round(TurnoverYuan / VolumeTonnes, 2, MidpointRounding.AwayFromZero);

    /// <summary>The published average price, or the computed one when none was published.</summary>
    public decimal? Average => AveragePrice ?? ComputedAverage;

    /// <summary>
    /// The cumulative statistics of a market's own trades: volume (t), turnover in 万元 (exact: fen ÷ 10⁶) and the
    /// average price turnover ÷ volume.
    /// </summary>
    public static MarketStatistic FromTrades(string market, string product, DateOnly asOf, IEnumerable<TradePrint> trades, string source)
    {
        ArgumentNullException.ThrowIfNull(trades);
        long volume = 0, turnoverFen = 0;
        foreach (var t in trades)
        {
            volume += t.Quantity;
            turnoverFen += t.PriceFen * t.Quantity;
        }
        var stat = new MarketStatistic(market, product, asOf, volume, turnoverFen / 1_000_000m, null, source);
        return stat with { AveragePrice = stat.ComputedAverage };
    }
}
