using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using OpenEts.Application.Exchange;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;
using OpenEts.Matching;
using OpenEts.Storage;

namespace OpenEts.Bench.Exchange;

/// <summary>
/// What snapshots of the books save when the exchange starts: an input journal of N inputs (1 000 000 by default) for two
/// instruments — new limit orders (a tenth of them crossing), cancels and amends, each kept only when the engine accepts it,
/// as the exchange journals only accepted inputs — written straight into the journal of a SQLite file (or a PostgreSQL
/// connection string); then a fresh exchange's first read, replaying from entry 1, against one that restores a snapshot
/// taken near the head (a tail of <c>--tail</c> inputs after it). Wall and process CPU time of each, the snapshot's size
/// and write time, and the load average.
/// </summary>
internal static class ExchangeRestartBench
{
    private static readonly string[] Codes = ["GDEA-2025", "GDEA-2026"];

    public static int Run(string[] args)
    {
        var inputs = Registry.RegistryBench.Option(args, "--inputs", 1_000_000);
        var tail = Registry.RegistryBench.Option(args, "--tail", 1_000);
        var i = Array.IndexOf(args, "--db");
        var db = i >= 0 && i + 1 < args.Length ? args[i + 1] : Path.Combine(Path.GetTempPath(), $"openets-exchange-restart-{Guid.NewGuid():N}.db");
        try
        {
            return RunAsync(db, inputs, tail).GetAwaiter().GetResult();
        }
        finally
        {
            if (i < 0)
            {
                foreach (var file in new[] { db, db + "-wal", db + "-shm" }.Where(File.Exists))
                {
                    File.Delete(file);
                }
            }
        }
    }

