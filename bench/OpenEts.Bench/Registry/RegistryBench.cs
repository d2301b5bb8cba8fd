using System.Diagnostics;
using System.Globalization;
using Npgsql;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using OpenEts.Storage;

namespace OpenEts.Bench.Registry;

/// <summary>
/// Plain harness for the registry on the journal: transfers executed and made durable per second, in batches, on
/// SQLite (a temp file; WAL, synchronous=NORMAL as the store sets) and on PostgreSQL when <c>OPENETS_BENCH_PG</c> or
/// <c>OPENETS_TEST_PG</c> names a cluster (a fresh database is created and dropped). A transfer is the four-eyes path:
/// ProposeTransfer by one representative + ApproveTransfer by the other, two requests and two journal rows, both in the
/// same batch. Then HoldingsOf through <see cref="RegistryService.QueryAsync{T}"/> on an account of 10 000 blocks.
/// </summary>
internal static class RegistryBench
{
    private const int AccountCount = 100;
    private const long Issued = 10_000_000;
    private const int FragmentBlocks = 10_000;
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId Regulator = UserId.From("regulator");
    private static readonly UnitClass Class = UnitClass.Allowance("GD", 2025);
    private static readonly AccountNumber Issuance = AccountNumber.From("GD-ISSUANCE");
    private static readonly AccountNumber Fragmented = AccountNumber.From("GD-HOLD-FRAGMENTED");
    private static readonly AccountNumber Sink = AccountNumber.From("GD-HOLD-SINK");

