using OpenEts.Application.Exchange;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Matching;

namespace OpenEts.Storage.Tests;

// The exchange's end of day on every database: the close by the national VWAP rule, the next day's reference and band,
// day orders expiring with their cash and units released, a repeat refused, and a reconciliation difference halting the
// instrument and naming the trade.
public abstract partial class StoreContract<TDb>
{
    private static readonly DateOnly TradingDay = new(2026, 11, 25); // Now is 17:30 in Beijing on the 25th

    // Two trades: 600 t at 20.50 and 200 t at 20.00; left resting: the sell's 400 t at 20.50 and a buy of 100 t at 19.00.
    private static async Task<(long Sell, long Bid)> TradeADayAsync(ExchangeMarket m)
    {
        var sell = await m.PlaceAsync("power-a", Side.Sell, 20.50m, 1_000, "eod-s1");
        await m.PlaceAsync("cement-a", Side.Buy, 21.00m, 600, "eod-b1");
        await m.PlaceAsync("cement-a", Side.Buy, 20.00m, 200, "eod-b2");
        await m.PlaceAsync("power-a", Side.Sell, 19.90m, 200, "eod-s2");
        var bid = await m.PlaceAsync("cement-a", Side.Buy, 19.00m, 100, "eod-b3");
        return (sell, bid);
    }

    [Fact]
    public async Task EndOfDay_AfterTwoTrades_ClosesAtTheVwapAndExpiresEveryOpenOrder()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var power = await m.HeldAsync("GD-HOLD-POWER");
        var (sell, bid) = await TradeADayAsync(m);

