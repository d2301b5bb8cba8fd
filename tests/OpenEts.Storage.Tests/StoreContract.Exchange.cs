using OpenEts.Application.Cash;
using OpenEts.Application.Demo;
using OpenEts.Application.Exchange;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;
using OpenEts.Matching;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// The exchange through its use cases on every database: reservations made and released, a trade settled delivery versus
// payment in both ledgers with the fee, refusals naming their rule, a halt, and books rebuilt from the input journal.
public abstract partial class StoreContract<TDb>
{
    private sealed record ExchangeMarket(
        SqlStore Store, RegistryService Registry, ExchangeService Exchange, ExchangeQueries Queries, CashCommandHandler Cash,
        Func<string, Task<Actor>> ActorOf) : IAsyncDisposable
    {
        public DateTimeOffset At { get; set; } = Now;

        public async ValueTask DisposeAsync()
        {
            Exchange.Dispose();
            Registry.Dispose();
            await Store.DisposeAsync();
        }

        public async Task<ExchangeOutcome> RunAsync(string user, IExchangeCommand command) =>
            await Exchange.HandleAsync(await ActorOf(user), command, At, Ct);

        public async Task<ExchangeOutcome> OrderAsync(string user, Side side, decimal? price, long quantity, string key,
            OrderType type = OrderType.Limit, string instrument = "GDEA-2017") =>
            await RunAsync(user, new PlaceOrder(instrument, side, type, price is { } p ? (long)(p * 100m) : null, quantity, IdempotencyKey.From(key)));

        public async Task<long> PlaceAsync(string user, Side side, decimal price, long quantity, string key) =>
            long.Parse(Assert.IsType<ExchangeOutcome.Completed>(await OrderAsync(user, side, price, quantity, key)).Subject.Split('/')[^1],
                System.Globalization.CultureInfo.InvariantCulture);

        public async Task DepositAsync(string user, decimal yuan, string? key = null)
        {
            var id = (await ActorOf(user)).OrganisationId!.Value;
            var org = (await Store.ReadAsync(s => s.Organisations.FindByIdAsync(id), Ct))!;
            Assert.IsType<CashCommandOutcome.Completed>(await Cash.HandleAsync(await ActorOf("regulator"),
                new DepositCash(org.Code, Yuan.From(yuan), "slip " + (key ?? "dep-" + user), IdempotencyKey.From(key ?? "dep-" + user)), Ct));
        }

        public async Task<CashAccount> CashOfAsync(string user)
        {
            var id = (await ActorOf(user)).OrganisationId!.Value;
            return (await Store.ReadAsync(s => s.Cash.FindMemberAccountAsync(id), Ct))!;
        }

        public async Task<decimal> FeesAsync() =>
            (await Store.ReadAsync(s => s.Cash.SystemAccountAsync(CashAccountKind.ExchangeFees), Ct)).Balance;

        public async Task<long> HeldAsync(string account) =>
            await Registry.QueryAsync((l, _) => l.QuantityHeld(AccountNumber.From(account), DemoRegistry.Allowances).Value, Ct);
    }

