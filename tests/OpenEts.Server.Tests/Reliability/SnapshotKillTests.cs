using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Server.Tests.Infrastructure;
using OpenEts.Storage;

namespace OpenEts.Server.Tests.Reliability;

/// <summary>
/// SIGKILL while the server writes a registry snapshot: the real server process writes a snapshot every few journal
/// entries while a client streams four-eyes transfers; a trigger on the snapshot table then holds the next snapshot's
/// write (the journal entries of the request that crossed the mark and the snapshot's own journal entry are written in
/// that transaction, the snapshot row is being inserted) and the server is killed right there. The next start must
/// restore from the snapshot before, with every acknowledged transfer there exactly once and nothing else.
/// </summary>
public sealed partial class SnapshotKillTests
{
    private const string Power = "GD-HOLD-POWER";
    private const string Cement = "GD-HOLD-CEMENT";
    private const string Class = "GDEA-2017";
    private const int Interval = 12;
    private static readonly TimeSpan Stalled = TimeSpan.FromSeconds(4);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 180_000)]
    public async Task Snapshot_ServerKilledWhileWritingItOnSqlite_NextStartUsesThePreviousAndLosesNothing()
    {
        var folder = Directory.CreateTempSubdirectory("openets-snapkill-").FullName;
        // The demo database as seeded once for the run (its first start on a fresh file is the same code's path).
        DemoTemplate.CopyTo(folder);
        try
        {
            await RunAsync(Path.Combine(folder, "openets.db"), folder);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open; the OS cleans the temp folder.
            }
        }
    }

    [Fact(Timeout = 180_000)]
    public Task Snapshot_ServerKilledWhileWritingItOnPostgres_NextStartUsesThePreviousAndLosesNothing() =>
        FreshPostgres.RunSeededAsync("openets_snapkill_", async database =>
        {
            // As a server notices a client gone: the stalled statement of the killed process ends within 0.1 s.
            await ExecAsync(database, $"ALTER DATABASE {new NpgsqlConnectionStringBuilder(database).Database} SET client_connection_check_interval = '100ms'");
            var folder = Directory.CreateTempSubdirectory("openets-snapkill-").FullName;
            try
            {
                await RunAsync(database, folder);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }, Ct);

    private static async Task RunAsync(string database, string folder)
    {
        var output = TestContext.Current.TestOutputHelper;
        string[] options = ["--snapshot-interval", Interval.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Logging:LogLevel:OpenEts.Application.Registry", "Information"];
        var run = "sk-" + Guid.NewGuid().ToString("N")[..10];
        var acknowledged = new List<long>();
        var powerBefore = 0L;
        IReadOnlyList<RegistrySnapshotRow> before;
        string powerA, powerB, regulator;
        var stalledIn = "";

        await using (var first = await ServerProcess.StartAsync(database, folder, Ct, options))
        {
            powerA = await first.CreateTokenAsync("power-a", ServerFactory.Password, Ct);
            powerB = await first.CreateTokenAsync("power-b", ServerFactory.Password, Ct);
            regulator = await first.CreateTokenAsync("regulator", ServerFactory.Password, Ct);
            using var proposer = first.Client(powerA);
            using var approver = first.Client(powerB);
            using (var overseer = first.Client(regulator))
            {
                powerBefore = await HeldAsync(overseer, Power);
            }

            // Enough transfers for snapshots to be written as usual.
            for (var n = 1; n <= 2 * Interval; n++)
            {
                Assert.NotNull(await TransferAsync(proposer, approver, run, n, wait: null));
                acknowledged.Add(100 + n);
            }
            before = await SnapshotsAsync(database);
            Assert.True(before.Count >= 2, $"only {before.Count} snapshots were written before the stall");

            await ExecAsync(database, StallTrigger(database));
            for (var n = 2 * Interval + 1; ; n++)
            {
                Assert.True(n < 4 * Interval, "no request stalled in a snapshot write");
                if (await TransferAsync(proposer, approver, run, n, Stalled) is null)
                {
                    break;
                }
                acknowledged.Add(100 + n);
            }
            stalledIn = await StalledWriteAsync(database);
            first.Kill();
            output?.WriteLine($"killed while {stalledIn}, after {acknowledged.Count} acknowledged transfers");
        }
        await ExecAsync(database, "DROP TRIGGER stall_snapshot" + (SqlStore.IsPostgres(database) ? " ON registry_snapshots" : ""));
        var afterKill = await SnapshotsAsync(database);

        await using var second = await ServerProcess.StartAsync(database, folder, Ct, options);
        using var reader = second.Client(regulator);
        var moved = acknowledged.Sum();
        Assert.Equal(powerBefore - moved, await HeldAsync(reader, Power));
        var check = await reader.GetFromJsonAsync<JsonElement>("/api/v1/registry/verify", Ct);
        Assert.True(check.GetProperty("chainIntact").GetBoolean(), check.ToString());
        Assert.True(check.GetProperty("replayMatches").GetBoolean(), check.ToString());
        Assert.True(check.GetProperty("conserved").GetBoolean(), check.ToString());

        Assert.Equal(before.Select(s => s.Sequence), afterKill.Select(s => s.Sequence));
        var loaded = Loaded().Matches(second.Output).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(loaded.Count > 0, "the server did not say how it loaded the registry:\n" + second.Output);
        Assert.Equal(before[0].Sequence, loaded[0]);

        // The server goes on: the next request that crosses the mark writes the snapshot the killed one did not.
        using var proposer2 = second.Client(powerA);
        using var approver2 = second.Client(powerB);
        Assert.NotNull(await TransferAsync(proposer2, approver2, run, 1000, wait: null));
        Assert.Equal(powerBefore - moved - 1100, await HeldAsync(reader, Power));
        Assert.True((await SnapshotsAsync(database))[0].Sequence > before[0].Sequence);
        output?.WriteLine($"restarted from the snapshot of entry {loaded[0]}; {acknowledged.Count} acknowledged transfers all there");
    }

    // Propose and approve one transfer of 100 + n units; null when a request has not answered within `wait`.
    private static async Task<long?> TransferAsync(HttpClient proposer, HttpClient approver, string run, int n, TimeSpan? wait)
    {
        var propose = proposer.PostAsJsonAsync("/api/v1/registry/transfers", new
        {
            from = Power, to = Cement, @class = Class, quantity = 100 + n,
            idempotencyKey = $"{run}-{n}-propose", expiresAt = DateTimeOffset.UtcNow.AddDays(7),
        }, Ct);
        if (await AnsweredAsync(propose, wait) is not { } proposed)
        {
            return null;
        }
        var proposal = proposed.GetProperty("proposal").GetInt64();
        var approve = approver.PostAsJsonAsync($"/api/v1/registry/transfers/{proposal}/approve",
            new { idempotencyKey = $"{run}-{n}-approve" }, Ct);
        return await AnsweredAsync(approve, wait) is null ? null : proposal;
    }

    private static async Task<JsonElement?> AnsweredAsync(Task<HttpResponseMessage> request, TimeSpan? wait)
    {
        if (wait is { } limit && await Task.WhenAny(request, Task.Delay(limit, Ct)) != request)
        {
            // Left hanging: the kill ends it.
            _ = request.ContinueWith(t => t.Exception, TaskScheduler.Default);
            return null;
        }
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    private static async Task<long> HeldAsync(HttpClient client, string account)
    {
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/registry/accounts/{account}/holdings", Ct);
        return view.GetProperty("holdings").EnumerateArray()
            .Where(h => h.GetProperty("class").GetString() == DemoRegistry.Allowances.ToString())
            .Sum(h => h.GetProperty("quantity").GetInt64());
    }

    private static async Task<IReadOnlyList<RegistrySnapshotRow>> SnapshotsAsync(string database)
    {
        await using var store = await SqlStore.OpenAsync(database, Ct);
        return await store.ReadAsync(s => s.Registry.SnapshotsAsync(), Ct);
    }

    // A trigger that holds every insert into the snapshot table: PostgreSQL sleeps; SQLite (no sleep in SQL) counts a
    // cross join far too large to finish.
    private static string StallTrigger(string database) => SqlStore.IsPostgres(database)
        ? """
          CREATE OR REPLACE FUNCTION stall_snapshot() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN PERFORM pg_sleep(600); RETURN NEW; END $$;
          CREATE TRIGGER stall_snapshot BEFORE INSERT ON registry_snapshots FOR EACH ROW EXECUTE FUNCTION stall_snapshot();
          """
        : """
          CREATE TRIGGER stall_snapshot BEFORE INSERT ON registry_snapshots
          BEGIN SELECT count(*) FROM journal a, journal b, journal c, journal d; END;
          """;

    // Evidence that the server is inside the snapshot's write transaction: PostgreSQL shows the stalled insert; SQLite's
    // write lock is held (a writer cannot begin).
    private static async Task<string> StalledWriteAsync(string database)
    {
        await using var connection = Open(database);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        if (SqlStore.IsPostgres(database))
        {
            command.CommandText = "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%INSERT INTO registry_snapshots%' AND state = 'active' AND pid <> pg_backend_pid()";
            Assert.Equal(1L, Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture));
            return "the snapshot insert ran";
        }
        command.CommandText = "BEGIN IMMEDIATE";
        command.CommandTimeout = 1;
        var busy = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync(Ct));
        Assert.Equal(5, busy.SqliteErrorCode);
        return "the write lock was held";
    }

    private static async Task ExecAsync(string database, string sql)
    {
        await using var connection = Open(database);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static DbConnection Open(string database) => SqlStore.IsPostgres(database)
        ? new NpgsqlConnection(database)
        : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());

    [GeneratedRegex(@"Registry loaded from the snapshot of journal entry (\d+)")]
    private static partial Regex Loaded();
}
