using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Npgsql;
using OpenEts.Application.Identity;
using OpenEts.Application.Inclusion;
using OpenEts.Bench.Exchange;
using OpenEts.Bench.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Storage;

namespace OpenEts.Bench.Inclusion;

/// <summary>
/// Carbon inclusion's partner API end to end (issue 13's HTTP target): the real server in its own process on a
/// PostgreSQL database made for the run (<c>OPENETS_BENCH_PG</c> or <c>OPENETS_TEST_PG</c>; dropped after), and this
/// process as the load generator — C concurrent clients post N actions of the citizens in batches of B to
/// <c>POST /api/v1/inclusion/partner/actions</c>, each batch answered once it is durable. The partners' keys and the
/// citizens are made straight in the database; the keys are spread over so many partners that the per-key rate limit
/// (60 batches a minute) never binds. Wall time, the server's and this process's CPU seconds, and PostgreSQL's
/// (its backends serving the run's database, read from /proc).
/// </summary>
internal static class InclusionHttpBench
{
    private const string Programme = "shenzhen-tanpuhui";

    public static int Run(string[] args)
    {
        var events = RegistryBench.Option(args, "--events", 200_000);
        var citizens = RegistryBench.Option(args, "--citizens", 10_000);
        var batch = Math.Min(InclusionLimits.MaxBatch, RegistryBench.Option(args, "--batch", 5_000));
        var clients = RegistryBench.Option(args, "--clients", 4);
        var warmup = RegistryBench.Option(args, "--warmup", 300);
        // The longest wait in seconds for the server to go idle after each warm-up round (0: no second round, no wait).
        var settle = RegistryBench.Option(args, "--settle", 60);
        // metro,bus (the default) are trips, checked for overlap; electricity (meter readings) is not: the two runs price
        // the overlapping-trip check.
        var behaviours = (Text(args, "--behaviours") ?? "metro,bus").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // --queue: the server takes batches into its database queue (--inclusion-queue) and records them in the
        // background; the bench then prints the intake (every batch answered once stored) and the drain (recorded).
        var queue = args.Contains("--queue");
        var server = Text(args, "--server") ?? Path.Combine(ExchangeHttpBench.RepoRoot(), "artifacts/bin/OpenEts.Server/release/OpenEts.Server.dll");
        var pg = Environment.GetEnvironmentVariable("OPENETS_BENCH_PG") is { Length: > 0 } bench
            ? bench
            : Environment.GetEnvironmentVariable("OPENETS_TEST_PG");
        if (!File.Exists(server) || string.IsNullOrEmpty(pg))
        {
            Console.Error.WriteLine($"needs the server ({server}: dotnet build -c Release src/OpenEts.Server, or --server DLL) and OPENETS_BENCH_PG");
            return 2;
        }
        var name = "openets_bench_" + Guid.NewGuid().ToString("N")[..12];
        RegistryBench.Admin(pg, $"CREATE DATABASE {name}");
        try
        {
            return RunAsync(server, new NpgsqlConnectionStringBuilder(pg) { Database = name }.ToString(), name, events, citizens, batch, clients, warmup, settle, behaviours, queue)
                .GetAwaiter().GetResult();
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            RegistryBench.Admin(pg, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static async Task<int> RunAsync(string serverDll, string db, string dbName, int events, int citizens, int batch, int clients,
        int warmup, int settle, string[] behaviours, bool queue)
    {
        Console.WriteLine($"inclusion-http bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {events:N0} actions of {citizens:N0} "
            + $"citizens in batches of {batch:N0}, {clients} clients, {warmup} warm-up batches, {string.Join('/', behaviours)}, PostgreSQL"
            + $"{(queue ? ", through the database queue" : "")}; load average {RegistryBench.LoadAverage()}");
        var work = Directory.CreateTempSubdirectory("openets-inclusion-http-");
        var baseUrl = $"http://127.0.0.1:{ExchangeHttpBench.FreePort()}";
        using var server = ExchangeHttpBench.StartServer(serverDll, db, baseUrl, work.FullName, demo: false, queue ? "--inclusion-queue" : "");
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5),
            };
            await WaitForServerAsync(http, server).ConfigureAwait(false);
            var batches = (events + batch - 1) / batch;
            // One key per 30 batches: half the per-key limit of a minute, whatever the run's speed.
            var keys = await SeedAsync(db, citizens, 1 + ((batches + warmup) / 30)).ConfigureAwait(false);
            var now = DateTimeOffset.UtcNow;
            var bodies = new byte[batches][];
            for (var b = 0; b < batches; b++)
            {
                bodies[b] = Body("e", b * batch, Math.Min(events, (b + 1) * batch), citizens, now, behaviours);
            }

            // Warm-up, not measured, with its own event ids: the connection pools, and enough small batches for the JIT's
            // optimising tier to take over every method of the batch path (a method called once a batch passes through an
            // instrumented tier before the optimised one, 30 calls each: with one warm-up batch, or 60, most of a
            // 20-batch run's server CPU went to the JIT compiling them and to their loops running unoptimised, a cost a
            // long-running server pays once).
            var warm = new byte[Math.Max(1, warmup)][];
            var size = Math.Min(batch, 20);
            for (var w = 0; w < warm.Length; w++)
            {
                // Fifteen days before the measured actions (which span about fourteen), so that none of them is an
                // overlapping trip or a capped day because of the warm-up.
                warm[w] = Body("w", w * size, (w + 1) * size, citizens, now.AddDays(-15), behaviours);
            }
            await DriveAsync(http, warm, keys, clients).ConfigureAwait(false);
            // Then, unless --settle 0, let the server's background JIT finish: a method called once a batch is queued for
            // its optimised tier only after its instrumented tier has run 30 times, and on a loaded machine that queue lags
            // behind (a profile of the measured run showed 40 % of the server's CPU in the JIT, tiering up the batch path).
            // A second warm-up round five days earlier again (so no trip or daily cap meets the first's), each round
            // followed by a wait until the server is idle; the measured run is then the cost of a server that has run for
            // a while, which is what a partner's stream meets.
            var settled = TimeSpan.Zero;
            var settleCpu = 0.0;
            if (settle > 0)
            {
                var settleStart = Stopwatch.StartNew();
                var cpu0 = ExchangeHttpBench.ProcessCpu(server);
                await SettleAsync(server, settle).ConfigureAwait(false);
                var again = new byte[warm.Length][];
                for (var w = 0; w < warm.Length; w++)
                {
                    again[w] = Body("v", w * size, (w + 1) * size, citizens, now.AddDays(-20), behaviours);
                }
                await DriveAsync(http, again, keys, clients).ConfigureAwait(false);
                await SettleAsync(server, settle).ConfigureAwait(false);
                settled = settleStart.Elapsed;
                settleCpu = (ExchangeHttpBench.ProcessCpu(server) - cpu0).TotalSeconds;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warm-up settled in {settled.TotalSeconds:F1} s (server {settleCpu:F1} CPU s, the second round's batches included)"));

            var postgres = PostgresCpu(db, dbName);
            var serverCpu = ExchangeHttpBench.ProcessCpu(server);
            var ownCpu = CpuTime.ProcessMilliseconds();
            var sent = Stopwatch.GetTimestamp();
            var watch = Stopwatch.StartNew();
            var run = await DriveAsync(http, bodies, keys, clients).ConfigureAwait(false);
            watch.Stop();
            var seconds = watch.Elapsed.TotalSeconds;
            var serverSeconds = (ExchangeHttpBench.ProcessCpu(server) - serverCpu).TotalSeconds;
            var ownSeconds = (CpuTime.ProcessMilliseconds() - ownCpu) / 1000;
            var postgresSeconds = PostgresCpu(db, dbName) - postgres;
            var sorted = run.Latencies.Order().ToArray();
            double Ms(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))] * 1000.0 / Stopwatch.Frequency;
            if (queue)
            {
                return await DrainAsync(db, dbName, server, run, events, seconds, serverSeconds, postgresSeconds, ownSeconds, Ms(0.5), Ms(1.0), sent)
                    .ConfigureAwait(false);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"PostgreSQL over HTTP (partner API, RecordActions): {run.Counted:N0} of {events:N0} actions counted durable in {seconds:F2} s = "
                + $"{events / seconds:N0} actions/s (target ≥ 100 000/s); batch latency p50 {Ms(0.5):F0} ms, max {Ms(1.0):F0} ms; "
                + $"{run.Failed} batches refused ({run.FirstFailure ?? "none"}); CPU seconds: server {serverSeconds:F1}, PostgreSQL backends "
                + $"{postgresSeconds:F1}, generator {ownSeconds:F1} = {events / Math.Max(0.001, serverSeconds + postgresSeconds):N0} actions per "
                + $"server+database CPU-second; load average {RegistryBench.LoadAverage()}"));
            return run.Failed == 0 ? 0 : 1;
        }
        finally
        {
            await ExchangeHttpBench.StopServerAsync(server).ConfigureAwait(false);
            work.Delete(recursive: true);
        }
    }

    // The queue's run: the intake as measured (every batch answered once its row was committed), then the wait until the
    // server's worker has recorded and deleted every batch, and what the database then holds of the measured actions.
    private static async Task<int> DrainAsync(string db, string dbName, Process server, RunResult run, int events, double seconds,
        double serverSeconds, double postgresSeconds, double ownSeconds, double p50, double max, long sent)
    {
        var serverCpu = ExchangeHttpBench.ProcessCpu(server);
        var postgres = PostgresCpu(db, dbName);
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync().ConfigureAwait(false);
        var deadline = Stopwatch.StartNew();
        while (await ScalarAsync(connection, "SELECT count(*) FROM inclusion_queue").ConfigureAwait(false) > 0 && deadline.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(100).ConfigureAwait(false);
        }
        var total = Stopwatch.GetElapsedTime(sent).TotalSeconds;
        var drainServer = (ExchangeHttpBench.ProcessCpu(server) - serverCpu).TotalSeconds;
        var drainPostgres = PostgresCpu(db, dbName) - postgres;
        var recorded = await ScalarAsync(connection, "SELECT count(*) FROM inclusion_event_keys WHERE event_id LIKE 'e%'").ConfigureAwait(false);
        var counted = await ScalarAsync(connection, "SELECT count(*) FROM inclusion_events WHERE event_id LIKE 'e%' AND refusal IS NULL").ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL over HTTP through the database queue: {run.Queued:N0} of {events:N0} actions queued durable in {seconds:F2} s = "
            + $"{events / seconds:N0} actions/s taken in (target ≥ 100 000/s); batch latency p50 {p50:F0} ms, max {max:F0} ms; {run.Failed} batches "
            + $"refused ({run.FirstFailure ?? "none"}); CPU seconds while taking in: server {serverSeconds:F1} (its worker recording meanwhile), "
            + $"PostgreSQL backends {postgresSeconds:F1}, generator {ownSeconds:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  recorded by the worker: {recorded:N0} stored, {counted:N0} counted, the queue empty {total:F2} s after the first batch was sent = "
            + $"{events / total:N0} actions/s end to end; CPU seconds after the intake: server {drainServer:F1}, PostgreSQL backends {drainPostgres:F1}; "
            + $"load average {RegistryBench.LoadAverage()}"));
        return run.Failed == 0 && recorded == events ? 0 : 1;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private sealed record RunResult(long[] Latencies, long Counted, long Queued, int Failed, string? FirstFailure);

    private static async Task<RunResult> DriveAsync(HttpClient http, byte[][] bodies, string[] keys, int clients)
    {
        var latencies = new long[bodies.Length];
        var next = -1;
        var counted = 0L;
        var queued = 0L;
        var failed = 0;
        string? firstFailure = null;
        async Task ClientAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Length)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inclusion/partner/actions")
                {
                    Content = new ByteArrayContent(bodies[i]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
                };
                request.Headers.Add("X-Partner-Key", keys[i % keys.Length]);
                var start = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                latencies[i] = Stopwatch.GetTimestamp() - start;
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    using var json = JsonDocument.Parse(text);
                    Interlocked.Add(ref counted, json.RootElement.GetProperty("counted").GetInt64());
                    Interlocked.Add(ref queued, json.RootElement.GetProperty("queued").GetInt64());
                }
                else
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, $"{(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}", null);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(ClientAsync))).ConfigureAwait(false);
        return new RunResult(latencies, counted, queued, failed, firstFailure);
    }

    // Metro and bus rides of the last days, spread over the citizens and seven gates, as a transit partner sends them.
    private static byte[] Body(string prefix, int from, int to, int citizens, DateTimeOffset now, string[] behaviours)
    {
        var text = new StringBuilder(200 * (to - from));
        text.Append("{\"programme\":\"").Append(Programme).Append("\",\"actions\":[");
        for (var i = from; i < to; i++)
        {
            var at = now.AddMinutes(-5 - (i % 20_000) - 37 * (i / 20_000)).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            text.Append(i == from ? "" : ",").Append(CultureInfo.InvariantCulture,
                $"{{\"eventId\":\"{prefix}{i}\",\"source\":\"gate-{i % 7}\",\"behaviour\":\"{behaviours[i % behaviours.Length]}\",\"occurredAt\":\"{at}\",\"quantity\":{1 + (i % 13)},\"minutes\":30,\"user\":\"c{i % citizens}\"}}");
        }
        return Encoding.UTF8.GetBytes(text.Append("]}").ToString());
    }

    // The citizens (accounts the regulator made: their consent is taken outside the platform) and the partners' keys,
    // straight in the database the server uses, as the regulator's pages would make them.
    private static async Task<string[]> SeedAsync(string db, int citizens, int partners)
    {
        await using var store = await SqlStore.OpenAsync(db, CancellationToken.None).ConfigureAwait(false);
        return await store.WriteAsync(async s =>
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < citizens; i++)
            {
                await s.Users.InsertAsync(new UserRecord(0, "c" + i.ToString(CultureInfo.InvariantCulture), "bench", Role.Citizen, null, "x", 0, null), now)
                    .ConfigureAwait(false);
            }
            var keys = new string[partners];
            for (var p = 0; p < partners; p++)
            {
                var key = PartnerKey.FromRandom(System.Security.Cryptography.RandomNumberGenerator.GetBytes(PartnerKey.RandomBytes)).Value;
                await s.Inclusion.InsertPartnerAsync(new InclusionPartner(0, $"bench partner {p}", new PartnerScope(Programme, [Behaviour.Metro, Behaviour.Bus, Behaviour.Electricity]),
                    key[..10], PartnerKey.Hash(key), now, "bench", null)).ConfigureAwait(false);
                keys[p] = key;
            }
            return keys;
        }, CancellationToken.None).ConfigureAwait(false);
    }

    // Waits until the server spent under 2 % of a core over a second (its background compilation done), at most `limit` seconds.
    private static async Task SettleAsync(Process server, int limit)
    {
        var deadline = Stopwatch.StartNew();
        var last = ExchangeHttpBench.ProcessCpu(server);
        while (deadline.Elapsed < TimeSpan.FromSeconds(limit))
        {
            await Task.Delay(1000).ConfigureAwait(false);
            var now = ExchangeHttpBench.ProcessCpu(server);
            if ((now - last).TotalSeconds < 0.02)
            {
                return;
            }
            last = now;
        }
    }

    private static async Task WaitForServerAsync(HttpClient http, Process server)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"the server stopped with exit code {server.ExitCode}");
            }
            try
            {
                using var response = await http.GetAsync("/api/v1/inclusion/programmes").ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200).ConfigureAwait(false);
        }
        throw new TimeoutException("the server did not answer within 5 minutes");
    }

    // CPU seconds (user + system) of the PostgreSQL backends connected to the run's database, from /proc (0 when the
    // server runs elsewhere). The server's pooled connections stay open, so the same backends serve the whole run.
    private static double PostgresCpu(string db, string dbName)
    {
        using var connection = new NpgsqlConnection(db);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", connection);
        command.Parameters.AddWithValue("name", dbName);
        var ticks = 0L;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var stat = $"/proc/{reader.GetInt32(0).ToString(CultureInfo.InvariantCulture)}/stat";
            if (File.Exists(stat))
            {
                // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
                var line = File.ReadAllText(stat);
                var fields = line[(line.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
        }
        return ticks / 100.0;
    }

    private static string? Text(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
