using System.Diagnostics;
using System.Net.Http.Json;
using OpenEts.Bench.Registry;

namespace OpenEts.Bench.Exchange;

/// <summary>
/// The Release server in its own process on a throwaway SQLite database with the demo market, for the exchange's benches:
/// the demo instrument's tick, reference and lot, API tokens for the regulator and the two demo traders (power-a buys,
/// cement-a sells), the traders' companies funded for <c>money</c> yuan each. Disposing stops the server and removes the
/// database.
/// </summary>
internal sealed class DemoServer : IAsyncDisposable
{
    private readonly DirectoryInfo _work;

    private DemoServer(DirectoryInfo work, Process process, string baseUrl)
    {
        _work = work;
        Process = process;
        BaseUrl = baseUrl;
    }

    public Process Process { get; }

    public string BaseUrl { get; }

    public decimal Tick { get; private set; }

    public decimal Reference { get; private set; }

    public long Lot { get; private set; }

    public Dictionary<string, string> Tokens { get; private set; } = [];

    /// <summary>Null (after printing why) when there is no Release build of the server.</summary>
    public static string? ServerDll(string[] args)
    {
        var server = ExchangeHttpBench.StringArg(args, "--server",
            Path.Combine(ExchangeHttpBench.RepoRoot(), "artifacts/bin/OpenEts.Server/release/OpenEts.Server.dll"));
        if (File.Exists(server))
        {
            return server;
        }
        Console.Error.WriteLine($"no server at {server}: dotnet build -c Release src/OpenEts.Server, or give --server DLL");
        return null;
    }

    public static async Task<DemoServer> StartAsync(string serverDll, decimal moneyFactor)
    {
        var work = Directory.CreateTempSubdirectory("openets-exchange-bench-");
        var db = Path.Combine(work.FullName, "exchange.db");
        var baseUrl = $"http://127.0.0.1:{ExchangeHttpBench.FreePort()}";
        var server = new DemoServer(work, ExchangeHttpBench.StartServer(serverDll, db, baseUrl, work.FullName), baseUrl);
        var started = false;
        try
        {
            using var setup = new HttpClient { BaseAddress = new Uri(baseUrl) };
            var instrument = await ExchangeHttpBench.WaitForInstrumentAsync(setup, server.Process).ConfigureAwait(false);
            server.Tick = instrument.GetProperty("tick").GetDecimal();
            server.Reference = instrument.GetProperty("referencePrice").GetDecimal();
            server.Lot = instrument.GetProperty("lot").GetInt64();
            server.Tokens = await ExchangeHttpBench.TokensAsync(db, ["regulator", "power-a", "cement-a"]).ConfigureAwait(false);
            // Money for every buy the run can place, deposited by the regulator as any member's 入金 is.
            var money = decimal.Round((server.Reference + 10 * server.Tick) * server.Lot * moneyFactor * 1.1m, 2);
            foreach (var company in ExchangeHttpBench.DemoCompanies)
            {
                await ExchangeHttpBench.DepositAsync(setup, server.Tokens["regulator"], company, money).ConfigureAwait(false);
            }
            started = true;
            return server;
        }
        finally
        {
            if (!started)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>A client for one demo user's token, with up to <paramref name="connections"/> connections.</summary>
    public HttpClient Client(string user, int connections) => ExchangeHttpBench.Client(BaseUrl, Tokens[user], connections);

    /// <summary>The server process's CPU time so far.</summary>
    public TimeSpan Cpu() => ExchangeHttpBench.ProcessCpu(Process);

    /// <summary>Posts one limit order of <paramref name="lots"/> lots; the response's JSON, or an exception naming the refusal.</summary>
    public async Task<System.Text.Json.JsonElement> OrderAsync(HttpClient client, bool sell, decimal price, long lots, string key) =>
        (await TimedOrderAsync(client, sell, price, lots, key).ConfigureAwait(false)).Answer;

    /// <summary>
    /// As <see cref="OrderAsync"/>, with the time until the answer began (its headers: the order's transaction has
    /// committed) and until it had been read whole, before it is parsed.
    /// </summary>
    public async Task<(System.Text.Json.JsonElement Answer, TimeSpan Began, TimeSpan Read)> TimedOrderAsync(HttpClient client, bool sell, decimal price,
        long lots, string key)
    {
        ArgumentNullException.ThrowIfNull(client);
        var watch = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/exchange/orders")
        {
            Content = JsonContent.Create(new
            {
                instrument = ExchangeHttpBench.Instrument, side = sell ? "sell" : "buy", type = "limit", price, quantity = lots * Lot, idempotencyKey = key,
            }),
        };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        var began = watch.Elapsed;
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var read = watch.Elapsed;
        if (!response.IsSuccessStatusCode)
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            throw new InvalidOperationException($"order {key} refused: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
        }
        return (System.Text.Json.JsonDocument.Parse(bytes).RootElement.Clone(), began, read);
    }

    /// <summary>Runs <paramref name="count"/> calls of <paramref name="call"/> (0 … count − 1) from <paramref name="clients"/> concurrent workers.</summary>
    public static Task ConcurrentlyAsync(int count, int clients, Func<int, Task> call)
    {
        var next = -1;
        async Task WorkerAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await call(i).ConfigureAwait(false);
            }
        }
        return Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(WorkerAsync)));
    }

    /// <summary>The value at quantile <paramref name="q"/> of sorted milliseconds.</summary>
    public static double Quantile(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];

    public static string Load => RegistryBench.LoadAverage();

    public async ValueTask DisposeAsync()
    {
        await ExchangeHttpBench.StopServerAsync(Process).ConfigureAwait(false);
        Process.Dispose();
        if (Environment.GetEnvironmentVariable("OPENETS_BENCH_KEEP") == "1")
        {
            Console.WriteLine($"kept the run's database in {_work.FullName} (OPENETS_BENCH_KEEP=1)");
            return;
        }
        try
        {
            _work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the dying server: the temp folder is cleaned by the system later.
        }
    }
}
