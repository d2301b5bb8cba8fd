using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Application.Demo;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using OpenEts.Server.Tests.Infrastructure;
using OpenEts.Storage;

namespace OpenEts.Server.Tests.Reliability;

/// <summary>
/// Crash safety end to end: two clients stream four-eyes transfers GD-HOLD-POWER → GD-HOLD-CEMENT over the REST API
/// to the real server process, which is SIGKILLed at a random moment while requests are in flight, then restarted on
/// the same database. Every acknowledged transfer must be there exactly once, the requests left unanswered must
/// execute at most once when re-sent with their idempotency keys, units must be conserved and the journal intact.
/// </summary>
public sealed class KillRestartTests
{
    private const string Power = "GD-HOLD-POWER";
    private const string Cement = "GD-HOLD-CEMENT";
    private const string Class = "GDEA-2017";
    private const int Clients = 2;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 180_000)]
    public async Task Transfers_ServerKilledMidStreamOnSqlite_KeepAcknowledgedOnceAndConserveUnits()
    {
        var folder = Directory.CreateTempSubdirectory("openets-kill-").FullName;
        // The demo database as seeded once for the run (its first start on a fresh file is the same code's path).
        DemoTemplate.CopyTo(folder);
        try
        {
            await RunAsync(Path.Combine(folder, "openets.db"), folder);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Delete(folder);
        }
    }

    [Fact(Timeout = 180_000)]
    public Task Transfers_ServerKilledMidStreamOnPostgres_KeepAcknowledgedOnceAndConserveUnits() =>
        FreshPostgres.RunSeededAsync("openets_kill_", async database =>
        {
            var folder = Directory.CreateTempSubdirectory("openets-kill-").FullName;
            try
            {
                await RunAsync(database, folder);
            }
            finally
            {
                Delete(folder);
            }
        }, Ct);

    private static async Task RunAsync(string database, string folder)
    {
        var output = TestContext.Current.TestOutputHelper;
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var killAfter = random.Next(30, 61);
        var clock = Stopwatch.StartNew();
        var stream = new TransferStream("kr-" + Guid.NewGuid().ToString("N")[..12], killAfter,
            DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(7).ToUnixTimeSeconds()));
        string powerA, powerB, regulator, auditor;
        long issued, powerBefore, cementBefore;

        await using (var first = await ServerProcess.StartAsync(database, folder, Ct))
        {
            powerA = await first.CreateTokenAsync("power-a", ServerFactory.Password, Ct);
            powerB = await first.CreateTokenAsync("power-b", ServerFactory.Password, Ct);
            regulator = await first.CreateTokenAsync("regulator", ServerFactory.Password, Ct);
            auditor = await first.CreateTokenAsync("auditor", ServerFactory.Password, Ct);
            using (var reader = first.Client(regulator))
            {
                issued = await TotalHeldAsync(reader);
                powerBefore = await HeldAsync(reader, Power);
                cementBefore = await HeldAsync(reader, Cement);
            }
            using var proposer = first.Client(powerA);
            using var approver = first.Client(powerB);
            var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(() => stream.RunAsync(proposer, approver, Ct))).ToList();
            await Task.WhenAny(stream.Reached, Task.WhenAny(clients), Task.Delay(TimeSpan.FromSeconds(60), Ct));
            await Task.Delay(random.Next(0, 20), Ct);
            stream.Killing();
            first.Kill();
            await Task.WhenAll(clients);
        }
        var acknowledged = stream.Acknowledged.ToList();
        var unanswered = stream.Unanswered.ToList();
        output?.WriteLine($"seed {seed}: killed after {acknowledged.Count} acknowledged transfers ({clock.ElapsedMilliseconds} ms); "
            + $"unanswered: {string.Join(", ", unanswered.Select(t => $"{t.ProposeKey} at {(t.Proposal is null ? "propose" : "approve")}"))}");
        Assert.True(acknowledged.Count >= killAfter, $"only {acknowledged.Count} of {killAfter} transfers before the kill");

        await using (var second = await ServerProcess.StartAsync(database, folder, Ct))
        {
            using var reader = second.Client(regulator);
            await AssertExecutedOnceAsync(reader, acknowledged, unanswered.Count);

            using var proposer = second.Client(powerA);
            using var approver = second.Client(powerB);
            foreach (var t in unanswered)
            {
                output?.WriteLine($"{t.ProposeKey} re-sent: {await stream.CompleteAsync(proposer, approver, t, Ct)}");
            }
            var last = acknowledged.MaxBy(t => t.Proposal)!;
            var again = await TransferStream.ApproveAsync(approver, last, Ct);
            Assert.True(again.GetProperty("duplicate").GetBoolean(), "a re-sent acknowledged approval executed again");

            var all = acknowledged.Concat(unanswered).ToList();
            var moved = all.Sum(t => t.Quantity);
            await AssertExecutedOnceAsync(reader, all, 0);
            Assert.Equal(powerBefore - moved, await HeldAsync(reader, Power));
            Assert.Equal(cementBefore + moved, await HeldAsync(reader, Cement));
            Assert.Equal(issued, await TotalHeldAsync(reader));

            using var audit = second.Client(auditor);
            var check = await audit.GetFromJsonAsync<JsonElement>("/api/v1/registry/verify", Ct);
            Assert.True(check.GetProperty("chainIntact").GetBoolean(), check.ToString());
            Assert.True(check.GetProperty("replayMatches").GetBoolean(), check.ToString());
            Assert.True(check.GetProperty("conserved").GetBoolean(), check.ToString());
            second.Kill();

            // The database itself, without the server: replay, hash chain and conservation.
            await using var store = await SqlStore.OpenAsync(database, Ct);
            using var registry = new RegistryService(store);
            var offline = await registry.VerifyAsync(Ct);
            var (held, total, power) = await registry.QueryAsync((l, _) => (l.TotalHeld(DemoRegistry.Allowances).Value,
                l.TotalIssued(DemoRegistry.Allowances).Value, l.HoldingsOf(AccountNumber.From(Power)).Where(h => h.Class == DemoRegistry.Allowances).Sum(h => h.Total.Value)), Ct);
            Assert.True(offline.Intact, offline.ToString());
            Assert.Equal(issued, held);
            Assert.Equal(issued, total);
            Assert.Equal(powerBefore - moved, power);
        }
        output?.WriteLine($"{stream.Acknowledged.Count + unanswered.Count} transfers checked in {clock.ElapsedMilliseconds} ms");
    }

    // Each transfer's proposal and execution appear exactly once in GD-HOLD-POWER's history, moving its quantity; at
    // most `unknown` further executions (requests that were in flight at the kill) may be there besides.
    private static async Task AssertExecutedOnceAsync(HttpClient reader, IReadOnlyList<Transfer> transfers, int unknown)
    {
        var history = await reader.GetFromJsonAsync<List<JsonElement>>(
            $"/api/v1/registry/accounts/{Power}/history?take={RegistryHistoryFilter.MaxTake}", Ct);
        var events = history!.Select(h => h.GetProperty("event")).ToList();
        var proposed = events.Where(e => e.GetProperty("type").GetString() == "registry.transfer.proposed")
            .GroupBy(e => e.GetProperty("key").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        var executed = events.Where(e => e.GetProperty("type").GetString() == "registry.transfer.executed")
            .GroupBy(e => e.GetProperty("proposal").GetInt64()).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var t in transfers)
        {
            Assert.Equal(1, proposed.GetValueOrDefault(t.ProposeKey));
            Assert.True(executed.TryGetValue(t.Proposal!.Value, out var runs), $"transfer {t.ProposeKey} (proposal {t.Proposal}) is lost");
            var run = Assert.Single(runs);
            Assert.Equal(t.ApproveKey, run.GetProperty("key").GetString());
            Assert.Equal(t.Quantity, run.GetProperty("blocks").EnumerateArray()
                .Sum(b => b.GetProperty("last").GetInt64() - b.GetProperty("first").GetInt64() + 1));
        }
        Assert.InRange(executed.Count, transfers.Count, transfers.Count + unknown);
        Assert.All(executed.Values, runs => Assert.Single(runs));
    }

    private static async Task<long> HeldAsync(HttpClient client, string account)
    {
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/registry/accounts/{account}/holdings", Ct);
        // The transfers move the demo allowances; the demo's offset credits sit beside them and stay out of the sums.
        return view.GetProperty("holdings").EnumerateArray()
            .Where(h => h.GetProperty("class").GetString() == DemoRegistry.Allowances.ToString())
            .Sum(h => h.GetProperty("quantity").GetInt64());
    }

    private static async Task<long> TotalHeldAsync(HttpClient regulator)
    {
        var accounts = await regulator.GetFromJsonAsync<List<JsonElement>>("/api/v1/registry/accounts", Ct);
        var total = 0L;
        foreach (var a in accounts!)
        {
            total += await HeldAsync(regulator, a.GetProperty("number").GetString()!);
        }
        return total;
    }

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the OS cleans the temp folder.
        }
    }

    /// <summary>One transfer as the clients see it: its keys, quantity, and proposal once the proposal was answered.</summary>
    private sealed class Transfer(string proposeKey, string approveKey, long quantity)
    {
        public string ProposeKey { get; } = proposeKey;

        public string ApproveKey { get; } = approveKey;

        public long Quantity { get; } = quantity;

        public long? Proposal { get; set; }
    }

    /// <summary>The clients' stream of transfers: what was acknowledged, and what was in flight when the server died.</summary>
    private sealed class TransferStream(string run, int target, DateTimeOffset expiresAt)
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _next;
        private volatile bool _killing;

        /// <summary>Completes when <c>target</c> transfers have been acknowledged.</summary>
        public Task Reached => _reached.Task;

        public System.Collections.Concurrent.ConcurrentQueue<Transfer> Acknowledged { get; } = new();

        public System.Collections.Concurrent.ConcurrentQueue<Transfer> Unanswered { get; } = new();

        public void Killing() => _killing = true;

        // Propose, approve, repeat, until a request fails because the server was killed; any other failure is the test's.
        public async Task RunAsync(HttpClient proposer, HttpClient approver, CancellationToken ct)
        {
            while (true)
            {
                var n = Interlocked.Increment(ref _next);
                var transfer = new Transfer($"{run}-{n}-propose", $"{run}-{n}-approve", 100 + n);
                try
                {
                    await CompleteAsync(proposer, approver, transfer, ct);
                }
                catch (Exception e) when (_killing && e is HttpRequestException or TaskCanceledException { InnerException: TimeoutException })
                {
                    Unanswered.Enqueue(transfer);
                    return;
                }
                Acknowledged.Enqueue(transfer);
                if (Acknowledged.Count >= target)
                {
                    _reached.TrySetResult();
                }
            }
        }

        /// <summary>
        /// Proposes (unless already answered) and approves, with the transfer's own keys. Says which requests were
        /// duplicates (executed before, e.g. just before a kill) and which executed now.
        /// </summary>
        public async Task<string> CompleteAsync(HttpClient proposer, HttpClient approver, Transfer transfer, CancellationToken ct)
        {
            var done = "";
            if (transfer.Proposal is null)
            {
                using var response = await proposer.PostAsJsonAsync("/api/v1/registry/transfers", new
                {
                    from = Power, to = Cement, @class = Class, quantity = transfer.Quantity,
                    idempotencyKey = transfer.ProposeKey, expiresAt,
                }, ct);
                var proposed = await OkAsync(response, ct);
                transfer.Proposal = proposed.GetProperty("proposal").GetInt64();
                done = Said("proposal", proposed) + ", ";
            }
            var approved = await ApproveAsync(approver, transfer, ct);
            Assert.Equal(transfer.Quantity, approved.GetProperty("quantity").GetInt64());
            return done + Said("approval", approved);
        }

        private static string Said(string request, JsonElement outcome) =>
            outcome.GetProperty("duplicate").GetBoolean() ? $"{request} was a duplicate" : $"{request} executed";

        public static async Task<JsonElement> ApproveAsync(HttpClient approver, Transfer transfer, CancellationToken ct)
        {
            using var response = await approver.PostAsJsonAsync($"/api/v1/registry/transfers/{transfer.Proposal}/approve",
                new { idempotencyKey = transfer.ApproveKey }, ct);
            return await OkAsync(response, ct);
        }

        private static async Task<JsonElement> OkAsync(HttpResponseMessage response, CancellationToken ct)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
            using var json = JsonDocument.Parse(body);
            return json.RootElement.Clone();
        }
    }
}
