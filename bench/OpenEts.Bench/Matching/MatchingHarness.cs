using System.Diagnostics;
using System.Globalization;
using OpenEts.Matching;

namespace OpenEts.Bench.Matching;

/// <summary>
/// Plain harness: orders/s on one thread and p50/p99/p99.9 latency per input for two workloads, then a book grown to
/// 10 M resting orders with the rate per million. Throughput and latency are separate passes so the two
/// <see cref="Stopwatch.GetTimestamp"/> calls per input do not count against throughput.
/// </summary>
internal static class MatchingHarness
{
    private static long _lastAllocated;

    public static int Run(string[] args)
    {
        bool quick = args.Contains("--quick");
        int mixCount = quick ? 1_000_000 : 5_000_000;
        int insertCount = quick ? 1_000_000 : 5_000_000;
        int growthCount = quick ? 1_000_000 : 10_000_000;

        Print($"matching harness: {Environment.ProcessorCount} cores, .NET {Environment.Version}, Stopwatch {Stopwatch.Frequency} Hz");
        var empty = new LatencyHistogram();
        for (int i = 0; i < 1_000_000; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            empty.Record(Stopwatch.GetTimestamp() - t0);
        }

        Print($"timer overhead (two GetTimestamp calls, nothing between): p50 {empty.Percentile(0.5)} ns, p99 {empty.Percentile(0.99)} ns; included in the latencies below");

        // --capacity N presizes the books of (a) and (b), to compare with the default a user gets.
        int capacityAt = Array.IndexOf(args, "--capacity");
        int? capacity = capacityAt >= 0 && capacityAt + 1 < args.Length ? int.Parse(args[capacityAt + 1], CultureInfo.InvariantCulture) : null;
        int only = Array.IndexOf(args, "--only");
        string which = only >= 0 && only + 1 < args.Length ? args[only + 1] : "abc";
        if (which.Contains('a', StringComparison.Ordinal))
        {
            Command[] mix = Workloads.ExchangeCoreMix(mixCount, 1_000, out int prefill);
            // Every workload runs on a book at the default capacity: a user does not presize for a stream not yet seen.
            Measure("(a) exchange-core mix 82/9/2+1/6 (moves/limit/IOC+FOK/cancels), ~1000 live", Workloads.MixSettings, mix, prefill, capacity);
        }

        if (which.Contains('b', StringComparison.Ordinal))
        {
            Command[] inserts = Workloads.LiquibookInserts(insertCount);
            Measure("(b) liquibook inserts", Workloads.InsertSettings, inserts, 0, capacity);
        }

        if (which.Contains('c', StringComparison.Ordinal))
        {
            Growth(Workloads.Growth(growthCount / 10), print: false);
            Growth(Workloads.Growth(growthCount), print: true);
        }

        Print($"GC: gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}, pause {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, allocated {GC.GetTotalAllocatedBytes() / 1_000_000} MB");
        return 0;
    }

    private static void Measure(string name, InstrumentSettings settings, Command[] commands, int prefill, int? capacity)
    {
        var trades = new TradeBuffer(4_096);

        // Warm-up: get the JIT to its final tier on this exact stream.
        Throughput(settings, commands, prefill, capacity, trades, out _, out _);
        Throughput(settings, commands, prefill, capacity, trades, out _, out _);

        double best = 0;
        long tradeCount = 0;
        int endOrders = 0;
        for (int round = 0; round < 3; round++)
        {
            double rate = Throughput(settings, commands, prefill, capacity, trades, out tradeCount, out endOrders);
            best = Math.Max(best, rate);
        }

        var histogram = new LatencyHistogram();
        var book = Prefilled(settings, commands, prefill, capacity, trades);
        for (int i = prefill; i < commands.Length; i++)
        {
            trades.Clear();
            long t0 = Stopwatch.GetTimestamp();
            book.Process(commands[i], trades);
            long t1 = Stopwatch.GetTimestamp();
            histogram.Record(t1 - t0);
        }

        Print($"{name}: {commands.Length - prefill:N0} inputs, {tradeCount:N0} trades, {endOrders:N0} resting at end");
        Print($"  throughput (best of 3): {best / 1e6:F2} M inputs/s; bytes allocated in the timed loop: {_lastAllocated}");
        Print($"  latency per input: p50 {histogram.Percentile(0.5)} ns, p99 {histogram.Percentile(0.99)} ns, p99.9 {histogram.Percentile(0.999)} ns");
    }

    private static OrderBook Prefilled(InstrumentSettings settings, Command[] commands, int prefill, int? capacity, TradeBuffer trades)
    {
        var book = capacity is { } c ? new OrderBook(settings, c) : new OrderBook(settings);
        for (int i = 0; i < prefill; i++)
        {
            trades.Clear();
            book.Process(commands[i], trades);
        }

        return book;
    }

    private static double Throughput(
        InstrumentSettings settings, Command[] commands, int prefill, int? capacity, TradeBuffer trades, out long tradeCount, out int endOrders)
    {
        OrderBook book = Prefilled(settings, commands, prefill, capacity, trades);
        tradeCount = 0;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        for (int i = prefill; i < commands.Length; i++)
        {
            trades.Clear();
            tradeCount += book.Process(commands[i], trades).TradeCount;
        }

        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        _lastAllocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        endOrders = book.OrderCount;
        return (commands.Length - prefill) / seconds;
    }

    private static void Growth(Command[] commands, bool print)
    {
        var book = new OrderBook(Workloads.MixSettings);
        var trades = new TradeBuffer();
        const int Block = 1_000_000;
        var rates = new List<string>();
        long allStart = Stopwatch.GetTimestamp();
        for (int from = 0; from < commands.Length; from += Block)
        {
            int to = Math.Min(commands.Length, from + Block);
            long start = Stopwatch.GetTimestamp();
            for (int i = from; i < to; i++)
            {
                trades.Clear();
                book.Process(commands[i], trades);
            }

            rates.Add(((to - from) / Stopwatch.GetElapsedTime(start).TotalSeconds / 1e6).ToString("F2", CultureInfo.InvariantCulture));
        }

        double total = commands.Length / Stopwatch.GetElapsedTime(allStart).TotalSeconds / 1e6;
        if (print)
        {
            Print($"(c) growth to {book.OrderCount:N0} resting orders (non-crossing), M inputs/s per million: {string.Join(' ', rates)}; overall {total:F2} M/s");
        }
    }

    private static void Print(FormattableString line) => Console.WriteLine(FormattableString.Invariant(line));
}
