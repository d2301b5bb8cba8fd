namespace OpenEts.Application.Storage;

// The exchange's per-instrument trading rules (exchange_instruments) and what the T+1 resale restriction reads.
public partial interface IExchangeData
{
    /// <summary>Sets an instrument's switchable rules: the T+1 resale restriction and the best-5-levels rule.</summary>
    Task SetTradingRulesAsync(string code, bool resaleNextDay, bool bestFiveLevels);

    /// <summary>
    /// Tonnes of <paramref name="instrument"/> that trading account <paramref name="accountId"/> bought with
    /// <paramref name="from"/> ≤ at &lt; <paramref name="to"/>: its buys on the book, its purchases from listings (挂牌点选),
    /// its settled block trades as the buyer and its one-way auction bids won.
    /// </summary>
    Task<long> BoughtAsync(long accountId, string instrument, DateTimeOffset from, DateTimeOffset to);
}
