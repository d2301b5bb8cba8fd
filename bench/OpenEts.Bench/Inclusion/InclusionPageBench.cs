using System.Diagnostics;
using System.Globalization;
using Npgsql;
using OpenEts.Application.Identity;
using OpenEts.Application.Inclusion;
using OpenEts.Bench.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Storage;

namespace OpenEts.Bench.Inclusion;

/// <summary>
/// A citizen's page at scale (issue 13: under 50 ms at 10 M citizens): a PostgreSQL database made for the run
/// (<c>OPENETS_BENCH_PG</c> or <c>OPENETS_TEST_PG</c>; dropped after) filled in SQL with C citizens, each with a wallet,
/// D days of daily rows and coin lots and E raw actions spread evenly over the 400 days they are kept (partitioned by month), then the
/// citizen's statement (<see cref="InclusionQueries.StatementAsync"/>, what <c>/Inclusion/Me</c> shows) read for random
/// citizens: median and worst milliseconds, and the process's CPU.
/// </summary>
internal static class InclusionPageBench
{
    private const string Programme = "shenzhen-tanpuhui";

    // Raw actions are kept 400 days (ConsentNotice, "actions"): the fill spreads each citizen's actions evenly over them,
    // so a citizen's latest 50 are read across up to 14 monthly partitions, the page's worst case.
    private const int RetentionDays = 400;

