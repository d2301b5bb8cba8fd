using Npgsql;

namespace OpenEts.Server.Tests.Infrastructure;

/// <summary>
/// A new, empty PostgreSQL database on the test cluster (<c>OPENETS_TEST_PG</c>) for one test, dropped afterwards. Without
/// a cluster the test skips, except under CI or ./test.sh, where it fails.
/// </summary>
internal static class FreshPostgres
{
    /// <summary>Runs <paramref name="test"/> with the connection string of a database made for it, then drops it.</summary>
    public static async Task RunAsync(string prefix, Func<string, Task> test, CancellationToken ct)
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
        await AdminAsync(admin, $"CREATE DATABASE {name}", ct);
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

    private static async Task AdminAsync(string admin, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
