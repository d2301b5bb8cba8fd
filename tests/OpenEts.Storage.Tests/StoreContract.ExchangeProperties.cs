using FsCheck;
using FsCheck.Fluent;
using OpenEts.Application.Demo;
using OpenEts.Application.Exchange;
using OpenEts.Application.Registry;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;
using OpenEts.Matching;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// Random sessions of orders, cancels, halts and restarts between two companies: units and cash reconcile with zero
// difference, no account goes negative, reservations match the open orders, and the books rebuilt from the input journal
// equal the live books and make exactly the recorded trades.
public abstract partial class StoreContract<TDb>
{
    private const int ExchangeCases = 6;

    private sealed record ExchangeOp(int Kind, int Trader, bool Buy, int Ticks, int Quantity, int Pick);

    private static readonly Gen<ExchangeOp> ExchangeOpGen =
        from kind in Gen.Choose(0, 11)
        from trader in Gen.Choose(0, 1)
        from buy in Gen.Elements(true, false)
        from ticks in Gen.Choose(-8, 8)
        from quantity in Gen.Choose(1, 400)
        from pick in Gen.Choose(0, 50)
        select new ExchangeOp(kind, trader, buy, ticks, quantity, pick);

    [Fact]
    public void Exchange_RandomSessionsWithRestarts_ReconcileAndRebuildTheBooks()
    {
        if (Db is PostgresDb)
        {
            PostgresDb.RequireOrSkip();
        }
        var cases = from count in Gen.Choose(5, 40) from ops in ExchangeOpGen.ArrayOf(count) select ops;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(ExchangeCases).WithQuietOnSuccess(true),
            Prop.ForAll(Arb.From(cases), (ExchangeOp[] ops) => Task.Run(() => ExchangeSessionAsync(ops), Ct).GetAwaiter().GetResult()));
    }

    private async Task ExchangeSessionAsync(ExchangeOp[] ops)
    {
        await using var m = await ExchangeMarketAsync(Db);
        await m.DepositAsync("power-a", 500_000m);
        string[] traders = ["power-a", "cement-a"];
        string[] holdings = ["GD-HOLD-POWER", "GD-HOLD-CEMENT"];
        var unitsBefore = await m.HeldAsync(holdings[0]) + await m.HeldAsync(holdings[1]);
        var cashBefore = (await m.CashOfAsync(traders[0])).Balance + (await m.CashOfAsync(traders[1])).Balance;
        var options = new ExchangeOptions(DemoRegistry.Clearing, FeeSchedule.Demo);
        var exchange = m.Exchange;
        var registry = m.Registry;
        var owned = new List<IDisposable>();
        var halted = false;
        try
        {
            for (var i = 0; i < ops.Length; i++)
            {
                var op = ops[i];
                var actor = await m.ActorOf(traders[op.Trader]);
                switch (op.Kind)
                {
                    case <= 6:
                        var price = 2_000 + (op.Ticks * 10);
                        await exchange.HandleAsync(actor, new PlaceOrder("GDEA-2017", op.Buy ? Side.Buy : Side.Sell,
                            op.Pick % 7 == 0 ? OrderType.Ioc : OrderType.Limit, price, op.Quantity, IdempotencyKey.From("k" + i)), m.At, Ct);
                        break;
                    case <= 8:
                        var open = (await new ExchangeQueries(m.Store, exchange, registry).MyOrdersAsync(actor, Ct))
                            .Where(o => o.Status == OrderStatus.Open).ToList();
                        if (open.Count > 0)
                        {
                            Assert.IsType<ExchangeOutcome.Completed>(
                                await exchange.HandleAsync(actor, new CancelOrder(open[op.Pick % open.Count].Id), m.At, Ct));
                        }
                        break;
                    case 9:
                        halted = !halted;
                        Assert.IsType<ExchangeOutcome.Completed>(
                            await exchange.HandleAsync(await m.ActorOf("exchange"), new HaltInstrument("GDEA-2017", halted, ""), m.At, Ct));
                        break;
                    default:
                        // A restart: both services start again from the database.
                        registry = new RegistryService(m.Store);
                        exchange = new ExchangeService(m.Store, registry, options);
                        owned.Add(registry);
                        owned.Add(exchange);
                        break;
                }
            }
            var queries = new ExchangeQueries(m.Store, exchange, registry);
            var live = await queries.DepthAsync("GDEA-2017", 1_000, Ct);
            using var rebuiltExchange = new ExchangeService(m.Store, registry, options);
            var rebuilt = await new ExchangeQueries(m.Store, rebuiltExchange, registry).DepthAsync("GDEA-2017", 1_000, Ct);
            var verified = await exchange.VerifyAsync(Ct);

            Assert.True(verified.Agrees, string.Join("; ", verified.Differences));
            Assert.Equal(live!.Bids, rebuilt!.Bids);
            Assert.Equal(live.Asks, rebuilt.Asks);
            var held = await registry.QueryAsync((l, _) => holdings.Sum(h => l.QuantityHeld(AccountNumber.From(h), DemoRegistry.Allowances).Value)
                + l.QuantityHeld(DemoRegistry.Clearing, DemoRegistry.Allowances).Value, Ct);
            var clearing = await registry.QueryAsync((l, _) => l.QuantityHeld(DemoRegistry.Clearing, DemoRegistry.Allowances).Value, Ct);
            var orders = new List<ExchangeOrder>();
            foreach (var t in traders)
            {
                orders.AddRange(await queries.MyOrdersAsync(await m.ActorOf(t), Ct));
            }
            Assert.Equal(unitsBefore, held);
            Assert.Equal(orders.Where(o => o.Side == Side.Sell && o.Status == OrderStatus.Open).Sum(o => o.Resting), clearing);
            var fees = await m.FeesAsync();
            var cashAfter = 0m;
            foreach (var t in traders)
            {
                var actor = await m.ActorOf(t);
                var c = await m.CashOfAsync(t);
                var account = (await queries.AccountAsync(actor, Ct))!;
                var reservations = await m.Store.ReadAsync(s => s.Cash.ReservationsAsync(c.Id, openOnly: true), Ct);
                Assert.True(c.Balance >= 0 && c.Reserved >= 0 && c.Reserved <= c.Balance);
                Assert.Equal(c.Reserved, reservations.Sum(r => r.Amount.Value));
                Assert.Equal(orders.Count(o => o.AccountId == account.Id && o.Side == Side.Buy && o.Status == OrderStatus.Open), reservations.Count);
                cashAfter += c.Balance;
            }
            Assert.Equal(cashBefore, cashAfter + fees);
        }
        finally
        {
            foreach (var d in owned)
            {
                d.Dispose();
            }
        }
    }
}
