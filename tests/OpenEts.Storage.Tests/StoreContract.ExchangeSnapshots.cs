using FsCheck;
using FsCheck.Fluent;
using OpenEts.Application.Exchange;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;
using OpenEts.Matching;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// Snapshots of the exchange's books on every database: after random sessions of orders, amends, cancels, halts and
// snapshots (on demand and every few inputs), a restart from the newest snapshot and the journal after it, a replay from
// entry 1 and the live books are the same books; a corrupted or truncated snapshot is skipped for the one before it.
public abstract partial class StoreContract<TDb>
{
    private const int ExchangeSnapshotCases = 6;

    [Fact]
    public void ExchangeSnapshots_RandomSessions_RestartFromSnapshotEqualsFullReplayAndLiveBooks()
    {
        if (Db is PostgresDb)
        {
            PostgresDb.RequireOrSkip();
        }
        var cases = from count in Gen.Choose(10, 50) from interval in Gen.Choose(0, 6) from ops in ExchangeOpGen.ArrayOf(count)
                    select (interval, ops);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(ExchangeSnapshotCases).WithQuietOnSuccess(true),
            Prop.ForAll(Arb.From(cases), ((int Interval, ExchangeOp[] Ops) c) =>
                Task.Run(() => ExchangeSnapshotSessionAsync(c.Interval, c.Ops), Ct).GetAwaiter().GetResult()));
    }

    private async Task ExchangeSnapshotSessionAsync(int interval, ExchangeOp[] ops)
    {
        await using var m = await ExchangeMarketAsync(Db);
        await m.DepositAsync("power-a", 500_000m);
        string[] traders = ["power-a", "cement-a"];
        var options = new ExchangeOptions(DemoRegistry.Clearing, FeeSchedule.Demo);
        var exchange = new ExchangeService(m.Store, m.Registry, options) { SnapshotInterval = interval };
        var owned = new List<IDisposable> { exchange };
        var halted = false;
        try
        {
            for (var i = 0; i < ops.Length; i++)
            {
                var op = ops[i];
                var actor = await m.ActorOf(traders[op.Trader]);
                var open = op.Kind is 7 or 8
                    ? (await new ExchangeQueries(m.Store, exchange, m.Registry).MyOrdersAsync(actor, Ct)).Where(o => o.Status == OrderStatus.Open).ToList()
                    : [];
                switch (op.Kind)
                {
                    case <= 6:
                        await exchange.HandleAsync(actor, new PlaceOrder("GDEA-2017", op.Buy ? Side.Buy : Side.Sell,
                            op.Pick % 7 == 0 ? OrderType.Ioc : OrderType.Limit, 2_000 + (op.Ticks * 10), op.Quantity, IdempotencyKey.From("k" + i)), m.At, Ct);
                        break;
                    case 7 when open.Count > 0:
                        // An amend to a new price (which may trade) or, with the same price, a new open quantity.
                        var o = open[op.Pick % open.Count];
                        await exchange.HandleAsync(actor, new AmendOrder(o.Id, op.Pick % 2 == 0 ? 2_000 + (op.Ticks * 10) : null,
                            Math.Max(1, op.Quantity % (o.Resting + 1))), m.At, Ct);
                        break;
                    case 8 when open.Count > 0:
                        Assert.IsType<ExchangeOutcome.Completed>(await exchange.HandleAsync(actor, new CancelOrder(open[op.Pick % open.Count].Id), m.At, Ct));
                        break;
                    case 9:
                        halted = !halted;
                        Assert.IsType<ExchangeOutcome.Completed>(
                            await exchange.HandleAsync(await m.ActorOf("exchange"), new HaltInstrument("GDEA-2017", halted, ""), m.At, Ct));
                        break;
                    case 10:
                        await exchange.SnapshotAsync(m.At, Ct);
                        break;
                    case 11:
                        // A restart: the exchange starts again from the database, from its newest snapshot.
                        exchange = new ExchangeService(m.Store, m.Registry, options) { SnapshotInterval = interval };
                        owned.Add(exchange);
                        break;
                }
            }
            var live = await BooksTextAsync(exchange);
            var snapshots = await exchange.SnapshotsAsync(Ct);
            using var restarted = new ExchangeService(m.Store, m.Registry, options);
            var fromSnapshot = await BooksTextAsync(restarted);
            using var genesis = new ExchangeService(m.Store, m.Registry, options) { StartFromSnapshot = false };
            var fromGenesis = await BooksTextAsync(genesis);
            var full = await exchange.VerifyAsync(Ct);
            var tail = await exchange.VerifyAsync(fromSnapshot: true, Ct);

            Assert.Equal(live, fromSnapshot);
            Assert.Equal(live, fromGenesis);
            Assert.Equal(snapshots.Count > 0 ? snapshots[0].Sequence : (long?)null, restarted.RestoredFrom);
            Assert.Null(genesis.RestoredFrom);
            Assert.True(full.Agrees, string.Join("; ", full.Differences));
            Assert.True(tail.Agrees, string.Join("; ", tail.Differences));
            Assert.Empty(full.SnapshotWarnings);
            // Each snapshot at its entry, and the newest one followed by the tail.
            Assert.Equal(snapshots.Count == 0 ? 0 : snapshots.Count + 1, full.SnapshotsCompared);
            Assert.Equal(restarted.RestoredFrom, tail.FromSnapshot);
        }
        finally
        {
            foreach (var d in owned)
            {
                d.Dispose();
            }
        }
    }

    [Theory]
    [InlineData("flipped")]
    [InlineData("truncated")]
    public async Task ExchangeSnapshots_NewestCorrupted_IsSkippedForTheOneBeforeAndTheBooksAreWhole(string damage)
    {
        await using var m = await ExchangeMarketAsync(Db);
        using var exchange = new ExchangeService(m.Store, m.Registry, new ExchangeOptions(DemoRegistry.Clearing, FeeSchedule.Demo))
        {
            SnapshotInterval = 0,
        };
        var place = async (string user, Side side, long price, long quantity, string key) => Assert.IsType<ExchangeOutcome.Completed>(
            await exchange.HandleAsync(await m.ActorOf(user), new PlaceOrder("GDEA-2017", side, OrderType.Limit, price, quantity,
                IdempotencyKey.From(key)), m.At, Ct));
        await place("power-a", Side.Sell, 2_050, 500, "cs-s1");
        await place("cement-a", Side.Buy, 1_990, 300, "cs-b1");
        var older = await exchange.SnapshotAsync(m.At, Ct);
        await place("cement-a", Side.Buy, 2_050, 200, "cs-b2");
        await place("power-a", Side.Sell, 2_010, 100, "cs-s2");
        var newer = await exchange.SnapshotAsync(m.At, Ct);
        await place("cement-a", Side.Buy, 1_980, 50, "cs-b3");
        var live = await BooksTextAsync(exchange);

        var content = (await m.Store.ReadAsync(s => s.Exchange.SnapshotContentAsync(newer.Sequence), Ct))!;
        var damaged = damage == "truncated" ? content[..(content.Length / 2)] : [.. content];
        if (damage == "flipped")
        {
            damaged[damaged.Length / 2] ^= 0x40;
        }
        await m.Store.WriteAsync(async s =>
        {
            await s.Exchange.SaveSnapshotAsync(newer with { Content = damaged });
            return 0;
        }, Ct);
        using var restarted = new ExchangeService(m.Store, m.Registry, new ExchangeOptions(DemoRegistry.Clearing, FeeSchedule.Demo));
        var restored = await BooksTextAsync(restarted);
        var full = await restarted.VerifyAsync(Ct);
        var tail = await restarted.VerifyAsync(fromSnapshot: true, Ct);

        Assert.Equal(older.Sequence, restarted.RestoredFrom);
        Assert.Equal(live, restored);
        Assert.True(full.Agrees, string.Join("; ", full.Differences));
        Assert.Contains(full.SnapshotWarnings, w => w.Contains($"entry {newer.Sequence}", StringComparison.Ordinal));
        Assert.True(tail.Agrees, string.Join("; ", tail.Differences));
        Assert.Equal(older.Sequence, tail.FromSnapshot);
        Assert.Equal(1L, tail.Trades);
    }

    [Fact]
    public async Task ExchangeSnapshots_AfterEndOfDayBestFiveAndHalt_RestartKeepsReferenceLevelsAndHalt()
    {
        await using var m = await ExchangeMarketAsync(Db);
        await TradeADayAsync(m);
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new EndOfDay(TradingDay)));
        m.At = Now.AddDays(1);
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new SetTradingRules("GDEA-2017", null, BestFiveLevels: true)));
        await m.PlaceAsync("power-a", Side.Sell, 20.40m, 300, "ds-s1");
        await m.PlaceAsync("cement-a", Side.Buy, 20.10m, 200, "ds-b1");
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new HaltInstrument("GDEA-2017", true, "")));
        var snapshot = await m.Exchange.SnapshotAsync(m.At, Ct);
        var live = await BooksTextAsync(m.Exchange);

        using var restarted = new ExchangeService(m.Store, m.Registry, new ExchangeOptions(DemoRegistry.Clearing, FeeSchedule.Demo));
        var restored = await BooksTextAsync(restarted);
        var resumed = await restarted.HandleAsync(await m.ActorOf("exchange"), new HaltInstrument("GDEA-2017", false, ""), m.At, Ct);

        Assert.Equal(snapshot.Sequence, restarted.RestoredFrom);
        Assert.Equal(live, restored);
        // The next day's reference (the close, 20.38), the best-5-levels limit and the halt came back with the book.
        Assert.Contains("GDEA-2017 ref 2038 levels 5 Continuous halted", restored, StringComparison.Ordinal);
        Assert.IsType<ExchangeOutcome.Completed>(resumed);
        Assert.True((await restarted.VerifyAsync(Ct)).Agrees);
    }

    // Every book as text: settings that replay changes, phase, halt and the resting orders in priority order.
    private static Task<string> BooksTextAsync(ExchangeService exchange) => exchange.ReadBooksAsync(books => string.Join("\n",
        books.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b =>
        {
            var s = b.Value.Snapshot();
            return $"{b.Key} ref {s.Settings.ReferencePriceFen} levels {s.Settings.MatchLevels} {s.Phase}{(s.IsHalted ? " halted" : "")}: "
                + string.Join(", ", s.Orders.Select(o => $"{o.OrderId}/{o.Account}/{o.Side}/{o.PriceFen}/{o.Quantity}"));
        })), Ct);
}
