using OpenEts.Matching;

namespace OpenEts.Bench.Matching;

/// <summary>Pre-generated input streams, so generation is never timed.</summary>
internal static class Workloads
{
    /// <summary>Reference 100.00 元, ±10 %: 2 001 levels of 1 fen.</summary>
    public static readonly InstrumentSettings MixSettings = InstrumentSettings.Create("CEA-2024", 10_000);

    /// <summary>Liquibook's prices 1880..1893 need a reference near 1882 fen.</summary>
    public static readonly InstrumentSettings InsertSettings = InstrumentSettings.Create("CCER", 1_882, maxOrderTonnes: 1_000);

    /// <summary>
    /// exchange-core's published mix: 82 % moves (amend to a new price), 9 % new limit orders, 3 % immediate orders
    /// (2 % IOC and 1 % FOK, so the FOK look-ahead is timed too), 6 % cancels, over a book kept near
    /// <paramref name="liveTarget"/> orders. 100 accounts, so self-trade prevention triggers.
    /// The first <paramref name="prefill"/> commands build the book and are not timed.
    /// </summary>
    public static Command[] ExchangeCoreMix(int count, int liveTarget, out int prefill, int seed = 1)
    {
        var r = new Random(seed);
        var shadow = new OrderBook(MixSettings, liveTarget * 4);
        var trades = new TradeBuffer();
        var live = new List<(long Id, long Account)>(liveTarget * 2);
        var commands = new Command[count + liveTarget];
        long mid = MixSettings.ReferencePriceFen;
        long nextId = 1;
        int n = 0;

        // Prices rarely cross; new limit orders cross more when the book is above target, less when below,
        // which keeps the live count near the target without changing the mix.
        long Price(Side side, int crossing)
        {
            int k = r.Next(-crossing, 40);
            return side == Side.Buy ? mid - k : mid + 1 + k;
        }

        Command Limit(long id, long account, Side side, OrderType type)
        {
            long price = type != OrderType.Limit ? Price(side, 3) : Price(side, live.Count > liveTarget ? 6 : 0);
            return Command.New(n + 1, id, account, side, type, price, r.Next(1, 20) * 10);
        }

        void Apply(Command c)
        {
            commands[n++] = c;
            trades.Clear();
            shadow.Process(c, trades);
            if (c.Kind == CommandKind.New && shadow.TryGetOrder(c.OrderId, out _))
            {
                live.Add((c.OrderId, c.Account));
            }
        }

        bool HasLive()
        {
            while (live.Count > 0 && !shadow.TryGetOrder(live[^1].Id, out _))
            {
                live.RemoveAt(live.Count - 1);
            }

            return live.Count > 0;
        }

        (long Id, long Account) PickLive()
        {
            while (true)
            {
                int i = r.Next(live.Count);
                if (shadow.TryGetOrder(live[i].Id, out _))
                {
                    return live[i];
                }

                live[i] = live[^1];
                live.RemoveAt(live.Count - 1);
            }
        }

        for (int i = 0; i < liveTarget; i++)
        {
            Side side = (i & 1) == 0 ? Side.Buy : Side.Sell;
            long price = side == Side.Buy ? mid - 1 - r.Next(30) : mid + 1 + r.Next(30);
            Apply(Command.New(n + 1, nextId++, r.Next(1, 101), side, OrderType.Limit, price, r.Next(1, 20) * 10));
        }

        prefill = n;
        while (n < commands.Length)
        {
            int roll = r.Next(100);
            Side side = r.Next(2) == 0 ? Side.Buy : Side.Sell;
            if (roll < 82 && live.Count > 0 && HasLive())
            {
                (long id, long account) = PickLive();
                shadow.TryGetOrder(id, out RestingOrder o);
                long price = Price(o.Side, live.Count > liveTarget ? 1 : 0);
                Apply(Command.Amend(n + 1, id, account, price, o.Quantity));
            }
            else if (roll < 91 || live.Count == 0)
            {
                Apply(Limit(nextId++, r.Next(1, 101), side, OrderType.Limit));
            }
            else if (roll < 93)
            {
                Apply(Limit(nextId++, r.Next(1, 101), side, OrderType.Ioc));
            }
            else if (roll < 94)
            {
                Apply(Limit(nextId++, r.Next(1, 101), side, OrderType.Fok));
            }
            else if (HasLive())
            {
                (long id, long account) = PickLive();
                Apply(Command.Cancel(n + 1, id, account));
            }
        }

        return commands;
    }

    /// <summary>
    /// Liquibook's insert benchmark: alternating buy and sell limit orders, price 1880 + r (buy) or 1884 + r (sell),
    /// r uniform in 0..9, quantity uniform 1..10 × 100. Each order has its own account (STP is checked, never hit).
    /// </summary>
    public static Command[] LiquibookInserts(int count, int seed = 2)
    {
        var r = new Random(seed);
        var commands = new Command[count];
        for (int i = 0; i < count; i++)
        {
            bool buy = (i & 1) == 0;
            long price = (buy ? 1_880 : 1_884) + r.Next(10);
            commands[i] = Command.New(i + 1, i + 1, i + 1, buy ? Side.Buy : Side.Sell, OrderType.Limit, price, r.Next(1, 11) * 100);
        }

        return commands;
    }

    /// <summary>Non-crossing limit orders (bids below, asks above the reference) so the book only grows.</summary>
    public static Command[] Growth(int count, int seed = 3)
    {
        var r = new Random(seed);
        var commands = new Command[count];
        long mid = MixSettings.ReferencePriceFen;
        for (int i = 0; i < count; i++)
        {
            bool buy = (i & 1) == 0;
            long price = buy ? mid - 1 - r.Next(200) : mid + 1 + r.Next(200);
            commands[i] = Command.New(i + 1, i + 1, r.Next(1, 1_001), buy ? Side.Buy : Side.Sell, OrderType.Limit, price, r.Next(1, 11) * 10);
        }

        return commands;
    }
}
