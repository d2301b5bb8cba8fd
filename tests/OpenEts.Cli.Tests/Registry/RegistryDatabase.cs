using Npgsql;
using OpenEts.Application.Demo;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Storage;

namespace OpenEts.Cli.Tests.Registry;

/// <summary>
/// A database seeded with the demo market and the demo registry, for running <c>ets registry</c> in-process: a SQLite
/// file in a temporary folder, or a fresh database in the PostgreSQL cluster named by <c>OPENETS_TEST_PG</c>.
/// </summary>
public sealed class RegistryDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ets-registry-").FullName;

    private RegistryDatabase()
    {
    }

    /// <summary>What <c>--db</c> takes.</summary>
    public string Database { get; private set; } = "";

    public string Folder => _folder;

    public static async Task<RegistryDatabase> SqliteAsync()
    {
        var db = new RegistryDatabase();
        db.Database = Path.Combine(db._folder, "openets.db");
        await SeedAsync(db.Database);
        return db;
    }

    /// <summary>
    /// A fresh PostgreSQL database. Skips without <c>OPENETS_TEST_PG</c>, but fails under CI or
    /// <c>OPENETS_REQUIRE_INFRA</c>, where PostgreSQL must be there.
    /// </summary>
    public static async Task<RegistryDatabase> PostgresAsync()
    {
        var admin = Environment.GetEnvironmentVariable("OPENETS_TEST_PG");
        if (string.IsNullOrEmpty(admin))
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
                || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OPENETS_REQUIRE_INFRA")))
            {
                Assert.Fail("PostgreSQL is required here (CI or ./test.sh) but OPENETS_TEST_PG is not set");
            }
            Assert.Skip("no PostgreSQL configured: set OPENETS_TEST_PG or run ./test.sh");
        }
        var name = "openets_cli_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var db = new RegistryDatabase { Database = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString() };
        await SeedAsync(db.Database);
        return db;
    }

    /// <summary>Runs <c>ets registry ARGS --db DATABASE</c> in-process.</summary>
    public Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => RunEtsAsync(["registry", .. args]);

    /// <summary>Runs <c>ets</c> with <paramref name="args"/> (the verb first) on this database.</summary>
    public async Task<(int Exit, string Out, string Err)> RunEtsAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EtsCommand.RunAsync([.. args, "--db", Database], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
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
            // A file still held by a pooled connection; the OS cleans the temp folder.
        }
    }

    private static async Task SeedAsync(string database)
    {
        var now = DateTimeOffset.UtcNow;
        await using var store = await SqlStore.OpenAsync(database, CancellationToken.None);
        await new DemoMarket(store, new PlainHashing()).SeedIfEmptyAsync(now, CancellationToken.None);
        using var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(now, CancellationToken.None);
    }

    private sealed class PlainHashing : IPasswordHashing
    {
        public string Hash(string password) => "plain:" + password;

        public PasswordCheck Verify(string hash, string password) =>
            hash == "plain:" + password ? PasswordCheck.Success : PasswordCheck.Failed;
    }
}
