using System.Diagnostics;
using OpenEts.Application.Journal;
using OpenEts.Domain.Journal;
using OpenEts.Storage;

namespace OpenEts.Bench.Registry;

/// <summary>
/// The journal's hash chain alone, over a stored journal (a SQLite file or a PostgreSQL connection string), in entries
/// per second of wall time and per CPU-second: reading the entries only (<c>ReadAllAsync</c>, what a replay reads); reading
/// them and recomputing every SHA-256 and link on <see cref="JournalEntry"/> objects (<see cref="JournalChainCheck"/>, what
/// <c>ets registry verify</c> does besides replaying); the same from the stored bytes in one stream
/// (<c>CheckChainAsync</c>); and in segments on every core (<see cref="JournalChain"/>, the audit log's check).
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
        var ct = CancellationToken.None;
        await using var store = await SqlStore.OpenAsync(db, ct);
        await Time("read entries only          ", async () => await store.ReadAsync(async s =>
        {
            var read = 0L;
            await foreach (var _ in s.Journal.ReadAllAsync(1))
            {
                read++;
            }
            return (read, (JournalBreak?)null);
        }, ct));
        await Time("read entries + hash chain  ", async () => await store.ReadAsync(async s =>
        {
            var chain = new JournalChainCheck();
            var read = 0L;
            await foreach (var entry in s.Journal.ReadAllAsync(1))
            {
                read++;
                chain.Add(entry);
            }
            return (read, chain.Break);
        }, ct));
        await Time("stored bytes, one stream   ", async () => await store.ReadAsync(async s =>
        {
            var chain = new JournalChainCheck();
            await s.Journal.CheckChainAsync(chain, await s.Journal.LastSequenceAsync());
            return (chain.Checked, chain.Break);
        }, ct));
        await Time($"segments on {Environment.ProcessorCount} cores         ", async () =>
        {
            var result = await new JournalChain(store).CheckAsync(ct);
            return (result.Checked, result.Break);
        });
    }

    private static async Task Time(string what, Func<Task<(long Entries, JournalBreak? Break)>> run)
    {
        var (cpu, wall) = (CpuTime.ProcessMilliseconds(), Stopwatch.StartNew());
        var (entries, broken) = await run();
        var used = (CpuTime.ProcessMilliseconds() - cpu) / 1000;
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"{what}: {entries:N0} entries in {wall.Elapsed.TotalSeconds:F2} s wall "
            + $"({entries / wall.Elapsed.TotalSeconds:N0}/s), {used:F2} s CPU ({entries / used:N0} per CPU-second)"
            + (broken is { } b ? $"; first break at entry {b.Sequence}: {b.Reason}" : "; intact")
            + $"; GC heap {GC.GetTotalMemory(false) / 1_000_000} MB, peak working set {process.PeakWorkingSet64 / 1_000_000} MB"
            + $"; load {File.ReadAllText("/proc/loadavg")[..14]}");
    }
}
