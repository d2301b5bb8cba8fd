using System.Diagnostics;
using System.Globalization;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using OpenEts.Storage;

namespace OpenEts.Bench.Registry;

/// <summary>
/// Builds a registry journal of N events into a database (a SQLite file, or a PostgreSQL connection string) for the
/// scale measurements: the bench's 100 holding accounts, then transfers (propose + approve, balanced in pairs so no
/// account runs dry), batched in large transactions through <see cref="RegistryService"/> itself, so the journal, its
/// index, the keys and the snapshots are exactly what the platform writes. The clock advances so that a day holds
/// <c>--events-per-day</c> events, as a market would spread them.
/// </summary>
internal static class RegistryJournalGenerator
{
    public static int Run(string[] args)
    {
        var events = Option(args, "--events", 1_000_000);
        var batch = Option(args, "--batch", 5_000);
        var perDay = Option(args, "--events-per-day", 30_000);
        var snapshotEvery = Option(args, "--snapshot-every", RegistryService.DefaultSnapshotInterval);
        var db = Text(args, "--db") ?? Path.Combine("data", "registry-" + events.ToString(CultureInfo.InvariantCulture) + ".db");
        if (!db.Contains('=', StringComparison.Ordinal) && !db.Contains("://", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(db))!);
        }
        Console.WriteLine($"registry journal: {events:N0} events into {db}, batches of {batch:N0} transfers, {perDay:N0} events a day, a snapshot every {snapshotEvery:N0} entries");
        Generate(db, events, batch, perDay, snapshotEvery, args.Contains("--time-snapshots")).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task Generate(string db, long events, int batch, long perDay, long snapshotEvery, bool timeSnapshots)
    {
        var ct = CancellationToken.None;
        await using var store = await SqlStore.OpenAsync(db, ct);
        using var registry = new RegistryService(store) { SnapshotInterval = snapshotEvery };
        var start = new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero);
        if (!await registry.QueryAsync((l, _) => l.IsInitialised, ct))
        {
            RegistryBench.Require(await registry.ExecuteBatchAsync(start, RegistryBench.SeedRequests(start), ct));
        }
        var written = await store.ReadAsync(s => s.Journal.CountAsync(new Application.Storage.JournalFilter(KindPrefix: RegistryService.KindPrefix)), ct);
        // Transfers already in the journal (a run that is extended): each is two events.
        var next = await registry.QueryAsync((l, _) => l.LastProposalId, ct);
        var first = written;
        var cpu = CpuTime.ProcessMilliseconds();
        var watch = Stopwatch.StartNew();
        var report = watch.Elapsed;
        var reported = written;
        while (written < events)
        {
            var count = Math.Min(batch, Math.Max(1, (events - written + 1) / 2));
            var now = start.AddDays((double)written / perDay);
            RegistryBench.Require(await registry.ExecuteBatchAsync(now, RegistryBench.TransferRequests(now, next, next + count), ct));
            next += count;
            written += 2 * count;
            if (written - reported >= 1_000_000 || written >= events)
            {
                var rate = (written - reported) / (watch.Elapsed - report).TotalSeconds;
                Console.WriteLine($"  {written:N0} events, {rate:N0} events/s ({rate / 2:N0} transfers/s) over the last {written - reported:N0}; {watch.Elapsed.TotalSeconds:F0} s; GC heap {GC.GetTotalMemory(false) / 1048576:N0} MB; load {Load()}");
                (report, reported) = (watch.Elapsed, written);
            }
        }
        var cpuSeconds = (CpuTime.ProcessMilliseconds() - cpu) / 1000;
        var snapshots = await registry.SnapshotsAsync(ct);
        Console.WriteLine($"done: {written:N0} registry events in {watch.Elapsed.TotalSeconds:F1} s; {snapshots.Count} snapshots, the newest of entry {(snapshots.Count > 0 ? snapshots[0].Sequence : 0):N0}");
        Console.WriteLine($"process CPU while writing: {cpuSeconds:F1} s, {(written - first) / 2 / cpuSeconds:N0} transfers per CPU-second; GC collections gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC; load {Load()}");
        // What one more snapshot of this state costs (the registry writes one every SnapshotInterval entries); it leaves
        // a snapshot at the head, so a start from the journal afterwards replays nothing.
        for (var i = 0; i < (timeSnapshots ? 3 : 0); i++)
        {
            var before = CpuTime.ProcessMilliseconds();
            var t0 = Stopwatch.GetTimestamp();
            var row = await registry.SnapshotAsync(start.AddDays((double)written / perDay), ct);
            Console.WriteLine($"snapshot of entry {row.Sequence:N0}: {Stopwatch.GetElapsedTime(t0).TotalMilliseconds:F0} ms wall, {CpuTime.ProcessMilliseconds() - before:F0} ms CPU, {(await registry.SnapshotsAsync(ct))[0].Sha256[..8]}");
        }
        if (File.Exists(db))
        {
            Console.WriteLine($"database file: {new FileInfo(db).Length / 1048576.0:N0} MB");
        }
    }

    /// <summary>
    /// The registry's start on a stored journal, as a process meets it: a new <see cref="RegistryService"/> restores the
    /// newest snapshot and replays the tail on its first read. Prints wall and process CPU, the snapshot restored and the
    /// entries replayed after it.
    /// </summary>
    public static int Start(string[] args)
    {
        var db = Text(args, "--db") ?? throw new ArgumentException("registry-start needs --db DB");
        var ct = CancellationToken.None;
        var cpu = CpuTime.ProcessMilliseconds();
        var t0 = Stopwatch.GetTimestamp();
        var (restored, last, keys) = Task.Run(async () =>
        {
            await using var store = await SqlStore.OpenAsync(db, ct);
            using var registry = new RegistryService(store);
            var (last, keys) = await registry.QueryAsync((l, _) => (l.LastProposalId, l.KeysInMemory), ct);
            return (registry.RestoredFrom, last, keys);
        }).GetAwaiter().GetResult();
        var journal = Task.Run(async () =>
        {
            await using var store = await SqlStore.OpenAsync(db, ct);
            return await store.ReadAsync(s => s.Journal.LastSequenceAsync(), ct);
        }).GetAwaiter().GetResult();
        Console.WriteLine($"registry start: {Stopwatch.GetElapsedTime(t0).TotalMilliseconds:F0} ms wall, {CpuTime.ProcessMilliseconds() - cpu:F0} ms process CPU (open, migrations check, restore, tail); restored from the snapshot of entry {restored ?? 0:N0}, journal head {journal:N0} ({journal - (restored ?? 0):N0} entries after it); proposal {last:N0}, {keys:N0} keys in memory; load {Load()}");
        return 0;
    }

    private static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static long Option(string[] args, string name, long fallback) =>
        Text(args, name) is { } value ? long.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static int Option(string[] args, string name, int fallback) =>
        Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