    // The demo market and registry, GDEA-2017 listed at a reference of 20.00 yuan on the all-day calendar, and trading
    // accounts for the power company (seller) and the cement company (buyer, 1 000 000 yuan deposited).
    private static async Task<ExchangeMarket> ExchangeMarketAsync(ITestDatabase db, string calendar = "all-day")
    {
        var store = await db.CreateStoreAsync();
        await new DemoMarket(store, new FakeHashing()).SeedIfEmptyAsync(Now, Ct);
        var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        var exchange = new ExchangeService(store, registry, new ExchangeOptions(DemoRegistry.Clearing, FeeSchedule.Demo));
        var m = new ExchangeMarket(store, registry, exchange, new ExchangeQueries(store, exchange, registry),
            new CashCommandHandler(store, TimeProvider.System), async name =>
            {
                var user = await store.ReadAsync(s => s.Users.FindByNameAsync(name), Ct);
                return new Actor(user!.Id, user.UserName, user.Role, user.OrganisationId);
            });
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange",
            new ListInstrument(Instrument.Gdea(2017, 2_000, calendar))));
        foreach (var (code, account) in new[] { ("91440101MA5CY1001", "GD-HOLD-POWER"), ("91441800MA5CY1002", "GD-HOLD-CEMENT") })
        {
            Assert.True(OpenTradingAccount.TryParse(new(code + Domain.Organisations.CreditCode.CheckCharacter(code), account), out var open, out _));
            Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", open));
        }
        await m.DepositAsync("cement-a", 1_000_000m);
        return m;
    }

    [Fact]
    public async Task ListInstrument_OfAClassNeverIssuedOrWithFiguresThatDoNotFit_IsRefusedNamingTheFigure()
    {
        await using var m = await ExchangeMarketAsync(Db);
        ListInstrument.Form Form(string code, string unitClass, long? lot = null, long? maxOrder = null) =>
            new(code, unitClass, 20m, null, lot, maxOrder, null, null);

        var never = await m.RunAsync("exchange", new ListInstrument(Instrument.Gdea(2099, 2_000, TradingCalendar.National.Name)));
        var small = ListInstrument.TryParse(Form("GDEA-2017-B", "GDEA-2017", lot: 10, maxOrder: 5), out _, out var maxErrors);
        var noLot = ListInstrument.TryParse(Form("GDEA-2017-C", "GDEA-2017", lot: 0), out _, out var lotErrors);

        var refused = Assert.IsType<ExchangeOutcome.Refused>(never);
        Assert.Equal((ExchangeRule.UnknownClass, "class"), (refused.Rule, refused.Field));
        Assert.DoesNotContain(await m.Store.ReadAsync(s => s.Exchange.InstrumentsAsync(), Ct), l => l.Instrument.Code == "GDEA-2099");
        Assert.False(small);
        Assert.Equal(("maxOrder", "maxOrder: at least one lot (10 t), not 5 t"), (maxErrors[0].Field, maxErrors[0].Message));
        Assert.False(noLot);
        Assert.Equal("lot", lotErrors[0].Field);
        Assert.DoesNotContain("Parameter", lotErrors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exchange_SellThenCrossingBuy_SettlesUnitsCashAndFeesInBothLedgers()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var power = await m.HeldAsync("GD-HOLD-POWER");
        var cement = await m.HeldAsync("GD-HOLD-CEMENT");

        await m.PlaceAsync("power-a", Side.Sell, 20.50m, 1_000, "s1");
        var clearingAfterSell = await m.HeldAsync("GD-CLEARING");
        var bought = Assert.IsType<ExchangeOutcome.Completed>(await m.OrderAsync("cement-a", Side.Buy, 21.00m, 600, "b1"));

        // 600 t at the resting sell's 20.50: 12 300.00 yuan; each side's fee 0.05 % = 6.15 yuan.
        var trade = Assert.Single(bought.Trades);
        Assert.Equal((2_050L, 600L), (trade.PriceFen, trade.Quantity));
        Assert.Equal(OrderStatus.Filled, bought.Order!.Status);
        Assert.Equal(1_000L, clearingAfterSell);
        Assert.Equal(power - 1_000, await m.HeldAsync("GD-HOLD-POWER"));
        Assert.Equal(cement + 600, await m.HeldAsync("GD-HOLD-CEMENT"));
        Assert.Equal(400L, await m.HeldAsync("GD-CLEARING"));
        var buyer = await m.CashOfAsync("cement-a");
        Assert.Equal((1_000_000m - 12_300m - 6.15m, 0m), (buyer.Balance, buyer.Reserved));
        Assert.Equal(12_300m - 6.15m, (await m.CashOfAsync("power-a")).Balance);
        Assert.Equal(12.30m, await m.FeesAsync());
        var prints = await m.Queries.TradePrintsAsync("GDEA-2017", Now.AddMinutes(-1), Now.AddMinutes(1), Ct);
        Assert.Equal([new TradePrint(1, "GDEA-2017", Now, 2_050, 600)], prints);
    }

    [Fact]
    public async Task Exchange_RestingOrdersThenCancel_ReserveAndReleaseCashAndUnits()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var power = await m.HeldAsync("GD-HOLD-POWER");

        var buy = await m.PlaceAsync("cement-a", Side.Buy, 19.00m, 1_000, "b1");
        var reserved = (await m.CashOfAsync("cement-a")).Reserved;
        var sell = await m.PlaceAsync("power-a", Side.Sell, 21.00m, 500, "s1");
        var inClearing = await m.HeldAsync("GD-CLEARING");
        var depth = await m.Queries.DepthAsync("GDEA-2017", 5, Ct);
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-b", new CancelOrder(buy)));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new CancelOrder(sell)));

        // 1 000 t × 19.00 = 19 000 yuan plus the maximum fee 9.50 yuan.
        Assert.Equal(19_009.50m, reserved);
        Assert.Equal(500L, inClearing);
        Assert.Equal([new DepthLevel(1_900, 1_000, 1)], depth!.Bids);
        Assert.Equal([new DepthLevel(2_100, 500, 1)], depth.Asks);
        Assert.Equal(0m, (await m.CashOfAsync("cement-a")).Reserved);
        Assert.Equal(power, await m.HeldAsync("GD-HOLD-POWER"));
        Assert.Equal(0L, await m.HeldAsync("GD-CLEARING"));
        Assert.Empty((await m.Queries.DepthAsync("GDEA-2017", 5, Ct))!.Bids);
    }

    [Fact]
    public async Task Exchange_OrdersBreakingARule_AreRefusedNamingItAndChangeNothing()
    {
        await using var m = await ExchangeMarketAsync(Db);

        // Band ±10 % of 20.00: 18.00–22.00.
        var band = await m.OrderAsync("cement-a", Side.Buy, 22.01m, 100, "b1");
        var size = await m.OrderAsync("cement-a", Side.Buy, 20.00m, 100_000, "b2");
        var cash = await m.OrderAsync("cement-a", Side.Buy, 20.00m, 60_000, "b3");
        var noAccount = await m.OrderAsync("steel-a", Side.Buy, 20.00m, 100, "b4");

        Assert.Equal(ExchangeRule.PriceBand, Assert.IsType<ExchangeOutcome.Refused>(band).Rule);
        Assert.Equal(ExchangeRule.MaxOrderSize, Assert.IsType<ExchangeOutcome.Refused>(size).Rule);
        Assert.Equal(ExchangeRule.InsufficientCash, Assert.IsType<ExchangeOutcome.Refused>(cash).Rule);
        Assert.Equal(ExchangeRule.NotAccountHolder, Assert.IsType<ExchangeOutcome.Refused>(noAccount).Rule);
        Assert.Equal(0m, (await m.CashOfAsync("cement-a")).Reserved);
        Assert.Empty(await m.Queries.MyOrdersAsync(await m.ActorOf("cement-a"), Ct));
    }

    [Fact]
    public async Task Exchange_SellAboveHoldings_IsRefusedAsInsufficientUnits()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var paperAccount = "91440600MA5CY1004";
        Assert.True(OpenTradingAccount.TryParse(new(paperAccount + Domain.Organisations.CreditCode.CheckCharacter(paperAccount), "GD-HOLD-PAPER"),
            out var open, out _));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", open));
        var paper = await m.HeldAsync("GD-HOLD-PAPER");

        // Orders of 99 999 t (the maximum) until less than that is left free: each reserves its units in clearing.
        var full = paper / 99_999;
        for (var i = 0; i < full; i++)
        {
            Assert.IsType<ExchangeOutcome.Completed>(await m.OrderAsync("paper-a", Side.Sell, 21.00m, 99_999, "s" + i));
        }
        var extra = await m.OrderAsync("paper-a", Side.Sell, 21.00m, 99_999, "s-extra");

        Assert.Equal(ExchangeRule.InsufficientUnits, Assert.IsType<ExchangeOutcome.Refused>(extra).Rule);
        Assert.Equal(paper - (full * 99_999), await m.HeldAsync("GD-HOLD-PAPER"));
    }

    [Fact]
    public async Task Exchange_OutsideTradingHours_IsRefusedNamingTheHours()
    {
        await using var m = await ExchangeMarketAsync(Db, "national");
        m.At = new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.Zero); // a Sunday, 10:00 in Beijing

        var sunday = await m.OrderAsync("cement-a", Side.Buy, 20.00m, 100, "b1");
        m.At = new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero); // Monday 10:00 in Beijing
        var monday = await m.OrderAsync("cement-a", Side.Buy, 20.00m, 100, "b2");

        Assert.Equal(ExchangeRule.TradingHours, Assert.IsType<ExchangeOutcome.Refused>(sunday).Rule);
        Assert.IsType<ExchangeOutcome.Completed>(monday);
    }

    [Fact]
    public async Task Exchange_Halted_KeepsTheBookAndAcceptsOnlyCancels()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var resting = await m.PlaceAsync("cement-a", Side.Buy, 19.00m, 100, "b1");
        var other = await m.PlaceAsync("cement-a", Side.Buy, 19.50m, 100, "b2");

        var byCompany = await m.RunAsync("power-a", new HaltInstrument("GDEA-2017", true, ""));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new HaltInstrument("GDEA-2017", true, "test")));
        var newOrder = await m.OrderAsync("power-a", Side.Sell, 19.00m, 100, "s1");
        var cancel = await m.RunAsync("cement-a", new CancelOrder(resting));
        var depth = await m.Queries.DepthAsync("GDEA-2017", 5, Ct);
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new HaltInstrument("GDEA-2017", false, "")));
        var afterResume = await m.OrderAsync("power-a", Side.Sell, 19.50m, 100, "s2");

        Assert.IsType<ExchangeOutcome.Forbidden>(byCompany);
        Assert.Equal(ExchangeRule.InstrumentHalted, Assert.IsType<ExchangeOutcome.Refused>(newOrder).Rule);
        Assert.IsType<ExchangeOutcome.Completed>(cancel);
        Assert.True(depth!.Halted);
        Assert.Equal([new DepthLevel(1_950, 100, 1)], depth.Bids);
        Assert.Equal(other, Assert.Single(Assert.IsType<ExchangeOutcome.Completed>(afterResume).Trades).BuyOrder);
    }

    [Fact]
    public async Task Exchange_NewServiceOnTheSameDatabase_RebuildsTheBooksFromTheInputJournal()
    {
        await using var m = await ExchangeMarketAsync(Db);
        await m.PlaceAsync("cement-a", Side.Buy, 19.00m, 300, "b1");
        await m.PlaceAsync("cement-a", Side.Buy, 19.50m, 200, "b2");
        await m.PlaceAsync("power-a", Side.Sell, 21.00m, 400, "s1");
        await m.PlaceAsync("power-a", Side.Sell, 19.50m, 50, "s2");
        var live = await m.Queries.DepthAsync("GDEA-2017", 5, Ct);

        using var restarted = new ExchangeService(m.Store, m.Registry, new ExchangeOptions(DemoRegistry.Clearing, FeeSchedule.Demo));
        var rebuilt = await new ExchangeQueries(m.Store, restarted, m.Registry).DepthAsync("GDEA-2017", 5, Ct);

        Assert.Equal(live!.Bids, rebuilt!.Bids);
        Assert.Equal(live.Asks, rebuilt.Asks);
        Assert.Equal([new DepthLevel(1_950, 150, 1), new DepthLevel(1_900, 300, 1)], rebuilt.Bids);
    }
}