    public static int Run(string[] args)
    {
        var transfers = Option(args, "--transfers", 100_000);
        var batch = Option(args, "--batch", 1_000);
        var batchedOnly = args.Contains("--batched-only");
        Print($"registry bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {transfers} transfers in batches of {batch} (propose + approve = 2 requests each)");

        LedgerOnly(transfers, batch);
        var folder = Directory.CreateTempSubdirectory("openets-bench-").FullName;
        try
        {
            RunOn("SQLite", Path.Combine(folder, "registry.db"), transfers, batch, batchedOnly).GetAwaiter().GetResult();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        var pg = Environment.GetEnvironmentVariable("OPENETS_BENCH_PG") is { Length: > 0 } bench
            ? bench
            : Environment.GetEnvironmentVariable("OPENETS_TEST_PG");
        if (string.IsNullOrEmpty(pg))
        {
            Print("PostgreSQL: skipped (set OPENETS_BENCH_PG or OPENETS_TEST_PG)");
            return 0;
        }
        var name = "openets_bench_" + Guid.NewGuid().ToString("N")[..12];
        Admin(pg, $"CREATE DATABASE {name}");
        try
        {
            RunOn("PostgreSQL", new NpgsqlConnectionStringBuilder(pg) { Database = name }.ToString(), transfers, batch, batchedOnly)
                .GetAwaiter().GetResult();
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Admin(pg, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
        return 0;
    }

    private static async Task RunOn(string dialect, string database, int transfers, int batch, bool batchedOnly)
    {
        var ct = CancellationToken.None;
        await using var store = await SqlStore.OpenAsync(database, ct);
        // The registry's default snapshot interval (RegistryService.DefaultSnapshotInterval), as the server runs it: the
        // batched run writes a snapshot every 100 000 journal entries inside its commits, and those are in its time.
        using var registry = new RegistryService(store);
        var now = Start;
        await SeedAsync(registry, now, ct);

        // Warm-up (JIT, connection pool, statement cache), not counted.
        var next = await TransferBatchesAsync(registry, now, 0, Math.Min(batch * 2, transfers), batch, ct);
        // Five slices, so a reader sees both the spread (other load on the machine) and that the rate holds as the
        // journal grows; the headline is the median slice.
        var snapshotsBefore = (await registry.SnapshotsAsync(ct)).Count;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var paused = GC.GetTotalPauseDuration();
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var cpu = CpuTime.ProcessMilliseconds();
        var watch = Stopwatch.StartNew();
        var slices = new List<double>();
        var slice = Math.Max(batch, transfers / 5);
        for (var done = 0; done < transfers; done += slice)
        {
            var t0 = Stopwatch.GetTimestamp();
            var count = Math.Min(slice, transfers - done);
            next = await TransferBatchesAsync(registry, now, next, next + count, batch, ct);
            slices.Add(count / Stopwatch.GetElapsedTime(t0).TotalSeconds);
        }
        watch.Stop();
        var cpuSeconds = (CpuTime.ProcessMilliseconds() - cpu) / 1000;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        paused = GC.GetTotalPauseDuration() - paused;
        var snapshots = (await registry.SnapshotsAsync(ct)).Count - snapshotsBefore;
        var sorted = slices.Order().ToList();
        Print($"{dialect}: {transfers} transfers in {watch.Elapsed.TotalSeconds:F2} s, batch {batch}, {snapshots} snapshots written on the way: median slice {sorted[sorted.Count / 2]:N0} transfers/s (slices: {string.Join(" ", slices.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}); {2 * transfers / watch.Elapsed.TotalSeconds:N0} requests/s overall; this process used {cpuSeconds:F2} s CPU = {transfers / cpuSeconds:N0} transfers per CPU-second ({1e6 * cpuSeconds / transfers:F1} µs a transfer); load average {LoadAverage()}");
        Print($"{dialect}: allocated {allocated / (double)transfers:N0} bytes a transfer; GC paused {paused.TotalSeconds:F2} s; collections gen0/1/2 {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}");
        if (batchedOnly)
        {
            var verified = await registry.VerifyAsync(ct);
            Print($"{dialect}: verify {(verified.Intact ? "intact" : "BROKEN")}, {verified.EntriesChecked} journal entries");
            return;
        }

        watch.Restart();
        var single = Math.Min(2_000, transfers);
        for (var i = 0; i < single; i++)
        {
            await TransferBatchesAsync(registry, now, 10_000_000 + i, 10_000_000 + i + 1, 1, ct);
        }
        watch.Stop();
        Print($"{dialect}: unbatched (1 transfer = 1 transaction of 2 requests): {single / watch.Elapsed.TotalSeconds:N0} transfers/s");

        // As the API sees it: many callers at once, each sending single requests (propose, then approve) and waiting
        // for each; ExecuteAsync groups whatever arrives during a commit into the next transaction.
        var firstKey = 20_000_000;
        foreach (var callers in new[] { 8, 64 })
        {
            var perCaller = Math.Min(transfers, 40_000) / callers;
            watch.Restart();
            await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
            {
                for (var i = 0; i < perCaller; i++)
                {
                    await SingleTransferAsync(registry, now, firstKey + (c * perCaller) + i, ct);
                }
            }, ct)));
            watch.Stop();
            firstKey += callers * perCaller;
            Print($"{dialect}: {callers} concurrent callers, single requests (grouped commits): {callers * perCaller / watch.Elapsed.TotalSeconds:N0} transfers/s");
        }

        await FragmentAsync(registry, now, batch, ct);
        var times = new List<double>();
        var blocks = 0;
        for (var i = 0; i < 200; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var holdings = await registry.QueryAsync((l, _) => l.HoldingsOf(Fragmented), ct);
            times.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            blocks = holdings.Sum(h => h.Blocks.Count);
        }
        times.Sort();
        Print($"{dialect}: HoldingsOf an account of {blocks} blocks via QueryAsync: p50 {times[times.Count / 2]:F3} ms, max {times[^1]:F3} ms (200 calls)");

        var check = await registry.VerifyAsync(ct);
        Print($"{dialect}: verify {(check.Intact ? "intact" : "BROKEN")}, {check.EntriesChecked} journal entries");
    }

