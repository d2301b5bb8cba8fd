using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using OpenEts.Application.Exchange;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;
using OpenEts.Server.Tests.Infrastructure;
using OpenEts.Storage;

namespace OpenEts.Server.Tests.Reliability;

/// <summary>
/// SIGKILL while the server writes a snapshot of the exchange's books: the real server process writes one every few
/// inputs while a trader streams orders over the API; a trigger on the snapshot table then holds the next snapshot's
/// write (the order that crossed the mark and the snapshot's journal entry are written in that transaction, the snapshot
/// row is being inserted) and the server is killed right there. The next start must restore the books from the snapshot
/// before, with every acknowledged order resting exactly once and nothing else, and the books must verify.
/// </summary>
public sealed partial class ExchangeSnapshotKillTests
{
    private const string Instrument = "GDEA-2017";
    private const int Interval = 6;
    private static readonly TimeSpan Stalled = TimeSpan.FromSeconds(4);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 180_000)]
    public async Task ExchangeSnapshot_ServerKilledWhileWritingItOnSqlite_NextStartUsesThePreviousAndLosesNoOrder()
    {
        var folder = Directory.CreateTempSubdirectory("openets-xsnapkill-").FullName;
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
    public Task ExchangeSnapshot_ServerKilledWhileWritingItOnPostgres_NextStartUsesThePreviousAndLosesNoOrder() =>
        FreshPostgres.RunSeededAsync("openets_xsnapkill_", async database =>
        {
            // As a server notices a client gone: the stalled statement of the killed process ends within 0.1 s.
            await ExecAsync(database, $"ALTER DATABASE {new NpgsqlConnectionStringBuilder(database).Database} SET client_connection_check_interval = '100ms'");
            var folder = Directory.CreateTempSubdirectory("openets-xsnapkill-").FullName;
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
        string[] options = ["--exchange-snapshot-interval", Interval.ToString(CultureInfo.InvariantCulture),
            "--Logging:LogLevel:OpenEts.Application.Exchange", "Information"];
        var run = "xk-" + Guid.NewGuid().ToString("N")[..10];
        var acknowledged = new List<long>();
        IReadOnlyList<ExchangeSnapshotRow> before;
        string trader;
        decimal reference;
        var stalledIn = "";

        await using (var first = await ServerProcess.StartAsync(database, folder, Ct, options))
        {
            trader = await first.CreateTokenAsync("power-a", ServerFactory.Password, Ct);
            using var client = first.Client(trader);
            reference = await ReferenceAsync(client);

            // Enough resting sells for snapshots to be written as usual.
            for (var n = 1; n <= 2 * Interval; n++)
            {
                acknowledged.Add((await SellAsync(client, run, n, reference, wait: null))!.Value);
            }
            before = await SnapshotsAsync(database);
            Assert.True(before.Count >= 2, $"only {before.Count} snapshots were written before the stall");

            await ExecAsync(database, StallTrigger(database));
            for (var n = 2 * Interval + 1; ; n++)
            {
                Assert.True(n < 4 * Interval, "no order stalled in a snapshot write");
                if (await SellAsync(client, run, n, reference, Stalled) is not { } id)
                {
                    break;
                }
                acknowledged.Add(id);
            }
            stalledIn = await StalledWriteAsync(database);
            first.Kill();
            output?.WriteLine($"killed while {stalledIn}, after {acknowledged.Count} acknowledged orders");
        }
        await ExecAsync(database, "DROP TRIGGER stall_exchange_snapshot" + (SqlStore.IsPostgres(database) ? " ON exchange_snapshots" : ""));
        var afterKill = await SnapshotsAsync(database);

        await using (var second = await ServerProcess.StartAsync(database, folder, Ct, options))
        {
            using var client = second.Client(trader);
            var open = await OpenOrdersAsync(client);
            Assert.Equal(acknowledged.Order(), open.Order());
            Assert.Equal(before.Select(s => s.Sequence), afterKill.Select(s => s.Sequence));

            // The server goes on (its first order loads the books): the next order that crosses the mark writes the
            // snapshot the killed one did not.
            for (var n = 100; (await SnapshotsAsync(database))[0].Sequence == before[0].Sequence; n++)
            {
                Assert.True(n < 100 + (2 * Interval), "no snapshot was written after the restart");
                acknowledged.Add((await SellAsync(client, run, n, reference, wait: null))!.Value);
            }
            Assert.Equal(acknowledged.Order(), (await OpenOrdersAsync(client)).Order());
            var loaded = Loaded().Matches(second.Output).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            Assert.True(loaded.Count > 0, "the server did not say how it loaded the books:\n" + second.Output);
            Assert.Equal(before[0].Sequence, loaded[0]);
        }

        // The books the journal rebuilds, from entry 1 and from the newest snapshot, agree with the stored orders.
        await using var store = await SqlStore.OpenAsync(database, Ct);
        using var registry = new RegistryService(store);
        using var exchange = new ExchangeService(store, registry, new ExchangeOptions(AccountNumber.From("GD-CLEARING"), FeeSchedule.Demo));
        var full = await exchange.VerifyAsync(Ct);
        var tail = await exchange.VerifyAsync(fromSnapshot: true, Ct);
        Assert.True(full.Agrees, string.Join("; ", full.Differences));
        Assert.True(tail.Agrees, string.Join("; ", tail.Differences));
        Assert.Empty(full.SnapshotWarnings);
        output?.WriteLine($"restarted from the snapshot of entry {before[0].Sequence}; {acknowledged.Count} acknowledged orders all resting; {full.SnapshotsCompared} snapshot comparisons");
    }

    // The demo instrument's reference price, once the demo exchange is seeded.
    private static async Task<decimal> ReferenceAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var instruments = await client.GetFromJsonAsync<JsonElement>("/api/v1/exchange/instruments", Ct);
            foreach (var i in instruments.EnumerateArray().Where(i => i.GetProperty("code").GetString() == Instrument))
            {
                return i.GetProperty("referencePrice").GetDecimal();
            }
            await Task.Delay(100, Ct);
        }
        Assert.Fail($"{Instrument} was not listed");
        return 0;
    }

    // One resting sell of 10 t at the reference + n fen; its order number, or null when it has not answered within `wait`.
    private static async Task<long?> SellAsync(HttpClient client, string run, int n, decimal reference, TimeSpan? wait)
    {
        var request = client.PostAsJsonAsync("/api/v1/exchange/orders", new
        {
            instrument = Instrument, side = "sell", type = "limit", price = reference + (n * 0.01m), quantity = 10,
            idempotencyKey = $"{run}-{n}",
        }, Ct);
        if (wait is { } limit && await Task.WhenAny(request, Task.Delay(limit, Ct)) != request)
        {
            // Left hanging: the kill ends it.
            _ = request.ContinueWith(t => t.Exception, TaskScheduler.Default);
            return null;
        }
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"order {n}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("order").GetProperty("id").GetInt64();
    }

    private static async Task<List<long>> OpenOrdersAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/exchange/orders", Ct)).EnumerateArray()
            .Where(o => o.GetProperty("status").GetString() == "open" && o.GetProperty("resting").GetInt64() == 10)
            .Select(o => o.GetProperty("id").GetInt64())];

    private static async Task<IReadOnlyList<ExchangeSnapshotRow>> SnapshotsAsync(string database)
    {
        await using var store = await SqlStore.OpenAsync(database, Ct);
        return await store.ReadAsync(s => s.Exchange.SnapshotsAsync(), Ct);
    }

    // A trigger that holds every insert into the snapshot table: PostgreSQL sleeps; SQLite (no sleep in SQL) counts a
    // cross join far too large to finish.
    private static string StallTrigger(string database) => SqlStore.IsPostgres(database)
        ? """
          CREATE OR REPLACE FUNCTION stall_exchange_snapshot() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN PERFORM pg_sleep(600); RETURN NEW; END $$;
          CREATE TRIGGER stall_exchange_snapshot BEFORE INSERT ON exchange_snapshots FOR EACH ROW EXECUTE FUNCTION stall_exchange_snapshot();
          """
        : """
          CREATE TRIGGER stall_exchange_snapshot BEFORE INSERT ON exchange_snapshots
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
            command.CommandText = "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%INSERT INTO exchange_snapshots%' AND state = 'active' AND pid <> pg_backend_pid()";
            Assert.Equal(1L, Convert.ToInt64(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture));
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

    [GeneratedRegex(@"Exchange books loaded from the snapshot of journal entry (\d+)")]
    private static partial Regex Loaded();
}
