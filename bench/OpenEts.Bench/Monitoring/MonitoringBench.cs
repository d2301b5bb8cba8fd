using System.Diagnostics;
using System.Globalization;
using Npgsql;
using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.Identity;
using OpenEts.Domain.DualControl.Monitoring;
using OpenEts.Domain.Organisations;
using OpenEts.Storage;

namespace OpenEts.Bench.Monitoring;

/// <summary>
/// Online energy monitoring: N key energy users (10 000) with one hourly meter each send D days of readings through the
/// IngestReadings use case (the same path as the API and the CLI: all-or-nothing validation, idempotency lookups, binary
/// COPY of the readings, daily rollups, one batch record and one journal entry per batch), in batches of B readings,
/// durable (PostgreSQL with its default fsync and synchronous_commit); then a resent batch; then data quality for every
/// unit over the period, and over a whole year of daily rollups (written directly, as ingestion would leave them).
/// Runs on PostgreSQL when OPENETS_BENCH_PG or OPENETS_TEST_PG is set, else on SQLite.
/// </summary>
internal static class MonitoringBench
{
    private static readonly DateTimeOffset Now = new(2027, 1, 1, 4, 0, 0, TimeSpan.Zero);

    // Requests sent at once, as from that many access systems.
    private const int InFlight = 2;

    // The storage-alone timing makes all its batches before the clock starts: up to this many days of readings.
    private const int StorageAloneMaxDays = 31;

