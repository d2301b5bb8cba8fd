using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using OpenEts.Application.Storage;

namespace OpenEts.Storage;

/// <summary>
/// The platform's store on SQLite or PostgreSQL. Writers are serialised (SQLite: <c>BEGIN IMMEDIATE</c>;
/// PostgreSQL: a transaction-scoped advisory lock) so the journal's sequence and hash chain stay gapless.
/// </summary>
public sealed class SqlStore : IStore, IAsyncDisposable
{
    // Any fixed number: the advisory lock that serialises writers on PostgreSQL.
    private const long WriterLockKey = 0x4F45_5453;

    private readonly string _connectionString;
    private readonly NpgsqlDataSource? _postgres;

    private SqlStore(SqlDialect dialect, string connectionString)
    {
        Kind = dialect;
        _connectionString = connectionString;
        if (dialect == SqlDialect.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(connectionString);
        }
    }

    public SqlDialect Kind { get; }

    public string Dialect => Kind == SqlDialect.Sqlite ? "SQLite" : "PostgreSQL";

    /// <summary>
    /// Opens the store named by <paramref name="database"/>: a PostgreSQL connection string (<c>Host=…</c>) or URL
    /// (<c>postgres://…</c>), else a SQLite file path or <c>Data Source=…</c> string. Runs pending migrations.
    /// </summary>
    public static async Task<SqlStore> OpenAsync(string database, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        var store = IsPostgres(database)
            ? new SqlStore(SqlDialect.Postgres, ToNpgsql(database))
            : new SqlStore(SqlDialect.Sqlite, ToSqlite(database));
        await Migrator.MigrateAsync(store, ct).ConfigureAwait(false);
        return store;
    }

    public static bool IsPostgres(string database) =>
        database.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || database.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || database.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    public async Task<T> WriteAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await BeginWriteAsync(connection, ct).ConfigureAwait(false);
        try
        {
            var result = await work(new SqlSession(this, connection, transaction, ct)).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return result;
        }
        catch (Exception e) when (StorageErrors.Translate(Kind, e) is { } translated)
        {
            throw translated;
        }
    }

    public async Task<T> ReadAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenConnectionAsync(ct).ConfigureAwait(false);
        await using DbTransaction transaction = Kind == SqlDialect.Postgres
            ? await ((NpgsqlConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct).ConfigureAwait(false)
            : ((SqliteConnection)connection).BeginTransaction(deferred: true);
        return await work(new SqlSession(this, connection, transaction, ct)).ConfigureAwait(false);
    }

    internal async Task<DbConnection> OpenConnectionAsync(CancellationToken ct)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(ct).ConfigureAwait(false);
        }
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();
        // WAL with synchronous=NORMAL survives a killed process; foreign keys are off by default in SQLite.
        pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";
        await pragma.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return connection;
    }

    internal static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct)
    {
        if (connection is SqliteConnection sqlite)
        {
            return sqlite.BeginTransaction(deferred: false);
        }
        var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({WriterLockKey})";
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return transaction;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string ToSqlite(string database)
    {
        var builder = database.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(database)
            : new SqliteConnectionStringBuilder { DataSource = database };
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }
        builder.Pooling = true;
        return builder.ToString();
    }

    private static string ToNpgsql(string database)
    {
        if (!database.Contains("://", StringComparison.Ordinal))
        {
            return database;
        }
        var uri = new Uri(database);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.TrimStart('/'),
        };
        if (uri.UserInfo.Split(':', 2) is [var user, ..] && user.Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user);
            if (uri.UserInfo.Split(':', 2) is [_, var password])
            {
                builder.Password = Uri.UnescapeDataString(password);
            }
        }
        return builder.ToString();
    }
}
