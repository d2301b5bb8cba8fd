using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using OpenEts.Application.Identity;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Storage;
using OpenEts.Streaming.Inclusion;

namespace OpenEts.Bench.Inclusion;

/// <summary>
/// Carbon inclusion through NATS JetStream, end to end: a generator in a second process (this program, verb
/// <c>inclusion-jetstream-generate</c>) appends N partner events to the stream through <see cref="JetStreamInclusionLog"/>
/// while this process runs an <see cref="InclusionStreamWorker"/> into SQLite; then the stream's own ceiling, a consumer
/// that only fetches and acknowledges. Wall time and CPU seconds of both processes (the machine is shared).
/// </summary>
internal static class InclusionJetStreamBench
{
    private const string Programme = "shenzhen-tanpuhui";

    // The generator's partner batches, and how many it has in flight at once.
    private const int GeneratorBatch = 2_000;

    private const int InFlightBatches = 8;

    public static int Run(string[] args)
    {
        var events = Option(args, "--events", 100_000);
        var citizens = Option(args, "--citizens", 10_000);
        RunAsync(events, citizens, Text(args, "--nats"), Option(args, "--warmup", 100_000)).GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>The generator process: appends the events as partner <c>--partner</c>, prints its rate and CPU.</summary>
    public static int Generate(string[] args)
    {
        var events = Option(args, "--events", 100_000);
        var citizens = Option(args, "--citizens", 10_000);
        var partner = Option(args, "--partner", 1);
        GenerateAsync(Text(args, "--nats")!, events, citizens, partner, Text(args, "--prefix") ?? "e", Option(args, "--days-back", 0))
            .GetAwaiter().GetResult();
        return 0;
    }

    private static async Task GenerateAsync(string url, int events, int citizens, long partner, string prefix, int daysBack)
    {
        await using var connection = new NatsConnection(new NatsOpts { Url = url, Name = "bench-generator" });
        var log = new JetStreamInclusionLog(new InclusionStream(new NatsJSContext(connection), new InclusionStreamOptions()));
        var now = DateTimeOffset.UtcNow.AddDays(-daysBack);
        var time = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        // Batches appended concurrently (each pipelines its own publishes), as a server taking several partners' requests does.
        var starts = Enumerable.Range(0, (events + GeneratorBatch - 1) / GeneratorBatch).Select(b => b * GeneratorBatch);
        await Parallel.ForEachAsync(starts, new ParallelOptions { MaxDegreeOfParallelism = InFlightBatches }, async (start, ct) =>
        {
            var forms = new List<RecordActions.ActionForm>();
            for (var i = start; i < Math.Min(events, start + GeneratorBatch); i++)
            {
                forms.Add(new RecordActions.ActionForm(prefix + i.ToString(CultureInfo.InvariantCulture), "gate-" + (i % 7).ToString(CultureInfo.InvariantCulture),
                    i % 2 == 0 ? "metro" : "bus",
                    now.AddMinutes(-5 - (i % 20_000) - 37 * (i / 20_000)).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                    1m + (i % 13), 30m, null, Name(i % citizens)));
            }
            if (!RecordActions.TryParse(new RecordActions.Form(Programme, forms), InclusionProgrammes.Shipped, out var command, out var errors))
            {
                throw new InvalidOperationException(string.Join("; ", errors.Select(e => e.Message)));
            }
            await log.AppendAsync(partner, Programme, command.Items, ct);
        });
        var seconds = time.Elapsed.TotalSeconds;
        Console.WriteLine($"generator (second process): {events:N0} events appended in {seconds:F2} s = {events / seconds:N0} events/s, "
            + $"{(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} CPU s");
    }

    private static async Task RunAsync(int events, int citizens, string? url, int warm)
    {
        OpenEts.Bench.Exchange.ExchangeHttpBench.WriteBack();
        var folder = Directory.CreateTempSubdirectory("openets-jetstream-bench");
        Process? nats = null;
        try
        {
            if (url is null)
            {
                var port = FreePort();
                nats = Process.Start(new ProcessStartInfo("/usr/sbin/nats-server", ["-js", "-a", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture),
                    "-sd", Path.Combine(folder.FullName, "nats")]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
                url = $"nats://127.0.0.1:{port}";
                await Task.Delay(1_000);
            }
            await using var store = await SqlStore.OpenAsync(Path.Combine(folder.FullName, "inclusion.db"), CancellationToken.None);
            var partner = await store.WriteAsync(async s =>
            {
                for (var i = 0; i < citizens; i++)
                {
                    await s.Users.InsertAsync(new UserRecord(0, Name(i), "bench", Role.Citizen, null, "x", 0, null), DateTimeOffset.UtcNow);
                }
                return (await s.Inclusion.InsertPartnerAsync(new InclusionPartner(0, "bench", new PartnerScope(Programme, [Behaviour.Metro, Behaviour.Bus]),
                    "oetsp_benc", "bench", DateTimeOffset.UtcNow, "bench", null))).Id;
            }, CancellationToken.None);
            using var registry = new RegistryService(store);
            var handler = InclusionCommandHandler.Over(store, registry, TimeProvider.System);
            await using var connection = new NatsConnection(new NatsOpts { Url = url, Name = "bench-worker" });
            var stream = new InclusionStream(new NatsJSContext(connection), new InclusionStreamOptions());
            await stream.EnsureAsync(CancellationToken.None);
            var worker = new InclusionStreamWorker(stream, handler, store, NullLogger<InclusionStreamWorker>.Instance);

            var self = Environment.ProcessPath!;
            Process Generator(int count, string prefix, int daysBack)
            {
                var generatorArgs = new List<string>();
                if (!self.EndsWith("OpenEts.Bench", StringComparison.Ordinal))
                {
                    generatorArgs.Add(typeof(InclusionJetStreamBench).Assembly.Location);
                }
                generatorArgs.AddRange(["inclusion-jetstream-generate", "--nats", url, "--events", count.ToString(CultureInfo.InvariantCulture),
                    "--citizens", citizens.ToString(CultureInfo.InvariantCulture), "--partner", partner.ToString(CultureInfo.InvariantCulture),
                    "--prefix", prefix, "--days-back", daysBack.ToString(CultureInfo.InvariantCulture)]);
                return Process.Start(new ProcessStartInfo(self, generatorArgs) { RedirectStandardOutput = true })!;
            }
            using var stop = new CancellationTokenSource();
            var running = worker.RunAsync(stop.Token);
            // Warm-up, not measured: --warmup events fifteen days earlier through the same worker, then a wait until this
            // process is idle (its background JIT done tiering up the path), so that the measured figure is a running
            // worker's cost rather than its start-up's.
            var warmup = 0;
            if (warm > 0)
            {
                using var warming = Generator(warm, "w", 15);
                await warming.StandardOutput.ReadToEndAsync();
                await warming.WaitForExitAsync();
                while (worker.Applied < warm)
                {
                    await Task.Delay(50);
                    if (running.IsFaulted)
                    {
                        await running;
                    }
                }
                warmup = (int)worker.Applied;
                var last = Process.GetCurrentProcess().TotalProcessorTime;
                for (var waited = 0; waited < 60; waited++)
                {
                    await Task.Delay(1000);
                    var now = Process.GetCurrentProcess().TotalProcessorTime;
                    if ((now - last).TotalSeconds < 0.02)
                    {
                        break;
                    }
                    last = now;
                }
            }
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var natsBefore = nats is null ? TimeSpan.Zero : OpenEts.Bench.Exchange.ExchangeHttpBench.ProcessCpu(nats);
            var idleBefore = MachineIdle.Read();
            var (allocatedBefore, gen0Before, gen2Before, pausedBefore) = (GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(2),
                GC.GetTotalPauseDuration());
            var time = Stopwatch.StartNew();
            using var generator = Generator(events, "e", 0);
            while (worker.Applied < warmup + events)
            {
                await Task.Delay(50);
                if (running.IsFaulted)
                {
                    await running;
                }
            }
            var seconds = time.Elapsed.TotalSeconds;
            var natsCpu = nats is null ? (double?)null : (OpenEts.Bench.Exchange.ExchangeHttpBench.ProcessCpu(nats) - natsBefore).TotalSeconds;
            var idle = MachineIdle.Since(idleBefore);
            var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
            var (gen0, gen2, paused) = (GC.CollectionCount(0) - gen0Before, GC.CollectionCount(2) - gen2Before, GC.GetTotalPauseDuration() - pausedBefore);
            await stop.CancelAsync();
            await running;
            var workerCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.Write(await generator.StandardOutput.ReadToEndAsync());
            await generator.WaitForExitAsync();
            var counted = await store.ReadAsync(async s =>
            {
                var sum = 0L;
                for (var i = 0; i < citizens; i++)
                {
                    var user = await s.Users.FindByNameAsync(Name(i));
                    sum += (await s.Inclusion.WalletAsync(user!.Id, Programme))?.Actions ?? 0;
                }
                return sum;
            }, CancellationToken.None);
            Console.WriteLine($"end to end through JetStream into SQLite (RecordActions, batches of {stream.Options.Batch:N0}): {events:N0} events in {seconds:F2} s = "
                + $"{events / seconds:N0} events/s; worker process {workerCpu:F1} CPU s ({1e6 * workerCpu / events:F1} µs an event); "
                + (natsCpu is { } n ? $"nats-server {n:F1} CPU s ({1e6 * n / events:F1} µs an event); " : "")
                + $"the machine idle {idle}; the worker allocated {allocated / events:N0} bytes an event, {gen0} collections ({gen2} of generation 2), "
                + $"paused {paused.TotalMilliseconds:F0} ms; {counted - warmup:N0} counted in the wallets (after the warm-up's {warmup:N0})");

            // The stream's own ceiling: a second durable consumer that only fetches, reads and acknowledges.
            var js = new NatsJSContext(connection);
            var consumer = await js.CreateOrUpdateConsumerAsync(stream.Options.Stream, new ConsumerConfig("bench-drain")
            {
                AckPolicy = ConsumerConfigAckPolicy.Explicit, MaxAckPending = 20_000,
            });
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            time.Restart();
            var drained = 0;
            while (drained < events)
            {
                // What is there now, without waiting out a fetch's expiry at the stream's end.
                await foreach (var msg in consumer.FetchNoWaitAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = 5_000 }))
                {
                    // A message holds a shard's share of a batch: its actions are counted, read as the worker reads them.
                    drained += StreamedActions.Read(msg.Headers, msg.Data)?.Actions.Count ?? 1;
                    await msg.AckAsync();
                }
            }
            seconds = time.Elapsed.TotalSeconds;
            Console.WriteLine($"stream only (fetch + read + ack, no store): {drained:N0} events in {seconds:F2} s = {drained / seconds:N0} events/s, "
                + $"{(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} CPU s");
        }
        finally
        {
            if (nats is { HasExited: false })
            {
                nats.Kill();
                await nats.WaitForExitAsync();
            }
            nats?.Dispose();
            folder.Delete(recursive: true);
        }
    }

    private static string Name(int i) => "c" + i.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int Option(string[] args, string name, int fallback) =>
        Text(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? Text(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
