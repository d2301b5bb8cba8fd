using OpenEts.Application.Exchange;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;
using OpenEts.Matching;

namespace OpenEts.Storage.Tests;

// The T+1 resale restriction (configurable per instrument, off by default; trading.md §5.1 [UNCONFIRMED]) through the
// exchange's use cases on every database: what a member bought today cannot be sold today by any sell (order, listing,
// one-way auction), what it held before can, and the next Beijing day all of it can.
public abstract partial class StoreContract<TDb>
{
    // Parks the cement company's allowances in resting sells at the band's top (22.00, which no buy in these tests
    // reaches) until 12 t are left free, then it buys 600 t today from the power company at 20.00.
    private static async Task CementBuysTodayWithLittleElseFreeAsync(ExchangeMarket m)
    {
        for (var i = 0; await m.HeldAsync("GD-HOLD-CEMENT") > 99_999; i++)
        {
            Assert.IsType<ExchangeOutcome.Completed>(await m.OrderAsync("cement-a", Side.Sell, 22.00m, 99_999, "park-" + i));
        }
        await m.PlaceAsync("power-a", Side.Sell, 20.00m, 600, "t1-s");
        Assert.Single(Assert.IsType<ExchangeOutcome.Completed>(await m.OrderAsync("cement-a", Side.Buy, 20.00m, 600, "t1-b")).Trades);
    }

    private static Task<ExchangeOutcome> ResaleAsync(ExchangeMarket m, bool? on) => m.RunAsync("exchange", new SetTradingRules("GDEA-2017", on));

    [Fact]
    public async Task Resale_NextDayRuleOn_RefusesSellingTodaysPurchaseByAnySellUntilTheNextDay()
    {
        await using var m = await ExchangeMarketAsync(Db);
        Assert.IsType<ExchangeOutcome.Completed>(await ResaleAsync(m, true));
        await CementBuysTodayWithLittleElseFreeAsync(m);
        var held = await m.HeldAsync("GD-HOLD-CEMENT");

        var order = await m.OrderAsync("cement-a", Side.Sell, 21.00m, 13, "t1-sell-13");
        var listing = await m.RunAsync("cement-a", new PostListing("GDEA-2017", Side.Sell, 2_100, 13, null, IdempotencyKey.From("t1-list")));
        var auction = await m.RunAsync("cement-a", new AnnounceOneWayAuction("GDEA-2017", 13, 2_000, null, null, m.At.AddHours(1),
            AuctionPricing.Uniform, IdempotencyKey.From("t1-auction")));
        var heldAfterRefusals = await m.HeldAsync("GD-HOLD-CEMENT");
        var older = await m.OrderAsync("cement-a", Side.Sell, 21.00m, 12, "t1-sell-12");
        m.At = Now.AddDays(1);
        var nextDay = await m.OrderAsync("cement-a", Side.Sell, 21.00m, 600, "t1-sell-600");

        // 612 t held, 600 of them bought today: 12 t may be sold today, 13 may not, by an order, a listing or an auction.
        Assert.Equal(612L, held);
        foreach (var refused in new[] { order, listing, auction })
        {
            var r = Assert.IsType<ExchangeOutcome.Refused>(refused);
            Assert.Equal((ExchangeRule.ResaleNextDay, "quantity", RefusalKind.Conflict), (r.Rule, r.Field, r.Kind));
            Assert.Contains("600 t bought on 2026-11-25", r.Message, StringComparison.Ordinal);
        }
        Assert.Equal(612L, heldAfterRefusals);
        Assert.IsType<ExchangeOutcome.Completed>(older);
        Assert.IsType<ExchangeOutcome.Completed>(nextDay);
        Assert.Equal(0L, await m.HeldAsync("GD-HOLD-CEMENT"));
    }

    [Fact]
    public async Task Resale_RuleOffByDefaultAndSwitchedOff_LetsTodaysPurchaseBeSold()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var listed = (await m.Queries.InstrumentAsync("GDEA-2017", Ct))!;
        await CementBuysTodayWithLittleElseFreeAsync(m);

        var off = await m.OrderAsync("cement-a", Side.Sell, 21.00m, 100, "t1-off");
        Assert.IsType<ExchangeOutcome.Completed>(await ResaleAsync(m, true));
        var on = await m.OrderAsync("cement-a", Side.Sell, 21.00m, 100, "t1-on");
        var kept = await ResaleAsync(m, null);
        var stillOn = (await m.Queries.InstrumentAsync("GDEA-2017", Ct))!.Instrument.ResaleNextDay;
        Assert.IsType<ExchangeOutcome.Completed>(await ResaleAsync(m, false));
        var offAgain = await m.OrderAsync("cement-a", Side.Sell, 21.00m, 100, "t1-off-again");

        Assert.False(listed.Instrument.ResaleNextDay);
        Assert.IsType<ExchangeOutcome.Completed>(off);
        Assert.Equal(ExchangeRule.ResaleNextDay, Assert.IsType<ExchangeOutcome.Refused>(on).Rule);
        Assert.IsType<ExchangeOutcome.Completed>(kept);
        Assert.True(stillOn);
        Assert.IsType<ExchangeOutcome.Completed>(offAgain);
        Assert.False((await m.Queries.InstrumentAsync("GDEA-2017", Ct))!.Instrument.ResaleNextDay);
    }

    [Fact]
    public async Task Resale_SwitchedByAMemberOrForAnUnlistedInstrument_IsRefused()
    {
        await using var m = await ExchangeMarketAsync(Db);

        var member = await m.RunAsync("power-a", new SetTradingRules("GDEA-2017", true));
        var unlisted = await m.RunAsync("exchange", new SetTradingRules("CEA-2099", true));

        Assert.IsType<ExchangeOutcome.Forbidden>(member);
        Assert.Equal(ExchangeRule.UnknownInstrument, Assert.IsType<ExchangeOutcome.Refused>(unlisted).Rule);
    }

    [Fact]
    public async Task Resale_Bought_CountsTheAccountsBookAndListingPurchasesOfTheWindowOnly()
    {
        await using var m = await ExchangeMarketAsync(Db);
        await m.PlaceAsync("power-a", Side.Sell, 20.00m, 300, "b-s");
        Assert.IsType<ExchangeOutcome.Completed>(await m.OrderAsync("cement-a", Side.Buy, 20.00m, 300, "b-b"));
        var listing = Posted(await m.RunAsync("power-a", Listing(Side.Sell, 2_000, 200, "b-l")));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", Pick(listing.Id, null)));
        var cement = (await m.Queries.AccountAsync(await m.ActorOf("cement-a"), Ct))!.Id;
        var power = (await m.Queries.AccountAsync(await m.ActorOf("power-a"), Ct))!.Id;

        var today = await m.Store.ReadAsync(s => s.Exchange.BoughtAsync(cement, "GDEA-2017", Now.AddHours(-1), Now.AddHours(1)), Ct);
        var before = await m.Store.ReadAsync(s => s.Exchange.BoughtAsync(cement, "GDEA-2017", Now.AddDays(-1), Now), Ct);
        var seller = await m.Store.ReadAsync(s => s.Exchange.BoughtAsync(power, "GDEA-2017", Now.AddHours(-1), Now.AddHours(1)), Ct);

        Assert.Equal((500L, 0L, 0L), (today, before, seller));
    }
}
