using System.Diagnostics;
using System.Globalization;
using OpenEts.Application.Cash;
using OpenEts.Domain.Allocation.Auction;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Storage;

namespace OpenEts.Bench.Auction;

/// <summary>
/// Plain harness for the auction and the cash ledger (issue 11's target: an auction of 10 000 bids cleared in under
/// 100 ms): clearing 10 000 sealed bids under Guangdong's rules, many times, with a crowded margin; the cash ledger's
/// rules in memory; and cash movements made durable on SQLite, one per transaction and many per transaction.
/// </summary>
internal static class AuctionBench
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        var bids = Option(args, "--bids", 10_000);
        Print($"auction bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Clearing(bids);
        InMemoryLedger(1_000_000);
        SqliteLedger(Option(args, "--movements", 20_000)).GetAwaiter().GetResult();
        return 0;
    }

    private static void Clearing(int count)
    {
        // 2 000 bidders, 1 000–5 000 t at 16.09–20.00 yuan in whole fen steps of 0.10; about 30 M t asked for 15 M t offered,
        // so the clearing price falls inside the bids and the margin is shared pro rata.
        var r = new Random(11);
        var bids = new SealedBid[count];
        for (var i = 0; i < count; i++)
        {
            bids[i] = new SealedBid(i + 1, r.Next(2_000), r.Next(1_000, 5_001), Yuan.FromFen(1_609 + (r.Next(40) * 10)));
        }
        var volume = bids.Sum(b => b.Tonnes) / 2;
        var reserve = Yuan.From(16.09m);
        var samples = new List<double>();
        AuctionResult? result = null;
        for (var run = 0; run < 55; run++)
        {
            var time = Stopwatch.StartNew();
            result = AuctionClearing.Clear(AuctionRules.Guangdong, volume, reserve, bids);
            if (run >= 5)
            {
                samples.Add(time.Elapsed.TotalMilliseconds);
            }
        }
        samples.Sort();
        Print($"clear {count} bids for {volume} t: median {samples[samples.Count / 2]:F2} ms, max {samples[^1]:F2} ms over {samples.Count} runs "
            + $"(target < 100 ms); clearing price {result!.ClearingPrice}, sold {result.SoldTonnes} t, "
            + $"{result.Awards.Count(a => a.Tonnes > 0)} winning bids");
    }

    private static void InMemoryLedger(int moves)
    {
        var book = new CashBook();
        var members = Enumerable.Range(1, 1_000).Select(i => book.OpenMember(i)).ToArray();
        foreach (var m in members)
        {
            book.Deposit(m, Yuan.From(1_000_000m));
        }
        var time = Stopwatch.StartNew();
        for (var i = 0; i < moves; i++)
        {
            var from = members[i % members.Length];
            if (book.Reserve(from, Yuan.FromFen(1_000 + (i % 977)), out var reservation) is null)
            {
                book.Settle(reservation, members[(i * 7 + 3) % members.Length], Yuan.FromFen(1_000));
            }
        }
        var seconds = time.Elapsed.TotalSeconds;
        Print($"cash rules in memory: {moves} reserve+settle pairs in {seconds * 1000:F0} ms = {moves / seconds:N0} pairs/s");
    }

    private static async Task SqliteLedger(int moves)
    {
        var folder = Directory.CreateTempSubdirectory("openets-cash-bench");
        try
        {
            await using var store = await SqlStore.OpenAsync(Path.Combine(folder.FullName, "cash.db"), CancellationToken.None);
            var members = new List<Organisation>();
            await store.WriteAsync(async s =>
            {
                for (var i = 0; i < 100; i++)
                {
                    var first17 = "9144010" + i.ToString("D3", CultureInfo.InvariantCulture) + "MA5CY00";
                    var code = CreditCode.Parse(first17 + CreditCode.CheckCharacter(first17)).Code;
                    members.Add(await s.Organisations.InsertAsync(
                        new Organisation(0, code, "bench " + i, OrganisationKind.Company, Sector.Cement, "广州市", CoverageStatus.Covered), Now));
                }
                return 0;
            }, CancellationToken.None);

            var time = Stopwatch.StartNew();
            await store.WriteAsync(async s =>
            {
                var ledger = new CashLedger(s, "bench", Now);
                for (var i = 0; i < moves; i++)
                {
                    await ledger.DepositAsync(members[i % members.Count], Yuan.FromFen(10_000 + i), "bench " + Key("d", i), IdempotencyKey.From(Key("d", i)));
                }
                return 0;
            }, CancellationToken.None);
            var batched = time.Elapsed.TotalSeconds;
            Print($"cash on SQLite, {moves} deposits in one transaction (entry, two balances, journal entry each): "
                + $"{batched:F2} s = {moves / batched:N0} movements/s");

            var single = Math.Min(2_000, moves);
            time.Restart();
            for (var i = 0; i < single; i++)
            {
                var member = members[i % members.Count];
                await store.WriteAsync(s => new CashLedger(s, "bench", Now).ReserveAsync(member, Yuan.FromFen(100), "bench",
                    IdempotencyKey.From(Key("r", i))), CancellationToken.None);
            }
            var one = time.Elapsed.TotalSeconds;
            Print($"cash on SQLite, {single} reservations one per transaction: {one:F2} s = {single / one:N0} movements/s");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Key(string prefix, int i) => prefix + i.ToString(CultureInfo.InvariantCulture);

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static void Print(string line) => Console.WriteLine(line);
}
