using OpenEts.Application.Storage;

namespace OpenEts.Storage;

// The exchange's per-instrument trading rules (exchange_instruments.resale_next_day, migration 0031, and best_five_levels,
// migration 0036) and the tonnes an
// account bought in a window, which the T+1 resale restriction reads.
internal sealed partial class SqlSession
{
    Task IExchangeData.SetTradingRulesAsync(string code, bool resaleNextDay, bool bestFiveLevels) => RequireInstrumentAsync(code, ExecuteAsync(
        "UPDATE exchange_instruments SET resale_next_day = @resale, best_five_levels = @bestFive WHERE code = @code",
        new { code, resale = resaleNextDay ? 1 : 0, bestFive = bestFiveLevels ? 1 : 0 }));

    Task<long> IExchangeData.BoughtAsync(long accountId, string instrument, DateTimeOffset from, DateTimeOffset to) =>
        ExecuteScalarAsync<long>("""
            SELECT CAST(
                COALESCE((SELECT SUM(quantity) FROM exchange_trades
                          WHERE buy_account = @accountId AND instrument = @instrument AND at >= @from AND at < @to), 0)
              + COALESCE((SELECT SUM(quantity) FROM exchange_listing_trades
                          WHERE buy_account = @accountId AND instrument = @instrument AND at >= @from AND at < @to), 0)
              + COALESCE((SELECT SUM(quantity) FROM exchange_block_trades
                          WHERE instrument = @instrument AND status = 'Settled' AND updated_at >= @from AND updated_at < @to
                            AND ((proposer_side = 'Buy' AND proposer_account = @accountId)
                              OR (proposer_side = 'Sell' AND counterparty_account = @accountId))), 0)
              + COALESCE((SELECT SUM(b.won) FROM exchange_auction_bids b JOIN exchange_auctions a ON a.id = b.auction_id
                          WHERE b.account_id = @accountId AND a.instrument = @instrument AND b.won > 0
                            AND b.updated_at >= @from AND b.updated_at < @to), 0)
            AS BIGINT)
            """, new { accountId, instrument, from = Ms(from), to = Ms(to) });

    private static async Task RequireInstrumentAsync(string code, Task<int> update)
    {
        if (await update.ConfigureAwait(false) == 0)
        {
            throw new InvalidOperationException($"instrument {code} is not listed");
        }
    }
}
