using System.Diagnostics;
using System.Globalization;
using Npgsql;
using OpenEts.Application.Identity;
using OpenEts.Application.Inclusion;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Bench.Registry;
using OpenEts.Storage;

namespace OpenEts.Bench.Inclusion;

/// <summary>
/// Carbon inclusion: quantification and caps in process (events/s, one core, bytes allocated per event), and durable
/// ingestion through the RecordActions use case (idempotency insert, daily rollups, coin lots, wallet, one journal entry
/// per batch), batched, across many citizens, on SQLite and, with <c>OPENETS_BENCH_PG</c> or <c>OPENETS_TEST_PG</c> set,
/// on PostgreSQL (a database made for the run and dropped after); then a replay of a tenth of the batches (every event a
/// duplicate). Wall and process CPU time are both printed: on a loaded machine CPU time is the figure to compare.
/// </summary>
internal static class InclusionBench
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        var events = Option(args, "--events", 200_000);
        var citizens = Option(args, "--citizens", 10_000);
        var batch = Option(args, "--batch", 2_000);
        InProcess(Option(args, "--quantify", 2_000_000));
        var folder = Directory.CreateTempSubdirectory("openets-inclusion-bench");
        try
        {
            var file = Path.Combine(folder.FullName, "inclusion.db");
            Ingest("SQLite", file, events, citizens, batch).GetAwaiter().GetResult();
            Print($"SQLite database file: {new FileInfo(file).Length / 1_048_576.0:F1} MB");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
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
        RegistryBench.Admin(pg, $"CREATE DATABASE {name}");
        try
        {
            Ingest("PostgreSQL", new NpgsqlConnectionStringBuilder(pg) { Database = name }.ToString(), events, citizens, batch)
                .GetAwaiter().GetResult();
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            RegistryBench.Admin(pg, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
        return 0;
    }

    private static void InProcess(int n)
    {
        var programme = InclusionProgrammes.Shipped.InForce("guangdong-tanpuhui", InclusionTime.DayOf(Now))!;
        var day = InclusionTime.DayOf(Now);
        var measures = new[] { new ActionMeasure(12.345m), new ActionMeasure(1m), new ActionMeasure(2.1m, OwnAverage: 3m) };
        var behaviours = new[] { Behaviour.Bus, Behaviour.Metro, Behaviour.Electricity };
        var usage = new UsageLedger([]);
        var sum = CarbonGrams.Zero;
        for (var i = 0; i < 10_000; i++)
        {
            sum += Reward.Evaluate(programme, behaviours[i % 3], "card", day, measures[i % 3], usage).Reduction;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = CpuTime.ProcessMilliseconds();
        var time = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            var k = i % 3;
            sum += Reward.Evaluate(programme, behaviours[k], "card", day, measures[k], usage).Reduction;
        }
        var seconds = time.Elapsed.TotalSeconds;
        cpu = (CpuTime.ProcessMilliseconds() - cpu) / 1000;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Print($"quantification + caps in process (Reward.Evaluate, Guangdong programme, empty usage): {n:N0} events in {seconds:F2} s wall, "
            + $"{cpu:F2} s CPU = {n / seconds:N0} events/s wall, {n / cpu:N0} events/s CPU; {(double)allocated / n:F1} bytes allocated per event "
            + $"(sum {sum.Kilograms:N3} kg)");
    }

    private static async Task Ingest(string dialect, string database, int events, int citizens, int batch)
    {
        await using var store = await SqlStore.OpenAsync(database, CancellationToken.None);
        await store.WriteAsync(async s =>
        {
            for (var i = 0; i < citizens; i++)
            {
                await s.Users.InsertAsync(new UserRecord(0, Name(i), "bench", Role.Citizen, null, "x", 0, null), Now);
            }
            return 0;
        }, CancellationToken.None);
        var regulator = new Actor(0, "bench", Role.Regulator, null);
        var batches = new List<RecordActions>();
        var behaviours = new[] { "bus", "metro", "electricity" };
        for (var start = 0; start < events; start += batch)
        {
            var forms = new List<RecordActions.ActionForm>();
            for (var i = start; i < Math.Min(events, start + batch); i++)
            {
                // A citizen's rides lie at least 37 minutes apart, so none overlaps another (OverlappingTrip).
                var at = Now.AddMinutes(-(i % 20_000) - 37 * (i / 20_000)).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
                // Guangzhou's metro counts trips, one an action (quantity 1); the bus's quantity is km and electricity's kWh.
                forms.Add(new RecordActions.ActionForm("e" + i.ToString(CultureInfo.InvariantCulture), "src" + (i % 7).ToString(CultureInfo.InvariantCulture),
                    behaviours[i % 3], at, i % 3 == 1 ? 1m : 1m + (i % 13), 20m, 3m, Name(i % citizens)));
            }
            if (!RecordActions.TryParse(new RecordActions.Form("guangdong-tanpuhui", forms), InclusionProgrammes.Shipped, out var command, out var errors))
            {
                throw new InvalidOperationException(string.Join("; ", errors.Select(e => e.Message)));
            }
            batches.Add(command);
        }
        var counted = 0;
        var cpu = CpuTime.ProcessMilliseconds();
        var time = Stopwatch.StartNew();
        foreach (var command in batches)
        {
            var result = await store.WriteAsync(s => command.ExecuteAsync(new InclusionWork(s, regulator, Now, InclusionProgrammes.Shipped)),
                CancellationToken.None);
            counted += ((RecordedActions)((InclusionCommandOutcome.Completed)result).Result).Counted;
        }
        var seconds = time.Elapsed.TotalSeconds;
        var cpuSeconds = (CpuTime.ProcessMilliseconds() - cpu) / 1000;
        Print($"{dialect}: ingestion through RecordActions, {events:N0} events of {citizens:N0} citizens in batches of {batch:N0} "
            + $"(one transaction and journal entry per batch): {seconds:F2} s wall, {cpuSeconds:F2} s CPU (this process) = "
            + $"{events / seconds:N0} events/s wall, {events / cpuSeconds:N0} events/s CPU ({counted:N0} counted, the rest capped)");
        cpu = CpuTime.ProcessMilliseconds();
        time.Restart();
        var duplicates = 0;
        foreach (var command in batches.Take(Math.Max(1, batches.Count / 10)))
        {
            var result = await store.WriteAsync(s => command.ExecuteAsync(new InclusionWork(s, regulator, Now, InclusionProgrammes.Shipped)),
                CancellationToken.None);
            duplicates += ((RecordedActions)((InclusionCommandOutcome.Completed)result).Result).Duplicates;
        }
        seconds = time.Elapsed.TotalSeconds;
        cpuSeconds = (CpuTime.ProcessMilliseconds() - cpu) / 1000;
        Print($"{dialect}: replay of {duplicates:N0} events (every one a duplicate, nothing counted twice): {seconds:F2} s wall, "
            + $"{cpuSeconds:F2} s CPU = {duplicates / seconds:N0} events/s wall");
    }



    private static string Name(int i) => "c" + i.ToString(CultureInfo.InvariantCulture);

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static void Print(string line) => Console.WriteLine(line);
}