    private static async Task<int> RunAsync(string db, int inputs, int tail)
    {
        var ct = CancellationToken.None;
        Console.WriteLine($"exchange-restart bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {inputs:N0} inputs then a snapshot "
            + $"and {tail:N0} more; load average {DemoServer.Load}");
        await using var store = await SqlStore.OpenAsync(db, ct);
        using var registry = new RegistryService(store);
        var options = new ExchangeOptions(AccountNumber.From("GD-CLEARING"), FeeSchedule.Demo);
        var random = new Random(20261201);
        var books = Codes.ToDictionary(c => c, c => new OrderBook(Instrument.Gdea(int.Parse(c[5..], CultureInfo.InvariantCulture), 4_000, "all-day").Settings()),
            StringComparer.Ordinal);
        var at = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
        var watch = Stopwatch.StartNew();
        await store.WriteAsync(s => s.Journal.AppendManyAsync([.. Codes.Select(c => (at, "exchange", ListInstrument.Kind, c,
            ListInstrument.ToJson(Instrument.Gdea(int.Parse(c[5..], CultureInfo.InvariantCulture), 4_000, "all-day"))))]), ct);
        var nextOrder = new StrongBox<long>(0);
        await GenerateAsync(store, books, random, inputs, at, nextOrder, ct);
        Console.WriteLine($"  journal written: {inputs:N0} inputs in {watch.Elapsed.TotalSeconds:F1} s; resting {books.Values.Sum(b => b.OrderCount):N0} orders");

        var (genesisWall, genesisCpu, genesisResting) = await StartAsync(store, registry, options, fromSnapshot: false, ct);
        Report("start from entry 1", inputs, genesisWall, genesisCpu, genesisResting);

        using (var writer = new ExchangeService(store, registry, options) { SnapshotInterval = 0 })
        {
            await writer.ReadBooksAsync(b => b.Count, ct);
            var cpu = CpuTime.ProcessMilliseconds();
            watch.Restart();
            var row = await writer.SnapshotAsync(at, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  snapshot of entry {row.Sequence:N0}: {row.Content.Length / 1048576d:F1} MB in {watch.Elapsed.TotalSeconds:F2} s wall, {(CpuTime.ProcessMilliseconds() - cpu) / 1000:F2} s CPU"));
        }
        await GenerateAsync(store, books, random, tail, at, nextOrder, ct);
        var (snapWall, snapCpu, snapResting) = await StartAsync(store, registry, options, fromSnapshot: true, ct);
        Report($"start from the snapshot and {tail:N0} inputs after it", tail, snapWall, snapCpu, snapResting);
        var expected = books.Values.Sum(b => (long)b.OrderCount);
        if (snapResting != expected)
        {
            Console.WriteLine($"  MISMATCH: the restored books hold {snapResting:N0} orders, the generator's {expected:N0}");
            return 1;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  from the snapshot: {genesisWall.TotalSeconds / snapWall.TotalSeconds:F1}× less wall, {genesisCpu / Math.Max(snapCpu, 1):F1}× less CPU; load average {DemoServer.Load}"));
        return 0;
    }

    // A fresh exchange's first read (what a server start or a CLI command pays), timed.
    private static async Task<(TimeSpan Wall, double CpuMs, long Resting)> StartAsync(
        SqlStore store, RegistryService registry, ExchangeOptions options, bool fromSnapshot, CancellationToken ct)
    {
        GC.Collect();
        var cpu = CpuTime.ProcessMilliseconds();
        var watch = Stopwatch.StartNew();
        using var exchange = new ExchangeService(store, registry, options) { StartFromSnapshot = fromSnapshot };
        var resting = await exchange.ReadBooksAsync(b => b.Values.Sum(x => (long)x.OrderCount), ct);
        return (watch.Elapsed, CpuTime.ProcessMilliseconds() - cpu, resting);
    }

    private static void Report(string what, long replayed, TimeSpan wall, double cpuMs, long resting) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what}: {wall.TotalSeconds:F2} s wall, {cpuMs / 1000:F2} s CPU ({replayed:N0} inputs replayed, {resting:N0} orders resting); load average {DemoServer.Load}"));

    // Inputs in transactions of 20 000, each run through the generator's own books first and journalled only if accepted.
    private static async Task GenerateAsync(SqlStore store, Dictionary<string, OrderBook> books, Random random, int count, DateTimeOffset at,
        StrongBox<long> nextOrder, CancellationToken ct)
    {
        var trades = new TradeBuffer(1024);
        var written = 0;
        var sequence = await store.ReadAsync(s => s.Journal.LastSequenceAsync(), ct);
        while (written < count)
        {
            var batch = new List<(DateTimeOffset, string, string, string, string)>(20_000);
            while (batch.Count < 20_000 && written + batch.Count < count)
            {
                var code = Codes[random.Next(Codes.Length)];
                var book = books[code];
                var roll = random.Next(100);
                var account = random.Next(1, 201);
                string kind;
                ExchangeInput input;
                if (roll < 80 || nextOrder.Value == 0)
                {
                    var buy = random.Next(2) == 0;
                    // Nine in ten rest below (buys) or above (sells) the reference; one in ten crosses it.
                    var ticks = random.Next(10) == 0 ? -random.Next(0, 30) : random.Next(1, 150);
                    var price = 4_000 + (buy ? -ticks : ticks);
                    input = new ExchangeInput(code, ++nextOrder.Value, account, buy ? "Buy" : "Sell", "Limit", price, random.Next(1, 101), "trader", null, null);
                    kind = ExchangeInput.Placed;
                }
                else
                {
                    var order = random.NextInt64(1, nextOrder.Value + 1);
                    if (!book.TryGetOrder(order, out var resting))
                    {
                        continue;
                    }
                    account = (int)resting.Account;
                    (kind, input) = roll < 93
                        ? (ExchangeInput.Cancelled, new ExchangeInput(code, order, account, null, null, null, 0, "trader", null, null))
                        : (ExchangeInput.Amended, new ExchangeInput(code, order, account, null, null,
                            resting.PriceFen + (resting.Side == Side.Buy ? -1 : 1) * random.Next(0, 3), Math.Max(1, resting.Quantity - 1), "trader", null, null));
                }
                trades.Clear();
                if (book.Process(input.ToCommand(kind, sequence + batch.Count + 1), trades).IsAccepted)
                {
                    batch.Add((at, "trader", kind, code, input.ToJson()));
                }
            }
            await store.WriteAsync(s => s.Journal.AppendManyAsync(batch), ct);
            sequence += batch.Count;
            written += batch.Count;
        }
    }
}