    // The same requests on a bare ledger, then the same events through JSON and the hash: the floor under storage.
    private static void LedgerOnly(int transfers, int batch)
    {
        var ledger = new RegistryLedger();
        var now = Start;
        var events = new List<RegistryEvent>();
        foreach (var request in SeedRequests(now))
        {
            request(ledger);
        }
        var watch = Stopwatch.StartNew();
        for (var n = 0; n < transfers; n += batch)
        {
            foreach (var request in TransferRequests(now, n, Math.Min(n + batch, transfers)))
            {
                if (request(ledger) is RegistryOutcome.Completed c)
                {
                    events.Add(c.Event);
                }
            }
        }
        var ledgerTime = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var previous = Domain.Journal.JournalEntry.GenesisHash;
        var sequence = 0L;
        foreach (var e in events)
        {
            var json = RegistryEventJson.Serialize(e);
            previous = Domain.Journal.JournalEntry.Create(++sequence, e.At, e.Actor.Value, RegistryEventJson.KindOf(e), "x", json, previous).Hash;
        }
        var encodeTime = watch.Elapsed.TotalSeconds;
        watch.Restart();
        foreach (var e in events)
        {
            RegistryEventJson.Serialize(e);
        }
        var jsonTime = watch.Elapsed.TotalSeconds;
        watch.Restart();
        foreach (var e in events)
        {
            RegistryEventJson.KindOf(e);
        }
        var kindTime = watch.Elapsed.TotalSeconds;
        Print($"in memory: ledger {transfers / ledgerTime:N0} transfers/s; JSON + kind + hash {events.Count / encodeTime:N0} events/s; JSON {events.Count / jsonTime:N0}/s; KindOf {events.Count / kindTime:N0}/s");
    }

    // Initialise, open the accounts, issue 10 M units and allocate them evenly (the fragmented account gets 2 × 10 000).
    private static async Task SeedAsync(RegistryService registry, DateTimeOffset now, CancellationToken ct) =>
        Require(await registry.ExecuteBatchAsync(now, SeedRequests(now), ct));

    internal static List<Func<RegistryLedger, RegistryOutcome>> SeedRequests(DateTimeOffset now)
    {
        var seed = new List<Func<RegistryLedger, RegistryOutcome>>
        {
            l => l.Initialise(Regulator, now, Key("init"), "Bench", Issuance, AccountNumber.From("GD-SURRENDER"),
                AccountNumber.From("GD-CANCELLATION"), [Regulator, UserId.From("regulator-b")]),
            l => l.Issue(Regulator, now, Key("issue"), Class, Issued),
        };
        foreach (var account in Enumerable.Range(0, AccountCount).Select(Holder).Append(Fragmented).Append(Sink))
        {
            seed.Add(l => l.OpenAccount(Regulator, now, Key("open-" + account), account, AccountKind.Holding, "Bench holder",
                [UserId.From(account.Value + "-a"), UserId.From(account.Value + "-b")]));
        }
        seed.Add(l => l.Allocate(Regulator, now, Key("allocate-fragmented"), Fragmented, Class, 2 * FragmentBlocks));
        for (var i = 0; i < AccountCount; i++)
        {
            var account = Holder(i);
            seed.Add(l => l.Allocate(Regulator, now, Key("allocate-" + account), account, Class,
                (Issued - 2 * FragmentBlocks) / AccountCount));
        }
        return seed;
    }

    private static async Task<int> TransferBatchesAsync(
        RegistryService registry, DateTimeOffset now, int from, int to, int batch, CancellationToken ct)
    {
        for (var n = from; n < to; n += batch)
        {
            Require(await registry.ExecuteBatchAsync(now, TransferRequests(now, n, Math.Min(n + batch, to)), ct));
        }
        return to;
    }

    internal static List<Func<RegistryLedger, RegistryOutcome>> TransferRequests(DateTimeOffset now, long from, long to)
    {
        var expires = now.AddDays(7);
        var requests = new List<Func<RegistryLedger, RegistryOutcome>>((int)(2 * (to - from)));
        for (var i = from; i < to; i++)
        {
            var (source, destination, quantity) = Leg(i);
            var key = "t" + i.ToString(CultureInfo.InvariantCulture);
            var proposal = default(ProposalId);
            requests.Add(l =>
            {
                var proposed = l.ProposeTransfer(UserId.From(source.Value + "-a"), now, Key(key + "p"), source, destination,
                    Class, quantity, expires);
                if (proposed is RegistryOutcome.Completed { Event: TransferProposed p })
                {
                    proposal = p.Proposal;
                }
                return proposed;
            });
            requests.Add(l => l.ApproveTransfer(UserId.From(source.Value + "-b"), now, Key(key + "a"), proposal));
        }
        return requests;
    }

