using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using OpenEts.Application.Identity;
using OpenEts.Bench.Registry;
using OpenEts.Domain.Organisations;
using OpenEts.Storage;

namespace OpenEts.Bench.Exchange;

/// <summary>
/// Order entry end to end through the HTTP API (issue 12's first speed target): the real server in its own process on a
/// throwaway SQLite database with the demo market, and this process as the load generator — C concurrent clients post
/// N orders to <c>POST /api/v1/exchange/orders</c> with API tokens, and each order is acknowledged only once it is
/// durable. <c>--mode rest</c> (default) places orders that rest (buys below, sells above the reference price:
/// reservation + journal + book); <c>--mode cross</c> pairs a sell and a buy at one price, so every second order trades
/// and settles delivery versus payment at once.
/// </summary>
internal static class ExchangeHttpBench
{
    internal const string Instrument = "GDEA-2017";

    public static int Run(string[] args)
    {
        var orders = RegistryBench.Option(args, "--orders", 50_000);
        var clients = RegistryBench.Option(args, "--clients", 64);
        var cross = StringArg(args, "--mode", "rest") == "cross";
        var batch = RegistryBench.Option(args, "--batch", 1);
        var warm = RegistryBench.Option(args, "--warm", 2_000);
        var blocking = StringArg(args, "--client", "blocking") switch
        {
            "blocking" => true,
            "pooled" => false,
            var other => throw new ArgumentException($"--client {other}: blocking (a thread and a connection a client) or pooled (HttpClient on the thread pool)"),
        };
        if (batch is < 1 or > 500)
        {
            Console.Error.WriteLine("--batch: 1 (POST /orders, one order a request) to 500 (POST /orders/batch)");
            return 2;
        }
        var server = StringArg(args, "--server", Path.Combine(RepoRoot(), "artifacts/bin/OpenEts.Server/release/OpenEts.Server.dll"));
        if (!File.Exists(server))
        {
            Console.Error.WriteLine($"no server at {server}: dotnet build -c Release src/OpenEts.Server, or give --server DLL");
            return 2;
        }
        return RunAsync(server, orders, clients, cross, batch, warm, blocking).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string serverDll, int orders, int clients, bool cross, int batch, int warm, bool blocking)
    {
        Console.WriteLine($"exchange-http bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {orders:N0} orders, "
            + $"{clients} clients, mode {(cross ? "cross (every pair trades and settles)" : "rest (no trades)")}, "
            + (batch == 1 ? "one order a request" : $"{batch} orders a client at a time (POST /orders/batch: its sells in one request, then its buys in another)") + $", warm-up {warm:N0}, {(blocking && batch > 1 ? "blocking clients (a thread and a connection each)" : "pooled clients (HttpClient on the thread pool)")}; load average {RegistryBench.LoadAverage()}");
        var work = Directory.CreateTempSubdirectory("openets-exchange-http-");
        var db = Path.Combine(work.FullName, "exchange.db");
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var server = StartServer(serverDll, db, baseUrl, work.FullName);
        try
        {
            using var setup = new HttpClient { BaseAddress = new Uri(baseUrl) };
            var instrument = await WaitForInstrumentAsync(setup, server).ConfigureAwait(false);
            var tick = instrument.GetProperty("tick").GetDecimal();
            var reference = instrument.GetProperty("referencePrice").GetDecimal();
            var lot = instrument.GetProperty("lot").GetInt64();
            var tokens = await TokensAsync(db, ["regulator", "power-a", "cement-a"]).ConfigureAwait(false);
            // Money for every buy the run can place, deposited by the regulator as any member's 入金 is.
            var money = decimal.Round((reference + 10 * tick) * lot * (orders + warm) * 1.1m, 2);
            foreach (var company in DemoCompanies)
            {
                await DepositAsync(setup, tokens["regulator"], company, money).ConfigureAwait(false);
            }
            var buyer = Client(baseUrl, tokens["power-a"], clients);
            var seller = Client(baseUrl, tokens["cement-a"], clients);
            var connections = blocking && batch > 1 ? new Connections(port, tokens["power-a"], tokens["cement-a"]) : null;

            // Warm-up (JIT on both sides, connection pools), not measured.
            await DriveAsync(buyer, seller, warm, clients, cross, reference, tick, lot, "warm", batch, connections).ConfigureAwait(false);

            var cpuBefore = ProcessCpu(server);
            var generatorBefore = CpuTime.ProcessMilliseconds();
            var idleBefore = MachineIdle.Read();
            var watch = Stopwatch.StartNew();
            var run = await DriveAsync(buyer, seller, orders, clients, cross, reference, tick, lot, "run", batch, connections).ConfigureAwait(false);
            watch.Stop();
            var serverCpu = ProcessCpu(server) - cpuBefore;
            var generatorCpu = (CpuTime.ProcessMilliseconds() - generatorBefore) / 1000;
            var idle = MachineIdle.Since(idleBefore);
            var sorted = run.Latencies.Order().ToArray();
            double Ms(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))] * 1000.0 / Stopwatch.Frequency;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"SQLite over HTTP: {run.Accepted:N0} orders acknowledged durable in {watch.Elapsed.TotalSeconds:F2} s = {run.Accepted / watch.Elapsed.TotalSeconds:N0} orders/s "
                + $"(target ≥ 50 000/s); latency of an order's acknowledgement p50 {Ms(0.50):F2} ms, p99 {Ms(0.99):F2} ms (target < 10 ms), max {Ms(1.0):F1} ms; "
                + $"{run.Refused:N0} refused ({run.FirstRefusal ?? "none"}); server process {serverCpu.TotalSeconds:F1} s CPU = "
                + $"{run.Accepted / Math.Max(serverCpu.TotalSeconds, 0.001):N0} orders per server CPU-second ({1e6 * serverCpu.TotalSeconds / Math.Max(run.Accepted, 1):F1} µs an order); "
                + $"this generator {generatorCpu:F1} s CPU ({1e6 * generatorCpu / Math.Max(run.Accepted, 1):F1} µs an order); the machine idle {idle}; load average {RegistryBench.LoadAverage()}"));
            buyer.Dispose();
            seller.Dispose();
            return run.Refused == 0 ? 0 : 1;
        }
        finally
        {
            await StopServerAsync(server).ConfigureAwait(false);
            try
            {
                if (Environment.GetEnvironmentVariable("OPENETS_BENCH_KEEP") == "1")
                {
                    Console.WriteLine($"kept the run's database in {work.FullName} (OPENETS_BENCH_KEEP=1)");
                }
                else
                {
                    work.Delete(recursive: true);
                }
            }
            catch (IOException)
            {
                // A file still held open by the dying server: the temp folder is cleaned by the system later.
            }
        }
    }

    /// <summary>
    /// Has the kernel write every file's dirty pages to disk (<c>sync</c>) before a server starts: a run that follows
    /// another would otherwise share the machine with the write-back of the last run's database, and the first run of
    /// an alternated pair was measurably faster than the second (docs/exchange-speed.md, "the first of a pair").
    /// </summary>
    internal static void WriteBack()
    {
        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
        sync?.WaitForExit();
    }

    internal static IEnumerable<string> DemoCompanies =>
        ["91440101MA5CY1001", "91441800MA5CY1002"];

    private sealed record RunResult(long[] Latencies, int Accepted, int Refused, string? FirstRefusal);

    // Order i: in rest mode, even orders are buys below the reference and odd ones sells above it, spread over ten
    // ticks; in cross mode, orders 2k (a sell) and 2k+1 (a buy) meet at one price within the band, so the buy trades.
    private static async Task<RunResult> DriveAsync(HttpClient buyer, HttpClient seller, int orders, int clients, bool cross,
        decimal reference, decimal tick, long lot, string tag, int batch, Connections? connections)
    {
        if (batch > 1)
        {
            return await DriveBatchesAsync(buyer, seller, orders, clients, cross, reference, tick, lot, tag, batch, connections).ConfigureAwait(false);
        }
        var latencies = new long[orders];
        var next = -1;
        var accepted = 0;
        var refused = 0;
        string? firstRefusal = null;
        async Task WorkerAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < orders)
            {
                var sell = i % 2 == (cross ? 0 : 1);
                var step = 1 + (i / 2 % 10);
                var price = cross ? reference + ((i / 2 % 5) - 2) * tick : sell ? reference + step * tick : reference - step * tick;
                var body = new
                {
                    instrument = Instrument, side = sell ? "sell" : "buy", type = "limit", price, quantity = lot,
                    idempotencyKey = $"{tag}-{i}",
                };
                var start = Stopwatch.GetTimestamp();
                using var response = await (sell ? seller : buyer).PostAsJsonAsync("/api/v1/exchange/orders", body).ConfigureAwait(false);
                latencies[i] = Stopwatch.GetTimestamp() - start;
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref accepted);
                }
                else
                {
                    Interlocked.Increment(ref refused);
                    var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    Interlocked.CompareExchange(ref firstRefusal, $"{(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}", null);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(WorkerAsync))).ConfigureAwait(false);
        return new RunResult(latencies, accepted, refused, firstRefusal);
    }

    // Order i as in DriveAsync; a client takes the next `batch` orders and posts its sells in one request to
    // POST /orders/batch, then its buys in another (in cross mode the sells first, so that the buys meet them). Every order
    // of a request counts the request's time as its latency.
    private static async Task<RunResult> DriveBatchesAsync(HttpClient buyer, HttpClient seller, int orders, int clients, bool cross,
        decimal reference, decimal tick, long lot, string tag, int batch, Connections? connections)
    {
        var latencies = new long[orders];
        var next = 0;
        var accepted = 0;
        var refused = 0;
        string? firstRefusal = null;
        // Order i is a sell when IsSell(i): the orders alternate sides (in cross mode a sell first).
        bool IsSell(int i) => i % 2 == (cross ? 0 : 1);
        // The generator's own work an order is kept small, so that what the run measures is the server: each request's body
        // is written straight to UTF-8 (no reflection over an object per order), and each answer is read as bytes and
        // scanned only for its two counts ("placed" and "refused" come first), not parsed into a document.
        // One client's next orders from `first`: its sells' request body and its buys', written straight to UTF-8.
        (int End, int Sells, int Buys) Write(int first, Bodies bodies)
        {
            var end = Math.Min(orders, first + batch);
            var (sellCount, buyCount) = (0, 0);
            bodies.Start();
            for (var i = first; i < end; i++)
            {
                var sell = IsSell(i);
                var step = 1 + (i / 2 % 10);
                var price = cross ? reference + ((i / 2 % 5) - 2) * tick : sell ? reference + step * tick : reference - step * tick;
                var w = sell ? bodies.SellWriter : bodies.BuyWriter;
                w.WriteStartObject();
                w.WriteString("instrument", Instrument);
                w.WriteString("side", sell ? "sell" : "buy");
                w.WriteString("type", "limit");
                w.WriteNumber("price", price);
                w.WriteNumber("quantity", lot);
                w.WriteString("idempotencyKey", string.Create(CultureInfo.InvariantCulture, $"{tag}-{i}"));
                w.WriteEndObject();
                if (sell)
                {
                    sellCount++;
                }
                else
                {
                    buyCount++;
                }
            }
            bodies.End();
            return (end, sellCount, buyCount);
        }
        void Answered(int first, int end, bool sells, long took, int count, bool ok, ReadOnlySpan<byte> answer, int status)
        {
            for (var i = first; i < end; i++)
            {
                if (IsSell(i) == sells)
                {
                    latencies[i] = took;
                }
            }
            var (placed, no) = ok ? Counts(answer) : (0, count);
            Interlocked.Add(ref accepted, placed);
            if (no > 0)
            {
                Interlocked.Add(ref refused, no);
                var text = System.Text.Encoding.UTF8.GetString(answer);
                Interlocked.CompareExchange(ref firstRefusal, $"{status}: {text[..Math.Min(300, text.Length)]}", null);
            }
        }
        if (connections is { } blocking)
        {
            // Each client on a thread of its own, blocking on its connection while the server works.
            void Client(int index)
            {
                using var bodies = new Bodies(batch);
                using var connection = new BlockingHttpConnection(blocking.Port, BatchPath);
                int first;
                while ((first = Interlocked.Add(ref next, batch) - batch) < orders)
                {
                    var (end, sellCount, buyCount) = Write(first, bodies);
                    foreach (var (sells, count, token, body) in new[] { (true, sellCount, blocking.SellerToken, bodies.Sells), (false, buyCount, blocking.BuyerToken, bodies.Buys) })
                    {
                        if (count == 0)
                        {
                            continue;
                        }
                        var start = Stopwatch.GetTimestamp();
                        var (status, answer) = connection.Post(token, body.WrittenSpan);
                        Answered(first, end, sells, Stopwatch.GetTimestamp() - start, count, status is >= 200 and < 300, answer.Span, status);
                    }
                }
            }
            var threads = Enumerable.Range(0, clients).Select(c => new Thread(() => Client(c)) { IsBackground = true, Name = $"client {c}" }).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            return new RunResult(latencies, accepted, refused, firstRefusal);
        }
        async Task PostAsync(HttpClient client, byte[] body, int first, int end, int count, bool sells)
        {
            if (count == 0)
            {
                return;
            }
            var start = Stopwatch.GetTimestamp();
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await client.PostAsync(BatchPath, content).ConfigureAwait(false);
            var answer = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            Answered(first, end, sells, Stopwatch.GetTimestamp() - start, count, response.IsSuccessStatusCode, answer, (int)response.StatusCode);
        }
        async Task WorkerAsync()
        {
            using var bodies = new Bodies(batch);
            int first;
            while ((first = Interlocked.Add(ref next, batch) - batch) < orders)
            {
                var (end, sellCount, buyCount) = Write(first, bodies);
                await PostAsync(seller, bodies.Sells.WrittenSpan.ToArray(), first, end, sellCount, sells: true).ConfigureAwait(false);
                await PostAsync(buyer, bodies.Buys.WrittenSpan.ToArray(), first, end, buyCount, sells: false).ConfigureAwait(false);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(WorkerAsync))).ConfigureAwait(false);
        return new RunResult(latencies, accepted, refused, firstRefusal);
    }

    private const string BatchPath = "/api/v1/exchange/orders/batch";

    /// <summary>Where blocking clients connect, and the two traders' tokens (<c>--client blocking</c>).</summary>
    private sealed record Connections(int Port, string BuyerToken, string SellerToken);

    /// <summary>A client's two request bodies (its sells and its buys), written again for every batch into the same buffers.</summary>
    private sealed class Bodies : IDisposable
    {
        public Bodies(int batch)
        {
            Sells = new System.Buffers.ArrayBufferWriter<byte>(batch * 160);
            Buys = new System.Buffers.ArrayBufferWriter<byte>(batch * 160);
            SellWriter = new Utf8JsonWriter(Sells);
            BuyWriter = new Utf8JsonWriter(Buys);
        }

        public System.Buffers.ArrayBufferWriter<byte> Sells { get; }

        public System.Buffers.ArrayBufferWriter<byte> Buys { get; }

        public Utf8JsonWriter SellWriter { get; }

        public Utf8JsonWriter BuyWriter { get; }

        public void Start()
        {
            foreach (var (buffer, writer) in new[] { (Sells, SellWriter), (Buys, BuyWriter) })
            {
                buffer.ResetWrittenCount();
                writer.Reset();
                writer.WriteStartObject();
                writer.WriteStartArray("orders");
            }
        }

        public void End()
        {
            foreach (var writer in new[] { SellWriter, BuyWriter })
            {
                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.Flush();
            }
        }

        public void Dispose()
        {
            SellWriter.Dispose();
            BuyWriter.Dispose();
        }
    }

    // A batch answer's "placed" and "refused" (OrderBatchView's first two members), read without parsing the results.
    private static (int Placed, int Refused) Counts(ReadOnlySpan<byte> answer)
    {
        var reader = new Utf8JsonReader(answer);
        int? placed = null, refused = null;
        while ((placed is null || refused is null) && reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                var isPlaced = reader.ValueTextEquals("placed"u8);
                var isRefused = reader.ValueTextEquals("refused"u8);
                reader.Read();
                if (isPlaced)
                {
                    placed = reader.GetInt32();
                }
                else if (isRefused)
                {
                    refused = reader.GetInt32();
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        return (placed ?? throw new InvalidDataException("a batch answer without \"placed\""),
            refused ?? throw new InvalidDataException("a batch answer without \"refused\""));
    }

    internal static HttpClient Client(string baseUrl, string token, int clients)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Stops the server as its host would (SIGTERM: a graceful shutdown, so that a trace the run asked for through
    /// <c>DOTNET_EnableEventPipe</c> is written whole), and kills it if it has not stopped within 15 s.
    /// </summary>
    internal static async Task StopServerAsync(Process server)
    {
        if (server.HasExited)
        {
            return;
        }
        using (var term = Process.Start("kill", ["-TERM", server.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync().ConfigureAwait(false);
        }
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await server.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    internal static Process StartServer(string dll, string db, string url, string folder, bool demo = true, params string[] extra)
    {
        WriteBack();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--db", db, demo ? "--demo" : "", "--urls", url, "--Logging:LogLevel:Default=Warning" }.Concat(extra).Where(a => a.Length > 0))
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("the server did not start");
        // Drain its output so that a full pipe never stalls it.
        process.OutputDataReceived += (_, e) =>
        {
            // The server's own warning that live data was late (its console log), for the market-stream bench.
            if (e.Data is { } line && line.Contains("Live market data", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"server: {line.Trim()}");
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine($"server: {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task<JsonElement> WaitForInstrumentAsync(HttpClient client, Process server)
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
                using var response = await client.GetAsync("/api/v1/exchange/instruments").ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false)).RootElement;
                    foreach (var instrument in list.EnumerateArray())
                    {
                        if (instrument.GetProperty("code").GetString() == Instrument)
                        {
                            return instrument.Clone();
                        }
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200).ConfigureAwait(false);
        }
        throw new TimeoutException($"the demo's {Instrument} was not listed within 5 minutes");
    }

    // API tokens made straight in the database the server uses, as a signed-in user would make them on /Account/Tokens.
    internal static async Task<Dictionary<string, string>> TokensAsync(string db, IEnumerable<string> users)
    {
        await using var store = await SqlStore.OpenAsync(db, CancellationToken.None).ConfigureAwait(false);
        var signIn = new SignIn(store, new PasswordHashing());
        var tokens = new Dictionary<string, string>();
        foreach (var name in users)
        {
            var user = await store.ReadAsync(s => s.Users.FindByNameAsync(name), CancellationToken.None).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"the demo user {name} is missing");
            var made = await signIn.CreateTokenAsync(new Actor(user.Id, user.UserName, user.Role, user.OrganisationId),
                new CreateToken.Form("exchange-http bench", 1, "read-write"), DateTimeOffset.UtcNow, CancellationToken.None).ConfigureAwait(false);
            tokens[name] = made is TokenCreation.Created created ? created.Secret : throw new InvalidOperationException($"no token for {name}: {made}");
        }
        return tokens;
    }

    internal static async Task DepositAsync(HttpClient client, string token, string company, decimal amount)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cash/deposits")
        {
            Content = JsonContent.Create(new
            {
                organisation = company + CreditCode.CheckCharacter(company), amount, reference = "bench deposit",
                idempotencyKey = "bench-deposit-" + company,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"deposit for {company} refused: {(int)response.StatusCode} "
                + await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        }
    }

    internal static TimeSpan ProcessCpu(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "test.sh")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }

    internal static string StringArg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