    public static int Run(string[] args)
    {
        var citizens = RegistryBench.Option(args, "--citizens", 1_000_000);
        var days = RegistryBench.Option(args, "--days", 5);
        var events = RegistryBench.Option(args, "--actions", 5);
        var reads = RegistryBench.Option(args, "--reads", 500);
        // Another --seed reads other random citizens: a kept database read again is not read from what the last run cached.
        var seed = RegistryBench.Option(args, "--seed", 13);
        var pg = Environment.GetEnvironmentVariable("OPENETS_BENCH_PG") is { Length: > 0 } bench
            ? bench
            : Environment.GetEnvironmentVariable("OPENETS_TEST_PG");
        if (string.IsNullOrEmpty(pg))
        {
            Console.Error.WriteLine("needs OPENETS_BENCH_PG or OPENETS_TEST_PG");
            return 2;
        }
        // --reuse NAME reads a database kept by an earlier run (--keep) with the same --citizens and --actions, without filling.
        var reuse = Array.IndexOf(args, "--reuse") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var name = reuse ?? "openets_bench_" + Guid.NewGuid().ToString("N")[..12];
        if (reuse is null)
        {
            RegistryBench.Admin(pg, $"CREATE DATABASE {name}");
        }
        try
        {
            RunAsync(new NpgsqlConnectionStringBuilder(pg) { Database = name, CommandTimeout = 0 }.ToString(), citizens, days, events, reads,
                seed, fill: reuse is null).GetAwaiter().GetResult();
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (args.Contains("--keep") || reuse is not null)
            {
                Console.WriteLine($"kept database {name} (drop it when done)");
            }
            else
            {
                RegistryBench.Admin(pg, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }
    }

    private static async Task RunAsync(string db, int citizens, int days, int events, int reads, int seed, bool fill)
    {
        if (fill)
        {
            await FillAsync(db, citizens, days, events);
        }
        await ReadAsync(db, citizens, reads, seed);
    }

    private static async Task FillAsync(string db, int citizens, int days, int events)
    {
        Console.WriteLine($"inclusion-page bench: {citizens:N0} citizens × {days} daily rows and lots, {events} raw actions; load average {RegistryBench.LoadAverage()}");
        var now = DateTimeOffset.UtcNow;
        var today = (long)InclusionTime.DayOf(now).DayNumber;
        await using (var store = await SqlStore.OpenAsync(db, CancellationToken.None))
        {
            // Migrated by opening; the rows are made in SQL, as fast as the server can write them.
        }
        var fill = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.OpenAsync();
            foreach (var sql in new[]
            {
                $"""
                INSERT INTO users (user_name, display_name, role, password_hash, created_at)
                SELECT 'c' || i, 'c' || i, 'Citizen', 'x', 0 FROM generate_series(0, {citizens - 1}) AS i
                """,
                $"SELECT inclusion_events_partitions({today - (RetentionDays - 1)}, {today})",
                $"""
                INSERT INTO inclusion_wallets (user_id, programme, credited, redeemed, expired, reduction_mg, actions, donated)
                SELECT id, '{Programme}', 100, 0, 0, 1000000, {events}, 0 FROM users WHERE role = 'Citizen'
                """,
                $"""
                INSERT INTO inclusion_daily (user_id, programme, day, behaviour, source, actions, reduction_mg, coins)
                SELECT u.id, '{Programme}', {today} - d * 3, 'Metro', 'p1/gate-' || (u.id % 7), 2, 500000, 5
                FROM users u CROSS JOIN generate_series(0, {days - 1}) AS d WHERE u.role = 'Citizen'
                """,
                $"""
                INSERT INTO inclusion_coin_lots (user_id, programme, earned, available_on, expires_on, credited, remaining)
                SELECT u.id, '{Programme}', {today} - d * 3, {today} - d * 3, NULL, 5, 5
                FROM users u CROSS JOIN generate_series(0, {days - 1}) AS d WHERE u.role = 'Citizen'
                """,
                $"""
                INSERT INTO inclusion_events (source, event_id, user_id, programme, behaviour, occurred_at, day, quantity_milli, minutes_milli,
                    reduction_mg, coins, refusal)
                SELECT 'p1/gate-' || (u.id % 7), u.id || '-' || e, u.id, '{Programme}', 'Metro',
                    {now.ToUnixTimeMilliseconds()} - (e::bigint * {RetentionDays - 1} / {Math.Max(1, events - 1)}) * 86400000 - (u.id % 86400) * 1000,
                    {today} - (e::bigint * {RetentionDays - 1} / {Math.Max(1, events - 1)}), 10000, 30000, 467000, 4, NULL
                FROM users u CROSS JOIN generate_series(0, {events - 1}) AS e WHERE u.role = 'Citizen'
                """,
                // The public totals kept as batches are written, made here as migration 0043 makes them from existing rows.
                """
                INSERT INTO inclusion_programme_daily (programme, day, behaviour, actions, reduction_mg, coins)
                SELECT programme, day, behaviour, SUM(actions), SUM(reduction_mg), SUM(coins) FROM inclusion_daily GROUP BY programme, day, behaviour
                """,
                """
                INSERT INTO inclusion_programme_months (programme, month, cell, citizens, coins)
                SELECT programme, month, behaviour, COUNT(DISTINCT user_id), 0
                FROM (SELECT programme, user_id, behaviour, (date_trunc('month', date '0001-01-01' + day::integer)::date - date '0001-01-01')::bigint AS month
                      FROM inclusion_daily) d
                GROUP BY programme, month, behaviour
                UNION ALL
                SELECT programme, month, '*', COUNT(DISTINCT user_id), 0
                FROM (SELECT programme, user_id, (date_trunc('month', date '0001-01-01' + day::integer)::date - date '0001-01-01')::bigint AS month
                      FROM inclusion_daily) d
                GROUP BY programme, month
                """,
                """
                INSERT INTO inclusion_programme_totals (programme, citizens, credited, redeemed, expired, reduction_mg, actions, donated)
                SELECT programme, COUNT(*), SUM(credited), SUM(redeemed), SUM(expired), SUM(reduction_mg), SUM(actions), SUM(donated)
                FROM inclusion_wallets GROUP BY programme
                """,
                "ANALYZE",
            })
            {
                await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
                await command.ExecuteNonQueryAsync();
            }
        }
        Console.WriteLine($"filled in {fill.Elapsed.TotalSeconds:F0} s; load average {RegistryBench.LoadAverage()}");
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.OpenAsync();
            await using var size = new NpgsqlCommand("""
                SELECT (SELECT SUM(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'inclusion_events'::regclass)::bigint,
                    pg_database_size(current_database())
                """, connection);
            await using var row = await size.ExecuteReaderAsync();
            await row.ReadAsync();
            var (eventBytes, databaseBytes) = (row.GetInt64(0), row.GetInt64(1));
            var rows = (long)citizens * events;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"raw actions: {rows:N0} rows in {eventBytes / 1e9:F2} GB with their indexes ({(rows == 0 ? 0 : eventBytes / rows)} bytes a row); database {databaseBytes / 1e9:F2} GB"));
        }
    }

    private static async Task ReadAsync(string db, int citizens, int reads, int seed)
    {

        await using var reader = await SqlStore.OpenAsync(db, CancellationToken.None);
        var queries = new InclusionQueries(reader, InclusionProgrammes.Shipped, TimeProvider.System);
        var random = new Random(seed);
        var ids = new long[reads];
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.OpenAsync();
            await using var first = new NpgsqlCommand("SELECT MIN(id) FROM users WHERE role = 'Citizen'", connection);
            var lowest = (long)(await first.ExecuteScalarAsync())!;
            for (var i = 0; i < reads; i++)
            {
                ids[i] = lowest + random.NextInt64(citizens);
            }
        }
        // Warm-up: connections and JIT, and a first read of each kind of page.
        for (var i = 0; i < Math.Min(20, reads); i++)
        {
            await StatementAsync(queries, ids[i]);
        }
        var times = new double[reads];
        var cpu = CpuTime.ProcessMilliseconds();
        var all = Stopwatch.StartNew();
        var shown = 0;
        for (var i = 0; i < reads; i++)
        {
            var one = Stopwatch.StartNew();
            shown += await StatementAsync(queries, ids[i]);
            times[i] = one.Elapsed.TotalMilliseconds;
        }
        var seconds = all.Elapsed.TotalSeconds;
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"a citizen's statement (/Inclusion/Me) at {citizens:N0} citizens: {reads} random citizens read one after another in {seconds:F2} s, "
            + $"median {times[reads / 2]:F1} ms, p99 {times[Math.Min(reads - 1, reads * 99 / 100)]:F1} ms, max {times[^1]:F1} ms (target < 50 ms); "
            + $"{(CpuTime.ProcessMilliseconds() - cpu) / 1000:F2} s CPU in this process; {shown} actions shown; load average {RegistryBench.LoadAverage()}"));
        await PublicPageAsync(reader, queries, Math.Max(5, reads / 50));
    }

    // The public totals page (/Inclusion/Totals) reads the sums kept as batches are written; beside it, the distinct
    // citizens of its 12 months counted from every citizen's daily rows, as the page did before those sums were kept.
    private static async Task PublicPageAsync(SqlStore store, InclusionQueries queries, int reads)
    {
        var times = new double[reads];
        await queries.PublicTotalsAsync(Programme, CancellationToken.None);
        for (var i = 0; i < reads; i++)
        {
            var one = Stopwatch.StartNew();
            _ = await queries.PublicTotalsAsync(Programme, CancellationToken.None) ?? throw new InvalidOperationException("no totals");
            times[i] = one.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        var today = InclusionTime.DayOf(DateTimeOffset.UtcNow);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - PublicTotals.MonthsShown);
        var scan = Stopwatch.StartNew();
        await store.ReadAsync(s => s.Inclusion.ProgrammeCitizensAsync(Programme, [.. Enumerable.Range(0, PublicTotals.MonthsShown)
            .Select(i => (first.AddMonths(i), first.AddMonths(i + 1).AddDays(-1)))]), CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"the public totals page (/Inclusion/Totals, kept sums): {reads} reads, median {times[reads / 2]:F1} ms, max {times[^1]:F1} ms; "
            + $"counting its cells' citizens from the daily rows instead (the page before the sums were kept): {scan.Elapsed.TotalMilliseconds:F0} ms; "
            + $"load average {RegistryBench.LoadAverage()}"));
    }

    private static async Task<int> StatementAsync(InclusionQueries queries, long id)
    {
        var name = "c" + (id - 1).ToString(CultureInfo.InvariantCulture);
        var statement = await queries.StatementAsync(new Actor(id, name, Role.Citizen, null), null, CancellationToken.None)
            ?? throw new InvalidOperationException($"no statement for {name}");
        return statement.Recent.Count;
    }
}
