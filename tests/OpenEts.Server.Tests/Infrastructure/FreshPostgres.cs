using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace OpenEts.Server.Tests.Infrastructure;

/// <summary>
/// A new PostgreSQL database on the test cluster (<c>OPENETS_TEST_PG</c>) for one test, dropped afterwards: empty, or
/// with the demo market seeded. Without a cluster the test skips, except under CI or ./test.sh, where it fails.
/// </summary>
internal static class FreshPostgres
{
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _template;

    /// <summary>Runs <paramref name="test"/> with the connection string of a database made for it, then drops it.</summary>
    public static Task RunAsync(string prefix, Func<string, Task> test, CancellationToken ct) => RunAsync(prefix, test, seeded: false, ct);

    /// <summary>
    /// The same on a copy of the demo market, seeded once per run into a template database (<c>CREATE DATABASE … TEMPLATE</c>
    /// copies its files): a demo seeding on PostgreSQL costs many seconds of round trips.
    /// </summary>
    public static Task RunSeededAsync(string prefix, Func<string, Task> test, CancellationToken ct) => RunAsync(prefix, test, seeded: true, ct);

    private static async Task RunAsync(string prefix, Func<string, Task> test, bool seeded, CancellationToken ct)
    {
        var admin = Environment.GetEnvironmentVariable("OPENETS_TEST_PG");
        if (string.IsNullOrEmpty(admin))
        {
            Assert.SkipWhen(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
                && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OPENETS_REQUIRE_INFRA")),
                "no PostgreSQL configured: set OPENETS_TEST_PG or run ./test.sh");
            Assert.Fail("PostgreSQL is required here (CI or ./test.sh) but OPENETS_TEST_PG is not set");
        }
        var name = prefix + Guid.NewGuid().ToString("N")[..16];
        if (seeded)
        {
            // One CREATE … TEMPLATE at a time: the template may have no other session while it is copied.
            await TemplateGate.WaitAsync(ct);
            try
            {
                await AdminAsync(admin, $"CREATE DATABASE {name} TEMPLATE {await TemplateAsync(admin, ct)}", ct);
            }
            finally
            {
                TemplateGate.Release();
            }
        }
        else
        {
            await AdminAsync(admin, $"CREATE DATABASE {name}", ct);
        }
        try
        {
            await test(new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
        }
    }

    // Under TemplateGate. The seeding server has stopped and its pooled connections are closed before the first copy.
    private static async Task<string> TemplateAsync(string admin, CancellationToken ct)
    {
        if (_template is { } made)
        {
            return made;
        }
        var name = "openets_demo_template_" + Guid.NewGuid().ToString("N")[..12];
        await AdminAsync(admin, $"CREATE DATABASE {name}", ct);
        var database = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        await Task.Run(() =>
        {
            using var seeding = new Seeding(database);
            _ = seeding.Services;
        }, ct);
        // Closed to sessions from now on (a copy needs the template to have none); the seeding's are ended.
        NpgsqlConnection.ClearAllPools();
        await AdminAsync(admin, $"ALTER DATABASE {name} ALLOW_CONNECTIONS false", ct);
        await AdminAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'", ct);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                AdminAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // The cluster went first (./test.sh stops it after the run): nothing left to drop.
            }
        };
        return _template = name;
    }

    private sealed class Seeding(string database) : ServerFactory(fromTemplate: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("db", database);
        }
    }

    private static async Task AdminAsync(string admin, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
