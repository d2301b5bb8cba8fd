using OpenEts.Application.Exchange;
using OpenEts.Domain.Exchange;
using OpenEts.Matching;

namespace OpenEts.Storage.Tests;

// The national best-5-levels rule (挂牌协议: trades at the counterparty's price within the best 5 levels; trading.md §5.1
// [confirmed]) switched per instrument through the exchange's use cases on every database: an order trades through five
// levels at most and the remainder that would still cross is cancelled and released; the switch is in the input journal,
// so `ets exchange verify` and a restarted exchange rebuild the same book.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task BestFive_SwitchedOn_TradesWithinFiveLevelsCancelsTheRestAndReplaysTheSame()
    {
        await using var m = await ExchangeMarketAsync(Db);
        for (var i = 0; i < 7; i++)
        {
            await m.PlaceAsync("power-a", Side.Sell, 20.00m + (i / 100m), 10, "b5-s" + i);
        }
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new SetTradingRules("GDEA-2017", null, true)));

        var buy = Assert.IsType<ExchangeOutcome.Completed>(await m.OrderAsync("cement-a", Side.Buy, 20.06m, 65, "b5-b"));
        var depth = await m.Queries.DepthAsync("GDEA-2017", 5, Ct);
        var verified = await m.Exchange.VerifyAsync(Ct);
        using var restarted = new ExchangeService(m.Store, m.Registry, m.Exchange.Options);
        var rebuilt = await new ExchangeQueries(m.Store, restarted, m.Registry).DepthAsync("GDEA-2017", 5, Ct);
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new SetTradingRules("GDEA-2017", null, false)));
        var sweep = Assert.IsType<ExchangeOutcome.Completed>(await m.OrderAsync("cement-a", Side.Buy, 20.06m, 20, "b5-b2"));

        // Five levels of 10 t at 20.00–20.04; the other 15 t would trade at 20.05, the sixth level: cancelled and released.
        Assert.Equal([2_000L, 2_001L, 2_002L, 2_003L, 2_004L], buy.Trades.Select(t => t.PriceFen));
        Assert.Equal((OrderStatus.Cancelled, "BeyondBestLevels", 50L, 15L), (buy.Order!.Status, buy.Order.Reason, buy.Order.Filled, buy.Order.Cancelled));
        Assert.Equal(0m, (await m.CashOfAsync("cement-a")).Reserved);
        Assert.Equal([new DepthLevel(2_005, 10, 1), new DepthLevel(2_006, 10, 1)], depth!.Asks);
        Assert.True(verified.Agrees, string.Join("; ", verified.Differences));
        Assert.Equal(depth.Asks, rebuilt!.Asks);
        Assert.True((await m.Queries.InstrumentAsync("GDEA-2017", Ct))!.Instrument is { BestFiveLevels: false, ResaleNextDay: false });
        Assert.Equal([2_005L, 2_006L], sweep.Trades.Select(t => t.PriceFen));
    }
}
