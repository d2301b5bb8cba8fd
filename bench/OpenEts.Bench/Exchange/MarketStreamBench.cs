using System.Diagnostics;
using System.Globalization;

namespace OpenEts.Bench.Exchange;

/// <summary>
/// Live market data to many subscribers (issue 12's third speed target: 1 000 concurrent streaming subscribers each receive
/// a depth update within 50 ms of the trade). S clients in this process hold the server's server-sent-event stream of the
/// demo instrument open (<c>GET /api/v1/market/GDEA-2017/stream</c>); in each of R rounds a one-lot sell rests, the
/// streams settle, then a one-lot buy trades with it, and each subscriber's first update after the trade is timed twice:
/// <list type="bullet">
/// <item><b>from the trade:</b> from the trade's own timestamp as the server stamped it (<c>trades[0].at</c> in the buy's
/// answer: the server's clock when the exchange took the buy, before it matched, committed and answered; 100 ns ticks of
/// the machine's real-time clock, which this process shares) to the subscriber's receipt on the same clock;</item>
/// <item><b>from the buy being sent:</b> an upper bound that also holds the request's way in, reported beside the buy's
/// own round trip.</item>
/// </list>
/// p50, p99 and max over every subscriber and round; the spread of one round's receipts (first to last subscriber: the
/// fan-out's own share); the server's CPU seconds and this process's (its readers share the machine's cores).
/// </summary>
internal static class MarketStreamBench
{
    public static int Run(string[] args)
    {
        var subscribers = Registry.RegistryBench.Option(args, "--subscribers", 1_000);
        var rounds = Registry.RegistryBench.Option(args, "--rounds", 20);
        // Rounds run first and not counted: 1 warms the JIT on both sides; about 30 more let the tiered JIT finish
        // recompiling the order path (a method is recompiled after 30 calls), as on a server that has been trading.
        var warmup = Registry.RegistryBench.Option(args, "--warmup", 1);
        return DemoServer.ServerDll(args) is { } dll ? RunAsync(dll, subscribers, rounds, warmup).GetAwaiter().GetResult() : 2;
    }

