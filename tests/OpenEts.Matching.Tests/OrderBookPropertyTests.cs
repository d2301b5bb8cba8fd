using FsCheck;
using FsCheck.Fluent;
using OpenEts.Matching;

namespace OpenEts.Matching.Tests;

/// <summary>Properties over random input streams (four instrument variants: tick 1 / lot 1; tick 5 / lot 10; self-trade prevention off; a 2-level match limit).</summary>
public sealed class OrderBookPropertyTests
{
    private static readonly Arbitrary<int[]> Streams = Arb.From(Gen.Choose(0, int.MaxValue - 1).ArrayOf());

    private static void Check(int maxTest, Action<List<Command>, InstrumentSettings> property)
    {
        Config config = Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithEndSize(400);
        for (int variant = 0; variant < CommandStream.Variants; variant++)
        {
            InstrumentSettings settings = CommandStream.Settings(variant);
            FsCheck.Check.One(config, Prop.ForAll(Streams, (int[] seeds) => property(CommandStream.Decode(seeds, settings), settings)));
        }
    }

    private static List<string> Run(OrderBook book, IEnumerable<Command> commands)
    {
        var trades = new TradeBuffer(1);
        var lines = new List<string>();
        foreach (Command c in commands)
        {
            trades.Clear();
            lines.Add(book.Process(c, trades).ToString());
            foreach (Trade t in trades.AsSpan())
            {
                lines.Add(t.ToString());
            }
        }

        return lines;
    }

    [Fact]
    public void Process_RandomStreams_AgreesWithReferenceModelOnEveryOutcomeTradeAndOrder()
    {
        Check(300, (commands, settings) =>
        {
            var book = new OrderBook(settings, orderCapacity: 2);
            var model = new ReferenceBook(settings);
            var trades = new TradeBuffer(1);
            var expectedTrades = new List<Trade>();
            foreach (Command c in commands)
            {
                trades.Clear();
                expectedTrades.Clear();
                Outcome actual = book.Process(c, trades);
                Outcome expected = model.Process(c, expectedTrades);

                Assert.Equal(expected, actual);
                Assert.Equal(expectedTrades, trades.AsSpan().ToArray());
                Assert.Equal(model.Orders(), book.Snapshot().Orders);
            }
        });
    }

    [Fact]
    public void Depth_RandomStreams_IsTheRestingOrdersSummedByPriceBestFirstForEachSide()
    {
        Check(200, (commands, settings) =>
        {
            var book = new OrderBook(settings);
            var trades = new TradeBuffer();
            var levels = new PriceLevel[5];
            foreach (Command c in commands)
            {
                trades.Clear();
                book.Process(c, trades);
                foreach (Side side in new[] { Side.Buy, Side.Sell })
                {
                    var expected = book.Snapshot().Orders.Where(o => o.Side == side)
                        .GroupBy(o => o.PriceFen)
                        .Select(g => new PriceLevel(g.Key, g.Sum(o => o.Quantity), g.Count()))
                        .OrderBy(l => side == Side.Buy ? -l.PriceFen : l.PriceFen)
                        .Take(levels.Length)
                        .ToArray();

                    int written = book.Depth(side, levels);

                    Assert.Equal(expected, levels.AsSpan(0, written).ToArray());
                }
            }
        });
    }

    [Fact]
    public void Process_RandomStreams_BookNeverCrossedInContinuousAndNoTradeOutsideBand()
    {
        Check(200, (commands, settings) =>
        {
            var book = new OrderBook(settings);
            var trades = new TradeBuffer();
            foreach (Command c in commands)
            {
                trades.Clear();
                book.Process(c, trades);
                if (book.Phase == TradingPhase.Continuous && book.BestBidFen != 0 && book.BestAskFen != 0)
                {
                    Assert.True(book.BestBidFen < book.BestAskFen, $"crossed after {c}");
                }

                foreach (Trade t in trades.AsSpan())
                {
                    Assert.InRange(t.PriceFen, settings.LowerBandFen, settings.UpperBandFen);
                    Assert.True(t.Quantity > 0);
                }
            }
        });
    }

    [Fact]
    public void Process_RandomStreams_ConservesQuantityPerOrder()
    {
        Check(200, (commands, settings) =>
        {
            var book = new OrderBook(settings);
            var trades = new TradeBuffer();
            var entered = new Dictionary<long, long>();
            var removed = new Dictionary<long, long>();
            void Add(Dictionary<long, long> d, long id, long q) => d[id] = d.GetValueOrDefault(id) + q;

            foreach (Command c in commands)
            {
                trades.Clear();
                long before = book.TryGetOrder(c.OrderId, out RestingOrder old) ? old.Quantity : 0;
                Outcome o = book.Process(c, trades);
                if (o.IsAccepted && c.Kind == CommandKind.New)
                {
                    Add(entered, c.OrderId, c.Quantity);
                }
                else if (o.IsAccepted && c.Kind == CommandKind.Amend)
                {
                    Add(entered, c.OrderId, Math.Max(0, c.Quantity - before));
                }

                if (o.IsAccepted && c.Kind is CommandKind.New or CommandKind.Cancel or CommandKind.Amend)
                {
                    Add(removed, c.OrderId, o.Cancelled);
                }

                foreach (Trade t in trades.AsSpan())
                {
                    Add(removed, t.BuyOrderId, t.Quantity);
                    Add(removed, t.SellOrderId, t.Quantity);
                }
            }

            foreach (RestingOrder r in book.Snapshot().Orders)
            {
                Add(removed, r.OrderId, r.Quantity);
            }

            Assert.Equal(entered.OrderBy(p => p.Key), removed.Where(p => p.Value != 0).OrderBy(p => p.Key));
        });
    }

    [Fact]
    public void Rebuild_FromJournalOfInputs_GivesIdenticalOutputsAndBook()
    {
        Check(100, (commands, settings) =>
        {
            var first = new OrderBook(settings, orderCapacity: 1);
            var second = new OrderBook(settings, orderCapacity: 4096);

            Assert.Equal(Run(first, commands), Run(second, commands));
            Assert.Equal(first.Snapshot().Orders, second.Snapshot().Orders);
        });
    }

    [Fact]
    public void Restore_SnapshotPlusTail_EqualsLiveBook()
    {
        Check(100, (commands, settings) =>
        {
            int cut = commands.Count / 2;
            var live = new OrderBook(settings);
            Run(live, commands.Take(cut));
            OrderBookSnapshot snapshot = live.Snapshot();
            List<string> liveTail = Run(live, commands.Skip(cut));

            OrderBook restored = OrderBook.Restore(snapshot);
            List<string> restoredTail = Run(restored, commands.Skip(cut));

            Assert.Equal(liveTail, restoredTail);
            Assert.Equal(live.Snapshot().Orders, restored.Snapshot().Orders);
            Assert.Equal((live.Phase, live.IsHalted), (restored.Phase, restored.IsHalted));
        });
    }
}
