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
/// citizens: median and worst milliseconds, and the process's CPU. Every citizen also has a month total this month, spread
/// as a log-normal (median <c>--median-kg</c>, default 10 kg, σ <c>--sigma</c>, default 1), with the rank bands migration
/// 0061 keeps; the page's three reads (statement, privacy, ranking) are then timed together for the same random citizens,
/// and the ranking alone for the citizens the rank reads most for: the lowest totals of the densest band.
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
        var medianKg = RegistryBench.Option(args, "--median-kg", 10);
        var sigmaTenths = RegistryBench.Option(args, "--sigma-tenths", 10);
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
                seed, fill: reuse is null, (medianKg, sigmaTenths / 10.0)).GetAwaiter().GetResult();
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

    private static async Task RunAsync(string db, int citizens, int days, int events, int reads, int seed, bool fill, (int MedianKg, double Sigma) months)
    {
        if (fill)
        {
            await FillAsync(db, citizens, days, events);
            await FillMonthsAsync(db, months.MedianKg, months.Sigma);
        }
        await ReadAsync(db, citizens, reads, seed);
        await RankingAsync(db, citizens, reads, seed);
    }

    // Every citizen's total this month, log-normal (Box–Muller on PostgreSQL's seeded random()), with the bands kept as
    // the trigger of migration 0061 would keep them: the trigger is off during the fill and the bands counted after, as
    // one statement instead of 10 M trigger calls; VACUUM then marks the pages all-visible, as autovacuum would.
    private static async Task FillMonthsAsync(string db, int medianKg, double sigma)
    {
        var month = (long)MonthCell.MonthOf(InclusionTime.DayOf(DateTimeOffset.UtcNow)).DayNumber;
        var fill = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        foreach (var sql in new[]
        {
            "ALTER TABLE inclusion_citizen_months DISABLE TRIGGER tr_inclusion_citizen_months_band",
            "SELECT setseed(0.13)",
            string.Create(CultureInfo.InvariantCulture, $"""
                INSERT INTO inclusion_citizen_months (user_id, programme, month, reduction_mg)
                SELECT id, '{Programme}', {month},
                    GREATEST(1, round(exp(ln({medianKg * 1_000_000L}) + {sigma} * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))))::bigint
                FROM users WHERE role = 'Citizen'
                ON CONFLICT (user_id, programme, month) DO UPDATE SET reduction_mg = excluded.reduction_mg
                """),
            $"DELETE FROM inclusion_rank_bands WHERE programme = '{Programme}' AND month = {month}",
            $"""
                INSERT INTO inclusion_rank_bands (programme, month, band, citizens)
                SELECT programme, month, inclusion_rank_band(reduction_mg), COUNT(*) FROM inclusion_citizen_months
                WHERE programme = '{Programme}' AND month = {month} GROUP BY programme, month, inclusion_rank_band(reduction_mg)
                """,
            "ALTER TABLE inclusion_citizen_months ENABLE TRIGGER tr_inclusion_citizen_months_band",
            "VACUUM ANALYZE inclusion_citizen_months",
            "VACUUM ANALYZE inclusion_rank_bands",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
        }
        await using var densest = new NpgsqlCommand($"""
            SELECT band, citizens, (SELECT COUNT(*) FROM inclusion_rank_bands WHERE programme = '{Programme}' AND month = {month}),
                (SELECT SUM(citizens) FROM inclusion_rank_bands WHERE programme = '{Programme}' AND month = {month})
            FROM inclusion_rank_bands WHERE programme = '{Programme}' AND month = {month} ORDER BY citizens DESC LIMIT 1
            """, connection);
        await using var row = await densest.ExecuteReaderAsync();
        await row.ReadAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"month totals: {row.GetInt64(3):N0} citizens (log-normal, median {medianKg} kg, σ {sigma}) in {row.GetInt64(2)} bands, "
            + $"the densest band {row.GetInt64(0)} with {row.GetInt64(1):N0} citizens; filled in {fill.Elapsed.TotalSeconds:F0} s"));
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
        var ranking = new double[reads];
        var cpu = CpuTime.ProcessMilliseconds();
        var all = Stopwatch.StartNew();
        var shown = 0;
        for (var i = 0; i < reads; i++)
        {
            var one = Stopwatch.StartNew();
            shown += await StatementAsync(queries, ids[i]);
            _ = await queries.PrivacyAsync(ActorOf(ids[i]), CancellationToken.None);
            var rank = Stopwatch.StartNew();
            await RankAsync(queries, ids[i]);
            ranking[i] = rank.Elapsed.TotalMilliseconds;
            times[i] = one.Elapsed.TotalMilliseconds;
        }
        var seconds = all.Elapsed.TotalSeconds;
        Array.Sort(times);
        Array.Sort(ranking);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"a citizen's page (/Inclusion/Me: statement, privacy and ranking) at {citizens:N0} citizens: {reads} random citizens read one after another in {seconds:F2} s, "
            + $"median {times[reads / 2]:F1} ms, p99 {times[Math.Min(reads - 1, reads * 99 / 100)]:F1} ms, max {times[^1]:F1} ms (target < 50 ms), "
            + $"of which the ranking median {ranking[reads / 2]:F1} ms, p99 {ranking[Math.Min(reads - 1, reads * 99 / 100)]:F1} ms; "
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

    // The ranking alone for the citizens whose rank counts the most rows: the lowest totals of the month's densest band
    // (the count of those above them within the band is the one read that grows with the citizens).
    private static async Task RankingAsync(string db, int citizens, int reads, int seed)
    {
        var month = (long)MonthCell.MonthOf(InclusionTime.DayOf(DateTimeOffset.UtcNow)).DayNumber;
        var worst = new List<long>();
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.OpenAsync();
            await using var lowest = new NpgsqlCommand($"""
                WITH densest AS (SELECT band FROM inclusion_rank_bands WHERE programme = '{Programme}' AND month = {month} ORDER BY citizens DESC LIMIT 1)
                SELECT user_id FROM inclusion_citizen_months, densest
                WHERE programme = '{Programme}' AND month = {month} AND inclusion_rank_band(reduction_mg) = densest.band
                ORDER BY reduction_mg LIMIT {Math.Max(10, reads / 10)}
                """, connection) { CommandTimeout = 0 };
            await using var rows = await lowest.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                worst.Add(rows.GetInt64(0));
            }
        }
        await using var reader = await SqlStore.OpenAsync(db, CancellationToken.None);
        var queries = new InclusionQueries(reader, InclusionProgrammes.Shipped, TimeProvider.System);
        var random = new Random(seed + 1);
        worst = [.. worst.OrderBy(_ => random.Next())];
        var times = new double[worst.Count];
        for (var i = 0; i < worst.Count; i++)
        {
            var one = Stopwatch.StartNew();
            await RankAsync(queries, worst[i]);
            times[i] = one.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"the ranking alone for the {worst.Count} lowest totals of the densest band at {citizens:N0} citizens: median {times[times.Length / 2]:F1} ms, "
            + $"max {times[^1]:F1} ms; load average {RegistryBench.LoadAverage()}"));
    }

    private static async Task RankAsync(InclusionQueries queries, long id)
    {
        var actor = ActorOf(id);
        if ((await queries.RankingsAsync(actor, CancellationToken.None)).Count == 0)
        {
            throw new InvalidOperationException($"no rank for {actor.UserName}");
        }
    }

    // The fill names citizen i "c" + i, and the users' ids start at 1.
    private static Actor ActorOf(long id) => new(id, "c" + (id - 1).ToString(CultureInfo.InvariantCulture), Role.Citizen, null);

    private static async Task<int> StatementAsync(InclusionQueries queries, long id)
    {
        var actor = ActorOf(id);
        var statement = await queries.StatementAsync(actor, null, CancellationToken.None)
            ?? throw new InvalidOperationException($"no statement for {actor.UserName}");
        return statement.Recent.Count;
    }
}
