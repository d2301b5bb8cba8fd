using OpenEts.Application.Exchange;
using OpenEts.Domain.Exchange;
using OpenEts.Matching;

namespace OpenEts.Storage.Tests;

// Amends through the use case on every database: what an order holds follows its new terms, an amend that crosses trades
// and settles at once, and cash that does not cover the new terms refuses the amend with nothing changed.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Amend_LowerThenRaise_ReleasesAndReservesCashAndUnitsForTheNewTerms()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var power = await m.HeldAsync("GD-HOLD-POWER");
        var buy = await m.PlaceAsync("cement-a", Side.Buy, 19.00m, 1_000, "am-b1");
        var sell = await m.PlaceAsync("power-a", Side.Sell, 21.00m, 1_000, "am-s1");

        var lowerBuy = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", new AmendOrder(buy, null, 600)));
        var reserved = (await m.CashOfAsync("cement-a")).Reserved;
        var lowerSell = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new AmendOrder(sell, null, 400)));
        var clearingLowered = await m.HeldAsync("GD-CLEARING");
        var raiseSell = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new AmendOrder(sell, 2_150, 1_500)));

        // 600 t × 19.00 = 11 400.00 yuan + the maximum fee 5.70.
        Assert.Equal((600L, 400L, OrderStatus.Open), (lowerBuy.Order!.Resting, lowerBuy.Order.Cancelled, lowerBuy.Order.Status));
        Assert.Equal(11_405.70m, reserved);
        Assert.Equal((400L, 600L), (lowerSell.Order!.Resting, lowerSell.Order.Cancelled));
        Assert.Equal(400L, clearingLowered);
        // Raised to 1 500 t open at 21.50: 1 100 more units into clearing; asked = 600 cancelled + 1 500 open.
        Assert.Equal((1_500L, 2_100L, 2_150L), (raiseSell.Order!.Resting, raiseSell.Order.Quantity, raiseSell.Order.PriceFen!.Value));
        Assert.Equal(1_500L, await m.HeldAsync("GD-CLEARING"));
        Assert.Equal(power - 1_500, await m.HeldAsync("GD-HOLD-POWER"));
        Assert.Equal([new DepthLevel(2_150, 1_500, 1)], (await m.Queries.DepthAsync("GDEA-2017", 5, Ct))!.Asks);
    }

    [Fact]
    public async Task Amend_NewPriceThatCrosses_TradesAtOnceAndCountsTheReductionAsCancelled()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var power = await m.HeldAsync("GD-HOLD-POWER");
        var sell = await m.PlaceAsync("power-a", Side.Sell, 21.00m, 100, "am-s1");
        await m.PlaceAsync("cement-a", Side.Buy, 20.50m, 20, "am-b1");

        var amended = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new AmendOrder(sell, 2_050, 60)));

        // docs/matching.md: 100 open → 60 at a new price that trades 20 at once: filled 20, resting 40, cancelled 40.
        var o = amended.Order!;
        Assert.Equal((20L, 40L, 40L, 100L, OrderStatus.Open), (o.Filled, o.Resting, o.Cancelled, o.Quantity, o.Status));
        Assert.Equal((2_050L, 20L), (Assert.Single(amended.Trades).PriceFen, amended.Trades[0].Quantity));
        // Clearing: 100 in, 40 back to the seller, 20 delivered to the buyer → 40 waiting. 20 × 20.50 = 410.00, fee 0.205 → 0.20.
        Assert.Equal(40L, await m.HeldAsync("GD-CLEARING"));
        Assert.Equal(power - 60, await m.HeldAsync("GD-HOLD-POWER"));
        Assert.Equal(410.00m - 0.20m, (await m.CashOfAsync("power-a")).Balance);
        Assert.True((await m.Exchange.VerifyAsync(Ct)).Agrees);
    }

    [Fact]
    public async Task Amend_RaisedBeyondTheCash_IsRefusedAndKeepsTheOldReservation()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var buy = await m.PlaceAsync("cement-a", Side.Buy, 19.00m, 1_000, "am-b1");

        var refused = await m.RunAsync("cement-a", new AmendOrder(buy, null, 60_000));
        var notMine = await m.RunAsync("power-a", new AmendOrder(buy, null, 10));

        // 60 000 t × 19.00 = 1 140 000 yuan > the 1 000 000 deposited.
        Assert.Equal(ExchangeRule.InsufficientCash, Assert.IsType<ExchangeOutcome.Refused>(refused).Rule);
        Assert.Equal(ExchangeRule.UnknownOrder, Assert.IsType<ExchangeOutcome.Refused>(notMine).Rule);
        Assert.Equal(19_009.50m, (await m.CashOfAsync("cement-a")).Reserved);
        Assert.Equal([new DepthLevel(1_900, 1_000, 1)], (await m.Queries.DepthAsync("GDEA-2017", 5, Ct))!.Bids);
    }
}