        var done = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new EndOfDay(TradingDay)));

        // A Guangdong allowance closes by Guangzhou's rule: the open is the previous close (20.00); over 100 t traded, the close
        // is the VWAP = (600 × 2 050 + 200 × 2 000) / 800 = 1 630 000 / 800 = 2 037.5 fen, half away from zero → 20.38.
        var close = Assert.Single(done.EndOfDay!.Closed);
        Assert.Empty(done.EndOfDay.Mismatches);
        Assert.Equal(new DailyClose(TradingDay, ClosingRule.GuangzhouClickListing, 2_000, 2_000, 2_038, 800, 1_630_000, false), close.Close);
        Assert.Equal(2, close.ExpiredOrders);
        Assert.Equal(2_038L, (await m.Queries.InstrumentAsync("GDEA-2017", Ct))!.Instrument.ReferencePriceFen);
        var orders = await m.Store.ReadAsync(async s => (await s.Exchange.FindOrderAsync(sell), await s.Exchange.FindOrderAsync(bid)), Ct);
        Assert.Equal((OrderStatus.Cancelled, "Expired", 400L), (orders.Item1!.Status, orders.Item1.Reason, orders.Item1.Cancelled));
        Assert.Equal((OrderStatus.Cancelled, "Expired", 100L), (orders.Item2!.Status, orders.Item2.Reason, orders.Item2.Cancelled));
        Assert.Equal(0m, (await m.CashOfAsync("cement-a")).Reserved);
        Assert.Equal(0L, await m.HeldAsync("GD-CLEARING"));
        Assert.Equal(power - 800, await m.HeldAsync("GD-HOLD-POWER"));
        var depth = (await m.Queries.DepthAsync("GDEA-2017", 5, Ct))!;
        Assert.Empty(depth.Bids);
        Assert.Empty(depth.Asks);
        Assert.Equal([close], await m.Queries.ClosesAsync(TradingDay, Ct));
    }

    [Fact]
    public async Task EndOfDay_NextDay_TradesInTheBandAroundTheCloseAlsoAfterARebuild()
    {
        await using var m = await ExchangeMarketAsync(Db);
        await TradeADayAsync(m);
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new EndOfDay(TradingDay)));
        // ±10 % of 20.38, rounded inwards to the fen: 2 038 × 1.1 = 2 241.8 → 22.41; 2 038 × 0.9 = 1 834.2 → 18.35.
        m.At = Now.AddDays(1);

        var above = await m.OrderAsync("cement-a", Side.Buy, 22.42m, 100, "next-b1");
        using var rebuilt = new ExchangeService(m.Store, m.Registry, m.Exchange.Options);
        var atEdge = await rebuilt.HandleAsync(await m.ActorOf("cement-a"),
            new PlaceOrder("GDEA-2017", Side.Buy, OrderType.Limit, 2_241, 100, Domain.Registry.IdempotencyKey.From("next-b2")), m.At, Ct);
        var crossing = await rebuilt.HandleAsync(await m.ActorOf("power-a"),
            new PlaceOrder("GDEA-2017", Side.Sell, OrderType.Limit, 2_241, 100, Domain.Registry.IdempotencyKey.From("next-s1")), m.At, Ct);

        Assert.Equal(ExchangeRule.PriceBand, Assert.IsType<ExchangeOutcome.Refused>(above).Rule);
        // 22.41 was outside the first day's band (18.00–22.00): the rebuilt book knows the new reference.
        Assert.Equal(OrderStatus.Open, Assert.IsType<ExchangeOutcome.Completed>(atEdge).Order!.Status);
        Assert.Equal(2_241L, Assert.Single(Assert.IsType<ExchangeOutcome.Completed>(crossing).Trades).PriceFen);
    }

    [Fact]
    public async Task EndOfDay_SameDayTwiceOrByACompany_IsRefused()
    {
        await using var m = await ExchangeMarketAsync(Db);
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new EndOfDay(TradingDay)));

        var again = await m.RunAsync("exchange", new EndOfDay(TradingDay));
        var tomorrow = await m.RunAsync("exchange", new EndOfDay(TradingDay.AddDays(1)));
        var company = await m.RunAsync("power-a", new EndOfDay(TradingDay));

        Assert.Equal(ExchangeRule.DayClosed, Assert.IsType<ExchangeOutcome.Refused>(again).Rule);
        Assert.Equal(ExchangeRule.DayNotOver, Assert.IsType<ExchangeOutcome.Refused>(tomorrow).Rule);
        Assert.IsType<ExchangeOutcome.Forbidden>(company);
    }

    [Fact]
    public async Task EndOfDay_PaymentShortInTheCashLedger_HaltsTheInstrumentNamesTheTradeAndKeepsTheReference()
    {
        await using var m = await ExchangeMarketAsync(Db);
        await TradeADayAsync(m);
        await using (var connection = await m.Store.OpenConnectionAsync(Ct))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE cash_entries SET amount_fen = amount_fen - 1 WHERE idempotency_key = 'exchange/trade/1/pay'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
        }

        var done = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new EndOfDay(TradingDay)));

        // Trade 1: 600 t × 2 050 fen = 1 230 000 fen, of which the ledger holds 1 229 999.
        Assert.Empty(done.EndOfDay!.Closed);
        Assert.Equal("GDEA-2017 trade 1 cash.paid: expected 1230000, found 1229999", Assert.Single(done.EndOfDay.Mismatches).ToString());
        var listed = (await m.Queries.InstrumentAsync("GDEA-2017", Ct))!;
        Assert.Equal((true, 2_000L), (listed.Halted, listed.Instrument.ReferencePriceFen));
        Assert.True((await m.Queries.DepthAsync("GDEA-2017", 5, Ct))!.Halted);
        Assert.Empty(await m.Queries.ClosesAsync(TradingDay, Ct));
    }

    [Fact]
    public async Task MemberReport_AfterADay_ShowsOwnTradesFeesAndPositionAndOnlyToItsOwnerOrSupervisors()
    {
        await using var m = await ExchangeMarketAsync(Db);
        await TradeADayAsync(m);
        var cement = await m.ActorOf("cement-a");
        var powerAccount = (await m.Queries.AccountAsync(await m.ActorOf("power-a"), Ct))!.Id;

        var own = (await m.Queries.MemberReportAsync(cement, TradingDay, null, Ct))!;
        var other = await m.Queries.MemberReportAsync(cement, TradingDay, powerAccount, Ct);
        var byExchange = (await m.Queries.MemberReportAsync(await m.ActorOf("exchange"), TradingDay, powerAccount, Ct))!;
        var dayBefore = (await m.Queries.MemberReportAsync(cement, TradingDay.AddDays(-1), null, Ct))!;

        // Bought 600 t at 20.50 (12 300.00 yuan, fee 6.15) and 200 t at 20.00 (4 000.00 yuan, fee 0.05 % = 2.00).
        Assert.Equal([(Side.Buy, 2_050L, 600L, 615L), (Side.Buy, 2_000L, 200L, 200L)],
            own.Trades.Select(t => (t.Side, t.PriceFen, t.Quantity, t.FeeFen)));
        Assert.Equal((800L, 1_630_000L, 0L, 815L), (own.BoughtTonnes, own.BoughtFen, own.SoldTonnes, own.FeesFen));
        // The open buy of 100 t at 19.00 holds 1 900.00 + its maximum fee 0.95 yuan.
        Assert.Equal(1_900.95m, own.CashReserved);
        Assert.Null(other);
        Assert.Equal((0L, 800L, 1_630_000L, 815L), (byExchange.BoughtTonnes, byExchange.SoldTonnes, byExchange.SoldFen, byExchange.FeesFen));
        Assert.Equal(400L, Assert.Single(byExchange.Positions).InOpenSells);
        Assert.Empty(dayBefore.Trades);
    }

    [Fact]
    public async Task PlaceAndAmend_AfterTheDaysEndOfDay_AreRefusedAsDayClosedUntilTheNextTradingDay()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var (sell, _) = await TradeADayAsync(m);
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new EndOfDay(TradingDay)));
        var cashBefore = await m.CashOfAsync("cement-a");

        var order = await m.OrderAsync("cement-a", Side.Buy, 20.00m, 100, "closed-b1");
        var amend = await m.RunAsync("power-a", new AmendOrder(sell, null, 100));
        var cashAfter = await m.CashOfAsync("cement-a");
        m.At = Now.AddDays(1);
        var nextDay = await m.OrderAsync("cement-a", Side.Buy, 20.00m, 100, "closed-b2");

        var refused = Assert.IsType<ExchangeOutcome.Refused>(order);
        Assert.Equal((ExchangeRule.DayClosed, "instrument"), (refused.Rule, refused.Field));
        Assert.Contains("2026-11-25", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ExchangeRule.DayClosed, Assert.IsType<ExchangeOutcome.Refused>(amend).Rule);
        Assert.Equal((cashBefore.Balance, 0m), (cashAfter.Balance, cashAfter.Reserved));
        Assert.Equal(OrderStatus.Open, Assert.IsType<ExchangeOutcome.Completed>(nextDay).Order!.Status);
    }

    [Fact]
    public async Task EndOfDay_RegistryDeliveryMissing_HaltsTheInstrumentAndNamesTheTrade()
    {
        await using var m = await ExchangeMarketAsync(Db);
        await TradeADayAsync(m);
        // The registry no longer finds trade 1's delivery (its request key), while every figure of the exchange's own stays.
        await using (var connection = await m.Store.OpenConnectionAsync(Ct))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM registry_keys WHERE key = 'exchange/trade/1/deliver'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
        }

        var done = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new EndOfDay(TradingDay)));

        // Trade 1: 600 t at 20.50 to the cement company.
        Assert.Empty(done.EndOfDay!.Closed);
        Assert.Equal("GDEA-2017 trade 1 units.delivered: expected 600, found 0", Assert.Single(done.EndOfDay.Mismatches).ToString());
        Assert.True((await m.Queries.InstrumentAsync("GDEA-2017", Ct))!.Halted);
    }
}