    // Transfers come in pairs: transfer 2k moves q units from A to B, transfer 2k+1 moves the same q back, so no account
    // ever runs more than one transfer's quantity below its allocation, however many transfers run.
    internal static (AccountNumber From, AccountNumber To, long Quantity) Leg(long i)
    {
        var pair = i / 2;
        var a = Holder((int)(pair * 7919L % AccountCount));
        var b = Holder((int)((pair * 7919L + 1 + (pair % (AccountCount - 1))) % AccountCount));
        var quantity = 1 + (pair % 50);
        return i % 2 == 0 ? (a, b, quantity) : (b, a, quantity);
    }

    // One transfer as two single requests, each waiting for its commit. Source and destination differ per transfer, so
    // concurrent callers only meet on an account now and then.
    private static async Task SingleTransferAsync(RegistryService registry, DateTimeOffset now, int i, CancellationToken ct)
    {
        var (source, destination, quantity) = Leg(i);
        var key = "s" + i.ToString(CultureInfo.InvariantCulture);
        var proposed = await registry.ExecuteAsync(now, l => l.ProposeTransfer(UserId.From(source.Value + "-a"), now,
            Key(key + "p"), source, destination, Class, quantity, now.AddDays(7)), ct);
        var id = ((TransferProposed)((RegistryOutcome.Completed)proposed).Event).Proposal;
        Require([await registry.ExecuteAsync(now, l => l.ApproveTransfer(UserId.From(source.Value + "-b"), now,
            Key(key + "a"), id), ct)]);
    }

    // Moves every second serial of the fragmented account away, serial by serial, leaving 10 000 one-unit blocks.
    private static async Task FragmentAsync(RegistryService registry, DateTimeOffset now, int batch, CancellationToken ct)
    {
        var firstSerial = await registry.QueryAsync((l, _) => l.HoldingsOf(Fragmented)[0].Blocks[0].First, ct);
        for (var n = 0; n < FragmentBlocks; n += batch)
        {
            var requests = new List<Func<RegistryLedger, RegistryOutcome>>(batch);
            for (var i = n; i < Math.Min(n + batch, FragmentBlocks); i++)
            {
                var serial = firstSerial + 2L * i + 1;
                requests.Add(l => l.CorrectSerials(Regulator, now, Key("fragment-" + serial.ToString(CultureInfo.InvariantCulture)),
                    Fragmented, Sink, Class, SerialBlock.Create(serial, serial), "bench: fragment"));
            }
            Require(await registry.ExecuteBatchAsync(now, requests, ct));
        }
    }

    internal static void Require(IReadOnlyList<RegistryOutcome> outcomes)
    {
        if (outcomes.OfType<RegistryOutcome.Rejected>().FirstOrDefault() is { } rejected)
        {
            throw new InvalidOperationException($"bench request refused: {rejected.Reason} ({rejected.Field}): {rejected.Message}");
        }
    }

    private static AccountNumber Holder(int i) => AccountNumber.From("GD-HOLD-" + i.ToString("D3", CultureInfo.InvariantCulture));

    private static IdempotencyKey Key(string value) => IdempotencyKey.From(value);

    internal static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    internal static void Admin(string connectionString, string sql)
    {
        using var admin = new NpgsqlConnection(connectionString);
        admin.Open();
        using var command = new NpgsqlCommand(sql, admin);
        command.ExecuteNonQuery();
    }

    // Other processes on the machine skew wall-clock figures; print the load so a reader can judge them.
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void Print(string line) => Console.WriteLine(line);
}
