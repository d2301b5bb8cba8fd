using System.Diagnostics;
using OpenEts.Domain.Journal;
using OpenEts.Storage;

namespace OpenEts.Bench.Registry;

/// <summary>
/// The journal's hash chain alone, over a stored journal (a SQLite file or a PostgreSQL connection string): one pass that
/// only reads the entries, then one that reads them and recomputes every SHA-256 and link (<see cref="JournalChainCheck"/>,
/// what <c>ets registry verify</c> does besides replaying), each in entries per second of wall time and per CPU-second.
/// </summary>
internal static class JournalChainBench
{
    public static int Run(string[] args)
    {
        var i = Array.IndexOf(args, "--db");
        if (i < 0 || i + 1 >= args.Length)
        {
            Console.Error.WriteLine("usage: OpenEts.Bench journal-chain --db DB");
            return 2;
        }
        Measure(args[i + 1]).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task Measure(string db)
    {
        await using var store = await SqlStore.OpenAsync(db, CancellationToken.None);
        foreach (var hash in new[] { false, true })
        {
            var (cpu, wall) = (Process.GetCurrentProcess().TotalProcessorTime, Stopwatch.StartNew());
            var (entries, broken) = await store.ReadAsync(async s =>
            {
                var chain = new JournalChainCheck();
                var read = 0L;
                await foreach (var entry in s.Journal.ReadAllAsync(1))
                {
                    read++;
                    if (hash)
                    {
                        chain.Add(entry);
                    }
                }
                return (read, chain.Break);
            }, CancellationToken.None);
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"{(hash ? "read + hash chain" : "read only        ")}: {entries:N0} entries in {wall.Elapsed.TotalSeconds:F1} s wall "
                + $"({entries / wall.Elapsed.TotalSeconds:N0}/s), {used:F1} s CPU ({entries / used:N0} per CPU-second)"
                + (broken is { } b ? $"; first break at entry {b.Sequence}: {b.Reason}" : "; intact")
                + $"; GC heap {GC.GetTotalMemory(false) / 1_000_000} MB; load {File.ReadAllText("/proc/loadavg")[..14]}");
        }
    }
}
