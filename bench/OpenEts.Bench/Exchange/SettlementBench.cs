using System.Diagnostics;
using System.Globalization;

namespace OpenEts.Bench.Exchange;

/// <summary>
/// Settlement into the registry (issue 12's second speed target, ≥ 20 000 trades/s batched), end to end through the
/// server: every trade settles delivery versus payment — the buyer's reservation pays the seller and both fees in the cash
/// ledger, the registry delivers the units from the clearing account to the buyer, the trade is stored and journalled.
/// <list type="number">
/// <item><b>one order, many trades:</b> N one-lot sells rest at one price (placed first, not measured); one buy of N lots
/// then trades with all of them, and its N trades settle in its one transaction before its answer;</item>
/// <item><b>many orders, group commit:</b> N more one-lot sells rest; N one-lot buys from C clients each trade once, and the
/// exchange's group commit settles the trades of many requests in one transaction.</item>
/// </list>
/// Wall time, the server's CPU seconds and the load average for each.
/// </summary>
internal static class SettlementBench
{
    public static int Run(string[] args)
    {
        var trades = Math.Min(Registry.RegistryBench.Option(args, "--trades", 20_000), 99_999);
        var clients = Registry.RegistryBench.Option(args, "--clients", 64);
        var warm = Math.Clamp(Registry.RegistryBench.Option(args, "--warm", 200), 1, 99_999);
        var sweepOnly = args.Contains("--sweep-only");
        return DemoServer.ServerDll(args) is { } dll ? RunAsync(dll, trades, clients, warm, sweepOnly).GetAwaiter().GetResult() : 2;
    }

    private static async Task<int> RunAsync(string dll, int trades, int clients, int warm, bool sweepOnly)
    {
        Console.WriteLine($"exchange-settlement bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {trades:N0} trades, "
            + $"{clients} clients, a warm-up sweep of {warm:N0}; load average {DemoServer.Load}");
        await using var server = await DemoServer.StartAsync(dll, 3m * (trades + warm)).ConfigureAwait(false);
        using var buyer = server.Client("power-a", clients);
        using var seller = server.Client("cement-a", clients);
        var price = server.Reference;

        // Warm-up: a sweep of its own (200 trades unless --warm), so that the JIT and pools are less measured.
        await RestingSellsAsync(server, seller, warm, clients, price, "warm").ConfigureAwait(false);
        await server.OrderAsync(buyer, sell: false, price, warm, "warm-sweep").ConfigureAwait(false);

        await RestingSellsAsync(server, seller, trades, clients, price, "sweep").ConfigureAwait(false);
        var cpu = server.Cpu();
        var start = Stopwatch.GetTimestamp();
        // The sweep is timed until its answer (every trade, about 167 bytes each) has been read whole, not parsed: parsing
        // 6.7 MB took this process about 0.1 s, a cost of the generator, not of the server.
        var (answer, headers, answered) = await server.TimedOrderAsync(buyer, sell: false, price, trades, "sweep-buy").ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"the answer began after {headers.TotalSeconds:F3} s (its transaction committed) and was read whole after {answered.TotalSeconds:F3} s"));
        // The sweep's window on the monotonic clock (Stopwatch's on Linux), for `perf report --time` of a recording made
        // with `perf record -k CLOCK_MONOTONIC`.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sweep window (monotonic seconds, for perf report --time): {Monotonic(start):F6},{Monotonic(start) + answered.TotalSeconds:F6}"));
        var settled = answer.GetProperty("trades").GetArrayLength();
        Report("one buy trading with every resting sell", settled, answered, server.Cpu() - cpu);
        if (sweepOnly)
        {
            return settled == trades ? 0 : 1;
        }

        await RestingSellsAsync(server, seller, trades, clients, price, "group").ConfigureAwait(false);
        cpu = server.Cpu();
        var watch = Stopwatch.StartNew();
        var groupSettled = 0;
        await DemoServer.ConcurrentlyAsync(trades, clients, async i =>
        {
            var done = await server.OrderAsync(buyer, sell: false, price, 1, $"group-buy-{i}").ConfigureAwait(false);
            Interlocked.Add(ref groupSettled, done.GetProperty("trades").GetArrayLength());
        }).ConfigureAwait(false);
        watch.Stop();
        Report($"{trades:N0} one-lot buys from {clients} clients, group commit", groupSettled, watch.Elapsed, server.Cpu() - cpu);
        return settled == trades && groupSettled == trades ? 0 : 1;
    }

    private static double Monotonic(long timestamp) => (double)timestamp / Stopwatch.Frequency;

    private static Task RestingSellsAsync(DemoServer server, HttpClient seller, int count, int clients, decimal price, string tag) =>
        DemoServer.ConcurrentlyAsync(count, clients, i => server.OrderAsync(seller, sell: true, price, 1, $"{tag}-sell-{i}"));

    private static void Report(string what, int settled, TimeSpan wall, TimeSpan cpu) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {settled:N0} trades settled delivery versus payment in {wall.TotalSeconds:F2} s = {settled / wall.TotalSeconds:N0} trades/s "
            + $"(target ≥ 20 000/s); server process {cpu.TotalSeconds:F2} s CPU = {settled / Math.Max(cpu.TotalSeconds, 0.001):N0} trades per server "
            + $"CPU-second; load average {DemoServer.Load}"));
}
