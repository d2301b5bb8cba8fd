using Npgsql;
using OpenEts.Storage;

namespace OpenEts.Storage.Tests.Infrastructure;

/// <summary>A database the storage contract runs on. Every call to <see cref="CreateStoreAsync"/> gives an empty one.</summary>
public interface ITestDatabase
{
    Task<SqlStore> CreateStoreAsync();

    /// <summary>The connection text that <see cref="SqlStore.OpenAsync"/> took for the last store.</summary>
    string LastDatabase { get; }
}

/// <summary>SQLite files in a temporary folder.</summary>
public sealed class SqliteDb : ITestDatabase, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("openets-sqlite-").FullName;

    public string LastDatabase { get; private set; } = "";

    public async Task<SqlStore> CreateStoreAsync()
    {
        LastDatabase = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");
        return await SqlStore.OpenAsync(LastDatabase, CancellationToken.None);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>
/// Fresh databases in the PostgreSQL cluster named by <c>OPENETS_TEST_PG</c> (./test.sh starts one). Without it the
/// tests skip — except under CI or ./test.sh (<c>OPENETS_REQUIRE_INFRA</c>), where a missing PostgreSQL fails them.
/// </summary>
public sealed class PostgresDb : ITestDatabase, IDisposable
{
    // Every database made here, dropped when the test class is done so the cluster does not fill up.
    private readonly System.Collections.Concurrent.ConcurrentBag<string> _created = [];

    public static string? AdminConnection => Environment.GetEnvironmentVariable("OPENETS_TEST_PG");

    public string LastDatabase { get; private set; } = "";

    public static void RequireOrSkip()
    {
        if (!string.IsNullOrEmpty(AdminConnection))
        {
            return;
        }
        if (Required)
        {
            Assert.Fail("PostgreSQL is required here (CI or ./test.sh) but OPENETS_TEST_PG is not set");
        }
        Assert.Skip("no PostgreSQL configured: set OPENETS_TEST_PG or run ./test.sh");
    }

    public static bool Required =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OPENETS_REQUIRE_INFRA"));

    public async Task<SqlStore> CreateStoreAsync()
    {
        RequireOrSkip();
        var name = "openets_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(AdminConnection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        _created.Add(name);
        LastDatabase = new NpgsqlConnectionStringBuilder(AdminConnection) { Database = name }.ToString();
        return await SqlStore.OpenAsync(LastDatabase, CancellationToken.None);
    }

    public void Dispose()
    {
        if (_created.IsEmpty || string.IsNullOrEmpty(AdminConnection))
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(AdminConnection);
        admin.Open();
        foreach (var name in _created)
        {
            // Each drop waits for a checkpoint: on a busy machine dozens of them outlast the default 30 s timeout.
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin) { CommandTimeout = 300 };
            drop.ExecuteNonQuery();
        }
    }
}