    public static int Run(string[] args)
    {
        var users = Option(args, "--users", 10_000);
        var days = Option(args, "--days", 7);
        var batch = Option(args, "--batch", 100_000);
        var pg = Environment.GetEnvironmentVariable("OPENETS_BENCH_PG") is { Length: > 0 } bench ? bench
            : Environment.GetEnvironmentVariable("OPENETS_TEST_PG");
        if (string.IsNullOrEmpty(pg))
        {
            var folder = Directory.CreateTempSubdirectory("openets-meter-bench");
            try
            {
                RunOn("SQLite", Path.Combine(folder.FullName, "meters.db"), users, days, batch).GetAwaiter().GetResult();
            }
            finally
            {
                folder.Delete(true);
            }
            return 0;
        }
        var name = "openets_meter_bench_" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);
        Admin(pg, $"CREATE DATABASE {name}");
        try
        {
            RunOn("PostgreSQL", new NpgsqlConnectionStringBuilder(pg) { Database = name }.ToString(), users, days, batch).GetAwaiter().GetResult();
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Admin(pg, $"DROP DATABASE {name} WITH (FORCE)");
        }
        return 0;
    }

    private static async Task RunOn(string label, string database, int users, int days, int batch)
    {
        await using var store = await SqlStore.OpenAsync(database, CancellationToken.None);
        var first = QualityRules.BeijingDay(Now).AddDays(-days);
        var setup = Stopwatch.StartNew();
        var meters = await store.WriteAsync(async s =>
        {
            var work = new MonitoringWork(s, Actor.System, Now);
            var codes = new List<string>(users);
            for (var i = 0; i < users; i++)
            {
                var first17 = "9144" + i.ToString("D13", CultureInfo.InvariantCulture);
                var code = CreditCode.Parse(first17 + CreditCode.CheckCharacter(first17)).Code;
                var o = await s.Organisations.InsertAsync(new Organisation(0, code, $"重点用能单位 {i}", OrganisationKind.Company, Sector.Other,
                    $"地区{i % 20:00}", CoverageStatus.Covered), Now);
                var unit = (MonitoredUnit)((MonitoringCommandOutcome.Completed)await new RegisterMonitoredUnit(o.Id, null, first).ExecuteAsync(work)).Result;
                var meter = $"M{i:D5}";
                await new RegisterMeterPoint(unit.Id, meter, "总电表", EnergyKind.Electricity, "kWh", MeterCadence.Hourly, null).ExecuteAsync(work);
                codes.Add(meter);
            }
            return codes;
        }, CancellationToken.None);
        Print($"{label}: {users:N0} units and meters registered through the use cases in {setup.Elapsed.TotalSeconds:F1} s");

        // Each meter's readings for the period, in meter order, cut into batches of `batch` readings. The next batch is made
        // while the current one is written (as the API parses one sender's request while another's is written).
        var perMeter = days * 24;
        var handler = new MonitoringCommandHandler(store, new FixedClock(Now));
        var start = QualityRules.StartOfDay(first);
        var total = (long)users * perMeter;
        var batchCount = (int)((total + batch - 1) / batch);
        IngestReadings MakeBatch(int b)
        {
            var readings = new IngestReadings.Reading[(int)Math.Min(batch, total - ((long)b * batch))];
            for (var i = 0; i < readings.Length; i++)
            {
                var n = ((long)b * batch) + i;
                var (m, h) = ((int)(n / perMeter), (int)(n % perMeter));
                readings[i] = new IngestReadings.Reading(i, string.Create(CultureInfo.InvariantCulture, $"{m}-{h}"), meters[m], start.AddHours(h),
                    MeterQuantity.FromMilli(1_000_000 + ((m * 7 + h * 13) % 500_000)));
            }
            return new IngestReadings("bench-" + b.ToString(CultureInfo.InvariantCulture), readings, []);
        }
        var (cpu, serverCpu, load) = (Process.GetCurrentProcess().TotalProcessorTime, ServerCpuSeconds(database), LoadAverage());
        var ingest = Stopwatch.StartNew();
        long sent = 0;
        IngestReadings? last = null;
        // Two senders' requests in flight, as the API serves several access systems at once: one hashes and groups its
        // batch (IngestReadings.Prepare, outside the write lock) while the other is written.
        var inFlight = new Queue<(int Batch, IngestReadings Command, Task<MonitoringCommandOutcome> Outcome)>();
        async Task<long> LandAsync()
        {
            var (b, command, pending) = inFlight.Dequeue();
            var outcome = await pending;
            return outcome is MonitoringCommandOutcome.Completed { Result: IngestResult { NewReadings: var n } } && n == command.Readings.Count
                ? n
                : throw new InvalidOperationException($"batch {b}: {outcome}");
        }
        var next = Task.Run(() => MakeBatch(0));
        for (var b = 0; b < batchCount; b++)
        {
            var command = await next;
            // The loop variable is shared by every iteration: the task takes its own copy of the next index.
            var following = b + 1;
            next = following < batchCount ? Task.Run(() => MakeBatch(following)) : Task.FromResult(command);
            inFlight.Enqueue((b, command, Task.Run(() => handler.HandleAsync(Actor.System, command, CancellationToken.None))));
            if (inFlight.Count == InFlight)
            {
                sent += await LandAsync();
            }
            last = command;
        }
        while (inFlight.Count > 0)
        {
            sent += await LandAsync();
        }
        var seconds = ingest.Elapsed.TotalSeconds;
        var (ownCpu, dbCpu) = ((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, ServerCpuSeconds(database) - serverCpu);
        Print($"{label}: ingested {sent:N0} hourly readings ({users:N0} meters × {days} days) in {batchCount:N0} batches of ≤ {batch:N0}: "
            + $"{seconds:F1} s = {sent / seconds:N0} readings/s durable, end to end through IngestReadings ({InFlight} requests in flight, the next batch made while one is written)");
        Print($"{label}: CPU {ownCpu:F1} s in the bench process" + (dbCpu > 0 ? $" + {dbCpu:F1} s in its database's server processes" : "")
            + $" = {(ownCpu + dbCpu) * 1e6 / sent:F2} µs a reading; load average {load} before, {LoadAverage()} after (2 cores)");
        if (days <= StorageAloneMaxDays)
        {
            await StorageAloneAsync(label, store, meters.Count, perMeter, batch, start.AddDays(days + 30));
        }
        else
        {
            Print($"{label}: storage alone not timed (it holds every batch in memory; at most {StorageAloneMaxDays} days)");
        }
        var resend = Stopwatch.StartNew();
        var again = await handler.HandleAsync(Actor.System, last!, CancellationToken.None);
        Print($"{label}: the last batch resent: {(again is MonitoringCommandOutcome.Completed { Result: IngestResult { Resent: true } } ? "resent, nothing changed" : again.ToString())} "
            + $"in {resend.Elapsed.TotalMilliseconds:F0} ms");

        var queries = new MonitoringQueries(store, new FixedClock(Now));
        var quality = Stopwatch.StartNew();
        var overview = await queries.OverviewAsync(Actor.System, null, first, QualityRules.BeijingDay(Now).AddDays(-1), CancellationToken.None);
        Print($"{label}: data quality of {overview!.Units.Count:N0} units and {overview.Regions.Count} regions over {days} days in "
            + $"{quality.Elapsed.TotalSeconds:F2} s ({overview.Units.Count(u => u.Quality.Completeness.IsFlagged)} flagged; total completeness "
            + $"{MeterQuality.Combine(overview.Units.Select(u => u.Quality)).Completeness.Percent} %)");

        // A year of daily rollups for every meter, as a year of ingestion leaves them (24 received a day), then quality over that year.
        var yearStart = first.AddDays(-365);
        var rollups = Stopwatch.StartNew();
        var ids = await store.ReadAsync(s => s.EnergyMonitoring.MetersAsync(null), CancellationToken.None);
        foreach (var chunk in ids.Chunk(1_000))
        {
            await store.WriteAsync(async s =>
            {
                var rows = new List<MeterDay>(chunk.Length * 365);
                foreach (var meter in chunk)
                {
                    for (var d = 0; d < 365; d++)
                    {
                        var day = yearStart.AddDays(d);
                        rows.Add(new MeterDay(meter.Id, day.DayNumber, MonitoringFields.MonthKey(day), 24, 0, 24_000_000));
                    }
                }
                await s.EnergyMonitoring.InsertReadingsAsync([], rows);
                return 0;
            }, CancellationToken.None);
        }
        Print($"{label}: wrote {ids.Count * 365L:N0} daily rollups (a year of {ids.Count:N0} meters) in {rollups.Elapsed.TotalSeconds:F1} s");
        var year = Stopwatch.StartNew();
        var yearly = await queries.OverviewAsync(Actor.System, null, yearStart, yearStart.AddDays(364), CancellationToken.None);
        Print($"{label}: data quality of {yearly!.Units.Count:N0} units over a year ({yearStart:yyyy-MM-dd} – {yearStart.AddDays(364):yyyy-MM-dd}, "
            + $"{Completeness.ExpectedSlots(MeterCadence.Hourly, yearStart, yearStart.AddDays(364)) * (long)yearly.Units.Count:N0} readings expected) in "
            + $"{year.Elapsed.TotalSeconds:F2} s");
    }

    // The storage's part alone, on slots after the bench's period: the readings' binary COPY with no rollups, then with
    // the day and month rollups, one durable transaction per batch (made before the clock starts).
    private static async Task StorageAloneAsync(string label, SqlStore store, int meterCount, int perMeter, int batch, DateTimeOffset from)
    {
        var ids = (await store.ReadAsync(s => s.EnergyMonitoring.MetersAsync(null), CancellationToken.None)).Select(m => m.Id).Order().ToList();
        foreach (var withRollups in new[] { false, true })
        {
            var start = from.AddDays(withRollups ? perMeter / 24 + 1 : 0);
            var batches = new List<(StoredReading[] Readings, MeterDay[] Days)>();
            var readings = new List<StoredReading>(batch);
            void Flush()
            {
                var days = withRollups
                    ? readings.GroupBy(r => (r.MeterId, Day: QualityRules.BeijingDay(DateTimeOffset.FromUnixTimeSeconds(r.SlotSeconds))))
                        .Select(g => new MeterDay(g.Key.MeterId, g.Key.Day.DayNumber, MonitoringFields.MonthKey(g.Key.Day), g.Count(), 0, g.Sum(r => r.ValueMilli)))
                        .ToArray()
                    : [];
                batches.Add(([.. readings], days));
                readings.Clear();
            }
            for (var m = 0; m < meterCount; m++)
            {
                for (var h = 0; h < perMeter; h++)
                {
                    readings.Add(new StoredReading(ids[m], start.AddHours(h).ToUnixTimeSeconds(), 1_000_000 + ((m * 7 + h * 13) % 500_000), 0));
                    if (readings.Count == batch)
                    {
                        Flush();
                    }
                }
            }
            if (readings.Count > 0)
            {
                Flush();
            }
            var time = Stopwatch.StartNew();
            long rows = 0;
            foreach (var (r, d) in batches)
            {
                await store.WriteAsync(async s =>
                {
                    await s.EnergyMonitoring.InsertReadingsAsync(r, d);
                    return 0;
                }, CancellationToken.None);
                rows += r.Length;
            }
            var seconds = time.Elapsed.TotalSeconds;
            Print($"{label}: storage alone, {rows:N0} readings in {batches.Count} transactions, "
                + (withRollups ? "COPY + day and month rollups" : "binary COPY, no rollups") + $": {seconds:F1} s = {rows / seconds:N0} readings/s durable");
        }
    }

    // The CPU seconds (user + system) of the PostgreSQL server processes serving the bench's database, from /proc (Linux;
    // a backend's command line names its database). Background writers are not counted. 0 for SQLite or elsewhere.
    private static double ServerCpuSeconds(string database)
    {
        if (!database.Contains("Host=", StringComparison.OrdinalIgnoreCase) || !Directory.Exists("/proc"))
        {
            return 0;
        }
        var name = new NpgsqlConnectionStringBuilder(database).Database ?? "";
        double ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(" " + name + " ", StringComparison.Ordinal))
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's process.
            }
        }
        return ticks / 100.0; // USER_HZ
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg")[..14].Trim() : "?";

    private static void Admin(string connectionString, string sql)
    {
        using var admin = new NpgsqlConnection(connectionString);
        admin.Open();
        using var command = new NpgsqlCommand(sql, admin) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static void Print(string line) => Console.WriteLine(line);
}
