using System.Diagnostics;
using Npgsql;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;
using OpenEts.Storage;

namespace OpenEts.Bench.Registry;

// The durable mode: every step goes through RegistryCommandHandler (the use cases the API, pages and CLI call), so each
// request is checked, applied, journalled (hash-chained) and committed. Retirements run as a retirement job would send
// them: HandleAllOrNothingAsync in batches, one transaction per batch.
internal static partial class OffsetsBench
{
    private static readonly Actor RegulatorActor = new(1, Regulator.Value, Role.Regulator, null);
    private static readonly Actor HolderActor = new(2, Holder.Value, Role.CompanyRepresentative, null);

    private static int Durable(int lots, int listed, int batch)
    {
        var folder = Directory.CreateTempSubdirectory("openets-bench-").FullName;
        var ok = true;
        try
        {
            ok = DurableOn("SQLite", Path.Combine(folder, "offsets.db"), lots, listed, batch).GetAwaiter().GetResult();
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
            Print($"PostgreSQL: skipped (set OPENETS_BENCH_PG or OPENETS_TEST_PG)");
            return ok ? 0 : 1;
        }
        var name = "openets_bench_" + Guid.NewGuid().ToString("N")[..12];
        RegistryBench.Admin(pg, $"CREATE DATABASE {name}");
        try
        {
            ok &= DurableOn("PostgreSQL", new NpgsqlConnectionStringBuilder(pg) { Database = name }.ToString(), lots, listed, batch)
                .GetAwaiter().GetResult();
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            RegistryBench.Admin(pg, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
        return ok ? 0 : 1;
    }

    private static async Task<bool> DurableOn(string dialect, string database, int lots, int listed, int batch)
    {
        var ct = CancellationToken.None;
        await using var store = await SqlStore.OpenAsync(database, ct);
        var registry = new RegistryService(store);
        var handler = new RegistryCommandHandler(registry, store, TimeProvider.System);
        RegistryBench.Require(await registry.ExecuteBatchAsync(Start, SetupRequests(), ct));
        Expect(await handler.HandleAsync(RegulatorActor, new DefineOffsetClass(Class, "Bench forest", ProjectCategory.Forestry, "FJ", false,
            IdempotencyKey.From("define")), ct));

        var time = Stopwatch.StartNew();
        BufferShare.TryOfPercent(20, out var share, out _);
        Expect(await handler.HandleAsync(RegulatorActor, new IssueOffsets(Class, AllowanceCount.From(10_000_000), Owner, Buffer, share, "bench",
            IdempotencyKey.From("issue")), ct));
        Print($"{dialect}: issue 10 000 000 t (20 % buffer) through IssueOffsets: {time.Elapsed.TotalMilliseconds:F1} ms (target < 5 000 ms)");

        time.Restart();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await RetireAsync(handler, 0, lots, batch, i => 1 + (i % 50), ct);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Print($"{dialect}: retire {lots} lots of 1–50 t through RetireUnits in batches of {batch}: {time.Elapsed.TotalMilliseconds:F0} ms (target < 5 000 ms), {cpu.TotalSeconds:F1} s CPU in this process; load average {RegistryBench.LoadAverage()}");

        time.Restart();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var check = await registry.VerifyAsync(ct);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Print($"{dialect}: journal verification {(check.Intact ? "intact" : "BROKEN")}, {check.EntriesChecked} entries: {time.Elapsed.TotalMilliseconds:F0} ms, {cpu.TotalSeconds:F1} s CPU");

        time.Restart();
        // 1 t each from here, so the 8 M t the owner holds last to 1 M retirements.
        await RetireAsync(handler, lots, listed, Math.Max(batch, 10_000), _ => 1, ct);
        Print($"{dialect}: grow to {listed} retirements: {time.Elapsed.TotalSeconds:F1} s; load average {RegistryBench.LoadAverage()}");
        await PagesAsync(dialect, "running server", new RegistryQueries(registry), listed, ct);

        // A restart: a new registry on the same database restores from its newest snapshot and the journal after it.
        registry.Dispose();
        time.Restart();
        using var restarted = new RegistryService(store);
        var queries = new RegistryQueries(restarted);
        var first = await queries.RetirementsAsync(1, ct);
        Print($"{dialect}: after a restart, the first page (restoring the registry{(restarted.RestoredFrom is { } from ? $" from the snapshot at {from}" : " from the journal")}): {time.Elapsed.TotalMilliseconds:F0} ms, {first.Total} retirements");
        await PagesAsync(dialect, "restarted", queries, listed, ct);
        return check.Intact;
    }

    private static async Task RetireAsync(RegistryCommandHandler handler, int from, int to, int batch, Func<int, long> quantity, CancellationToken ct)
    {
        for (var n = from; n < to; n += batch)
        {
            var commands = new List<IRegistryCommand>(batch);
            for (var i = n; i < Math.Min(n + batch, to); i++)
            {
                commands.Add(new RetireUnits(Owner, Class, AllowanceCount.From(quantity(i)), "beneficiary", "bench", IdempotencyKey.From(Key("r", i))));
            }
            var outcome = await handler.HandleAllOrNothingAsync(HolderActor, commands, null, ct);
            if (!outcome.IsStored)
            {
                throw new InvalidOperationException($"retirement batch refused: {outcome.Outcomes[^1]}");
            }
        }
    }

    // Each page 50 times through RegistryQueries.RetirementsAsync, as the public list's page and API call it.
    private static async Task PagesAsync(string dialect, string when, RegistryQueries queries, int listed, CancellationToken ct)
    {
        var time = new Stopwatch();
        foreach (var page in new[] { 1, 2, (listed / RegistryQueries.PublicPageSize / 2) + 1, listed / RegistryQueries.PublicPageSize })
        {
            var samples = new List<double>();
            for (var run = 0; run < 50; run++)
            {
                time.Restart();
                var rows = await queries.RetirementsAsync(page, ct);
                samples.Add(time.Elapsed.TotalMilliseconds);
                if (rows.Rows.Count != RegistryQueries.PublicPageSize)
                {
                    throw new InvalidOperationException($"page {page} has {rows.Rows.Count} rows");
                }
            }
            samples.Sort();
            Print($"{dialect} ({when}): retirement list page {page} at {listed} retirements via RetirementsAsync: median {samples[samples.Count / 2]:F3} ms, max {samples[^1]:F3} ms (target < 50 ms)");
        }
    }

    private static List<Func<RegistryLedger, RegistryOutcome>> SetupRequests() =>
    [
        l => l.Initialise(Regulator, Start, IdempotencyKey.From("init"), "bench", AccountNumber.From("FJ-ISSUANCE"),
            AccountNumber.From("FJ-SURRENDER"), AccountNumber.From("FJ-CANCEL"), [Regulator, Officer]),
        l => l.OpenAccount(Regulator, Start, IdempotencyKey.From("owner"), Owner, AccountKind.Holding, "Forest owner",
            [Holder, UserId.From("holder-b")]),
        l => l.OpenAccount(Regulator, Start, IdempotencyKey.From("buffer"), Buffer, AccountKind.Buffer, "Buffer", [Regulator, Officer]),
    ];

    private static void Expect(RegistryCommandOutcome outcome)
    {
        if (outcome is not RegistryCommandOutcome.Completed)
        {
            throw new InvalidOperationException($"refused: {outcome}");
        }
    }
}
