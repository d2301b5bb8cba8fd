using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace OpenEts.Storage;

/// <summary>
/// Versioned schema migrations: embedded <c>{Sqlite|Postgres}/Migrations/NNNN_name.sql</c> files applied in order, each
/// in its own transaction with its row in <c>schema_migrations</c>. Safe when several processes start at once.
/// </summary>
internal static class Migrator
{
    private static List<(int Version, string Name, string Sql)> Migrations(SqlDialect dialect)
    {
        var folder = dialect.MigrationsFolder;
        var assembly = typeof(Migrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(folder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[(n.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..];
                var version = int.Parse(file.AsSpan(0, 4), CultureInfo.InvariantCulture);
                return (version, file[5..^4], Read(assembly, n));
            })
            .OrderBy(m => m.version)
            .ToList();
    }

    public static async Task MigrateAsync(SqlDialect dialect, CancellationToken ct)
    {
        await using var connection = await dialect.OpenConnectionAsync(ct).ConfigureAwait(false);
        await dialect.PrepareAsync(connection, ct).ConfigureAwait(false);
        await using (var transaction = await dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false))
        {
            await ExecAsync(connection, transaction, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)
                """, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
        var migrations = Migrations(dialect);
        await using (var newest = connection.CreateCommand())
        {
            newest.CommandText = "SELECT MAX(version) FROM schema_migrations";
            var applied = await newest.ExecuteScalarAsync(ct).ConfigureAwait(false);
            var known = migrations.Count == 0 ? 0 : migrations[^1].Version;
            if (applied is not (null or DBNull) && Convert.ToInt32(applied, CultureInfo.InvariantCulture) is var highest && highest > known)
            {
                throw new DatabaseTooNewException(highest, known);
            }
        }
        foreach (var (version, name, sql) in migrations)
        {
            await using var transaction = await dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
            await using var check = connection.CreateCommand();
            check.Transaction = transaction;
            check.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = " + version.ToString(CultureInfo.InvariantCulture);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0)
            {
                continue;
            }
            await ExecAsync(connection, transaction, sql, ct).ConfigureAwait(false);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @a)";
            AddParameter(record, "@v", version);
            AddParameter(record, "@n", name);
            AddParameter(record, "@a", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
    }

    private static async Task ExecAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