    private static async Task<int> RunAsync(string dll, int count, int rounds, int warmup)
    {
        Console.WriteLine($"market-stream bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {count:N0} subscribers, "
            + $"{rounds} rounds after {warmup} not counted; load average {DemoServer.Load}");
        await using var server = await DemoServer.StartAsync(dll, rounds + warmup + 10).ConfigureAwait(false);
        using var buyer = server.Client("power-a", 4);
        using var seller = server.Client("cement-a", 4);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = count + 10, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var streams = new HttpClient(handler) { BaseAddress = new Uri(server.BaseUrl), Timeout = Timeout.InfiniteTimeSpan };
        using var stop = new CancellationTokenSource();
        var subscribers = Enumerable.Range(0, count).Select(_ => new Subscriber()).ToArray();
        var reading = subscribers.Select(s => Task.Run(() => s.ReadAsync(streams, stop.Token))).ToArray();
        if (!await UntilAsync(() => subscribers.All(s => s.Version >= 0), TimeSpan.FromMinutes(2)).ConfigureAwait(false))
        {
            Console.Error.WriteLine($"only {subscribers.Count(s => s.Version >= 0)} of {count} subscribers got the first update");
            return 1;
        }
        var price = server.Reference;
        var latencies = new List<double>(count * rounds);
        var fromTrade = new List<double>(count * rounds);
        var orderTrips = new List<double>(rounds);
        var byRound = new List<(int Round, double First, double Last, double Trip, double Paused)>(rounds);
        var missed = 0;
        var cpu = server.Cpu();
        var benchCpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var r = -warmup; r < rounds; r++)
        {
            // Rounds below 0 warm up.
            await server.OrderAsync(seller, sell: true, price, 1, $"stream-sell-{r}").ConfigureAwait(false);
            await Task.Delay(200).ConfigureAwait(false);
            await UntilAsync(() => subscribers.Select(s => s.Version).Distinct().Count() == 1, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            var baseline = subscribers.Max(s => s.Version);
            var paused = GC.GetTotalPauseDuration();
            var sent = Stopwatch.GetTimestamp();
            var sentWall = DateTimeOffset.UtcNow;
            foreach (var s in subscribers)
            {
                s.Arm(baseline, sent);
            }
            var answer = await server.OrderAsync(buyer, sell: false, price, 1, $"stream-buy-{r}").ConfigureAwait(false);
            var trip = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            if (answer.GetProperty("trades").GetArrayLength() != 1)
            {
                Console.Error.WriteLine($"round {r}: the buy did not trade");
                return 1;
            }
            var all = await UntilAsync(() => subscribers.All(s => s.Received is not null), TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            // This process's own pauses for garbage collection in the round: its readers' receipts wait for them too.
            paused = GC.GetTotalPauseDuration() - paused;
            if (r < 0)
            {
                continue;
            }
            orderTrips.Add(trip);
            // The trade's timestamp on this process's timeline: the same real-time clock, read beside the monotonic one at `sent`.
            var tradeAfterSent = (answer.GetProperty("trades")[0].GetProperty("at").GetDateTimeOffset() - sentWall).TotalMilliseconds;
            var first = double.MaxValue;
            var last = double.MinValue;
            foreach (var s in subscribers)
            {
                if (s.Received is { } ms)
                {
                    latencies.Add(ms);
                    fromTrade.Add(ms - tradeAfterSent);
                    first = Math.Min(first, ms);
                    last = Math.Max(last, ms);
                }
                else
                {
                    missed++;
                }
            }
            if (last >= first)
            {
                byRound.Add((r, first - tradeAfterSent, last - tradeAfterSent, trip, paused.TotalMilliseconds));
            }
            if (!all)
            {
                Console.Error.WriteLine($"round {r}: {subscribers.Count(s => s.Received is null)} subscribers got no update within 10 s");
            }
        }
        var serverCpu = server.Cpu() - cpu;
        var readersCpu = Process.GetCurrentProcess().TotalProcessorTime - benchCpu;
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(reading).ConfigureAwait(false);
        var sorted = latencies.Order().ToArray();
        var sortedFromTrade = fromTrade.Order().ToArray();
        var withinOfTrade = sortedFromTrade.Count(ms => ms <= 50);
        var trips = orderTrips.Order().ToArray();
        var spread = byRound.Select(x => x.Last - x.First).Order().ToArray();
        var within = sorted.Count(ms => ms <= 50);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} subscribers × {rounds} trades: update from the trade's server timestamp p50 {DemoServer.Quantile(sortedFromTrade, 0.5):F1} ms, "
            + $"p99 {DemoServer.Quantile(sortedFromTrade, 0.99):F1} ms, max {DemoServer.Quantile(sortedFromTrade, 1):F1} ms "
            + $"({100.0 * withinOfTrade / Math.Max(1, sortedFromTrade.Length):F1} % within 50 ms; target: every one within 50 ms of the trade); "
            + $"update p50 {DemoServer.Quantile(sorted, 0.5):F1} ms, "
            + $"p99 {DemoServer.Quantile(sorted, 0.99):F1} ms, max {DemoServer.Quantile(sorted, 1):F1} ms from the buy being sent "
            + $"({100.0 * within / Math.Max(1, sorted.Length):F1} % within 50 ms); "
            + $"{missed} missed; the buy's own round trip p50 {DemoServer.Quantile(trips, 0.5):F1} ms, max {DemoServer.Quantile(trips, 1):F1} ms; "
            + $"first to last subscriber's receipt in a round p50 {DemoServer.Quantile(spread, 0.5):F1} ms, max {DemoServer.Quantile(spread, 1):F1} ms; "
            + $"server process {serverCpu.TotalSeconds:F2} s CPU, this process (the subscribers and the orders) {readersCpu.TotalSeconds:F2} s CPU; "
            + $"load average {DemoServer.Load}"));
        // The rounds whose last receipt came latest: whether a late round started late (its first receipt) or spread wide.
        Console.WriteLine("latest rounds (from the trade: first receipt / last receipt; the buy's round trip; this process's GC pauses): "
            + string.Join("; ", byRound.OrderByDescending(x => x.Last).Take(3).Select(x => string.Create(CultureInfo.InvariantCulture,
                $"round {x.Round}: {x.First:F1} / {x.Last:F1} ms; {x.Trip:F1} ms; {x.Paused:F1} ms"))));
        return missed == 0 ? 0 : 1;
    }

    private static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > limit)
            {
                return false;
            }
            await Task.Delay(2).ConfigureAwait(false);
        }
        return true;
    }

    // One subscriber: reads the stream's events and notes the first one past the armed version.
    private sealed class Subscriber
    {
        private long _version = -1;
        private long _after = long.MaxValue;
        private long _sent;
        private long _received = -1;

        public long Version => Interlocked.Read(ref _version);

        public double? Received => Interlocked.Read(ref _received) is var ticks and >= 0
            ? ticks * 1000.0 / Stopwatch.Frequency
            : null;

        public void Arm(long after, long sent)
        {
            Interlocked.Exchange(ref _received, -1);
            _sent = sent;
            Interlocked.Exchange(ref _after, after);
        }

        public async Task ReadAsync(HttpClient client, CancellationToken ct)
        {
            try
            {
                using var response = await client.GetAsync($"/api/v1/market/{ExchangeHttpBench.Instrument}/stream",
                    HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false));
                while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
                {
                    if (!line.StartsWith("id:", StringComparison.Ordinal)
                        || !long.TryParse(line.AsSpan(3).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                    {
                        continue;
                    }
                    if (version > Interlocked.Read(ref _after) && Interlocked.Read(ref _received) < 0)
                    {
                        Interlocked.Exchange(ref _received, Stopwatch.GetTimestamp() - _sent);
                    }
                    Interlocked.Exchange(ref _version, version);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The run is over.
            }
        }
    }
}
