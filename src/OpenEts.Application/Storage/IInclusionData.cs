using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Storage;

/// <summary>
/// The carbon-inclusion tables, keyed by citizen so that every hot-path read is a primary-key range of one user (no
/// whole-table scan): the events seen (for idempotency), the daily rollups (caps and statements), the coin lots by day
/// earned, the wallet totals, redemptions, and the period aggregations filed as PHCER monitoring reports. Only
/// <see cref="InclusionCommandHandler"/> writes them and only <see cref="InclusionQueries"/> reads them for others.
/// </summary>
public partial interface IInclusionData
{
    /// <summary>A user's daily rollups in a programme from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    Task<IReadOnlyList<DailyRollup>> DailyAsync(long userId, string programme, DateOnly from, DateOnly to);

    /// <summary>Adds to one daily rollup row (creating it when new).</summary>
    Task AddDailyAsync(long userId, string programme, DailyRollup add);

    /// <summary>A user's coin lots in a programme that still hold coins or were earned on or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<CoinLot>> LotsAsync(long userId, string programme, DateOnly since);

    /// <summary>Writes lots (insert or replace by day earned).</summary>
    Task SaveLotsAsync(long userId, string programme, IEnumerable<CoinLot> lots);

    /// <summary>A user's totals in a programme, or null before their first counted action.</summary>
    Task<InclusionWallet?> WalletAsync(long userId, string programme);

    /// <summary>A user's totals in every programme they took part in.</summary>
    Task<IReadOnlyList<InclusionWallet>> WalletsAsync(long userId);

    /// <summary>Writes a wallet (insert or replace).</summary>
    Task SaveWalletAsync(InclusionWallet wallet);

    /// <summary>The redemption made with this idempotency key, or null.</summary>
    Task<CoinRedemption?> FindRedemptionAsync(string key);

    /// <summary>Inserts a redemption and returns it with its id.</summary>
    Task<CoinRedemption> InsertRedemptionAsync(CoinRedemption redemption);

    /// <summary>A user's redemptions, newest first, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<CoinRedemption>> RedemptionsAsync(long userId, int take);

    /// <summary>A user's recent events, newest first, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<InclusionEvent>> RecentEventsAsync(long userId, int take);

    /// <summary>A programme's counted reductions and actions by behaviour over a period (the aggregation's input).</summary>
    Task<IReadOnlyList<BehaviourTotal>> PeriodTotalsAsync(string programme, DateOnly from, DateOnly to);

    /// <summary>How many distinct citizens have counted actions in a programme over a period (an aggregation's citizens).</summary>
    Task<long> PeriodCitizensAsync(string programme, DateOnly from, DateOnly to);

    /// <summary>A programme's aggregations, by period.</summary>
    Task<IReadOnlyList<InclusionAggregation>> AggregationsAsync(string programme);

    /// <summary>
    /// Inserts an aggregation and returns it with its id, and keeps the period's daily sums by day and behaviour as they
    /// stand in this transaction (<see cref="AggregationDaysAsync"/>).
    /// </summary>
    Task<InclusionAggregation> InsertAggregationAsync(InclusionAggregation aggregation);
}
