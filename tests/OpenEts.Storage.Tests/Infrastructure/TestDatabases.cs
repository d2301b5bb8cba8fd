using Npgsql;
using OpenEts.Storage;

namespace OpenEts.Storage.Tests.Infrastructure;

/// <summary>A database the storage contract runs on. Every call to <see cref="CreateStoreAsync"/> gives an empty one.</summary>
public interface ITestDatabase
{
    Task<SqlStore> CreateStoreAsync();

    /// <summary>An empty database on which the store runs every migration from the first.</summary>
    Task<SqlStore> CreateMigratedFromNothingAsync();

    /// <summary>The connection text that <see cref="SqlStore.OpenAsync"/> took for the last store.</summary>
    string LastDatabase { get; }
}

/// <summary>
/// SQLite files in a temporary folder. Each is a copy of one file migrated once per test run (migrating a new file
/// runs every migration in its own transaction, each with its own sync to disk); the store then opens the copy as it
/// opens any database, checking that every migration is applied. <c>Open_Twice_AppliesEachMigrationOnce</c> and the
/// migration tests still migrate from nothing.
/// </summary>
public sealed class SqliteDb : ITestDatabase, IDisposable
{
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    private readonly string _folder = Directory.CreateTempSubdirectory("openets-sqlite-").FullName;

    public string LastDatabase { get; private set; } = "";

    public async Task<SqlStore> CreateStoreAsync()
    {
        LastDatabase = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");
        File.Copy(await Template.Value, LastDatabase);
        return await SqlStore.OpenAsync(LastDatabase, CancellationToken.None);
    }

    /// <summary>A store on a database migrated from nothing (no template), for the tests of migration itself.</summary>
    public async Task<SqlStore> CreateMigratedFromNothingAsync()
    {
        LastDatabase = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");
        return await SqlStore.OpenAsync(LastDatabase, CancellationToken.None);
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("openets-sqlite-template-").FullName;
        var file = Path.Combine(folder, "template.db");
        await using (await SqlStore.OpenAsync(file, CancellationToken.None))
        {
        }
        // Closing the last connection checkpoints the write-ahead log into the file and removes it: the file alone is
        // the whole database.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        };
        return file;
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

    // One database migrated per test run; each test's database is created as a copy of it (CREATE DATABASE … TEMPLATE),
    // which costs a fraction of running every migration again. The store then opens the copy as it opens any database,
    // checking that every migration is applied.
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    public async Task<SqlStore> CreateStoreAsync()
    {
        RequireOrSkip();
        var template = await Template.Value;
        return await CreateAsync($"TEMPLATE {template}");
    }

    /// <summary>A store on a database migrated from nothing (no template), for the tests of migration itself.</summary>
    public async Task<SqlStore> CreateMigratedFromNothingAsync()
    {
        RequireOrSkip();
        return await CreateAsync("");
    }

    private async Task<SqlStore> CreateAsync(string template)
    {
        var name = "openets_t_" + Guid.NewGuid().ToString("N")[..16];
        await AdminAsync($"CREATE DATABASE {name} {template}");
        _created.Add(name);
        LastDatabase = new NpgsqlConnectionStringBuilder(AdminConnection) { Database = name }.ToString();
        return await SqlStore.OpenAsync(LastDatabase, CancellationToken.None);
    }

    private static async Task AdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(AdminConnection);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var name = "openets_template_" + Guid.NewGuid().ToString("N")[..16];
        await AdminAsync($"CREATE DATABASE {name}");
        // Disposing the store closes its connections: a template must have none while it is copied.
        await using (await SqlStore.OpenAsync(new NpgsqlConnectionStringBuilder(AdminConnection) { Database = name }.ToString(),
            CancellationToken.None))
        {
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                using var admin = new NpgsqlConnection(AdminConnection);
                admin.Open();
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin) { CommandTimeout = 60 };
                drop.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // A throwaway cluster goes with its folder; a kept one keeps one empty database.
            }
        };
        return name;
    }

    public void Dispose()
    {
        if (_created.IsEmpty || string.IsNullOrEmpty(AdminConnection))
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        // Each drop waits for a checkpoint (one to two seconds each on a busy machine: minutes for a test class's few
        // hundred databases, one after another). Drops sent together wait for the same checkpoints.
        Parallel.ForEach(_created, new ParallelOptions { MaxDegreeOfParallelism = 16 }, name =>
        {
            using var admin = new NpgsqlConnection(AdminConnection);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin) { CommandTimeout = 300 };
            drop.ExecuteNonQuery();
        });
    }
}
