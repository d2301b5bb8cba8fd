using OpenEts.Matching;

namespace OpenEts.Matching.Tests;

/// <summary>Turns FsCheck's random integers into a command stream that hits every rule: crossings, STP, bad input.</summary>
internal static class CommandStream
{
    public const int Variants = 4;

    public static InstrumentSettings Settings(int variant) => variant switch
    {
        0 => InstrumentSettings.Create("CEA-2024", referencePriceFen: 1_000, bandBasisPoints: 300, maxOrderTonnes: 50),
        1 => InstrumentSettings.Create("CCER", referencePriceFen: 10_000, tickFen: 5, lotTonnes: 10, maxOrderTonnes: 500, bandBasisPoints: 100),
        2 => InstrumentSettings.Create("PHCER", referencePriceFen: 500, bandBasisPoints: 500, maxOrderTonnes: 30, selfTradePrevention: SelfTradePrevention.None),
        // The national 挂牌协议 rule with a limit of 2 levels, so that random streams (prices within ±12 ticks) reach it often.
        _ => InstrumentSettings.Create("CEA-2025", referencePriceFen: 1_000, bandBasisPoints: 300, maxOrderTonnes: 50, matchLevels: 2),
    };

    public static List<Command> Decode(int[] seeds, InstrumentSettings s)
    {
        var commands = new List<Command>(seeds.Length);
        var accounts = new Dictionary<long, long>();
        long nextId = 1;
        long seq = 0;
        foreach (int seed in seeds)
        {
            var r = new Random(seed);
            int roll = r.Next(100);
            long account = r.Next(1, 5);
            long price = Price(r, s);
            long quantity = Quantity(r, s);
            Side side = r.Next(2) == 0 ? Side.Buy : Side.Sell;
            seq++;
            if (roll < 66)
            {
                OrderType type = roll < 45 ? OrderType.Limit : roll < 52 ? OrderType.Market : roll < 60 ? OrderType.Ioc : OrderType.Fok;
                if (type == OrderType.Market && r.Next(3) > 0)
                {
                    // Mostly no protection; now and then an explicit 0, which is a bad price, not "none".
                    price = r.Next(10) == 0 ? 0 : Command.NoPrice;
                }

                long id = nextId > 1 && r.Next(30) == 0 ? r.Next(1, (int)nextId) : nextId++;
                accounts.TryAdd(id, account);
                commands.Add(Command.New(seq, id, account, side, type, price, quantity));
            }
            else if (roll < 94)
            {
                long id = r.Next(1, (int)nextId + 1);
                long owner = accounts.TryGetValue(id, out long a) && r.Next(10) > 0 ? a : account;
                commands.Add(roll < 78 ? Command.Cancel(seq, id, owner) : Command.Amend(seq, id, owner, price, quantity));
            }
            else
            {
                commands.Add(roll switch
                {
                    // Halts are rarer than resumes, so a stream is not mostly spent halted.
                    94 => r.Next(4) == 0 ? Command.Halt(seq) : Command.Resume(seq),
                    95 => Command.Resume(seq),
                    96 or 97 => Command.OpenAuction(seq),
                    _ => Command.Uncross(seq),
                });
            }
        }

        return commands;
    }

    private static long Price(Random r, InstrumentSettings s) => r.Next(40) switch
    {
        0 => s.UpperBandFen + s.TickFen,
        1 => s.LowerBandFen - s.TickFen,
        2 => s.ReferencePriceFen + 1,
        3 => 0,
        _ => s.ReferencePriceFen + (r.Next(-12, 13) * s.TickFen),
    };

    private static long Quantity(Random r, InstrumentSettings s) => r.Next(40) switch
    {
        0 => 0,
        1 => s.LotTonnes + 1,
        2 => s.MaxOrderTonnes + s.LotTonnes,
        _ => r.Next(1, 12) * s.LotTonnes,
    };
}
