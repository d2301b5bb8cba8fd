using System.Data.Common;
using OpenEts.Application.Storage;
using OpenEts.Storage.Postgres;

namespace OpenEts.Storage;

/// <summary>
/// The platform's store on SQLite or PostgreSQL. Writers are serialised (SQLite: <c>BEGIN IMMEDIATE</c>;
/// PostgreSQL: a transaction-scoped advisory lock) so the journal's sequence and hash chain stay gapless. What differs
/// between the two is in <c>Sqlite/</c> and <c>Postgres/</c>, behind <see cref="SqlDialect"/>.
/// </summary>
public sealed class SqlStore : IStore, IAsyncDisposable
{
    private readonly SqlDialect _dialect;
    private readonly PlanCache _plans = new();
    private long _usersVersion;

    private SqlStore(SqlDialect dialect) => _dialect = dialect;

    /// <summary>The database's name as the platform prints it: SQLite or PostgreSQL.</summary>
    public string Dialect => _dialect.Name;

    /// <summary>The database's dialect, for the storage tests.</summary>
    internal SqlDialect Engine => _dialect;

    /// <summary>
    /// Opens the store named by <paramref name="database"/>: a PostgreSQL connection string (<c>Host=…</c>) or URL
    /// (<c>postgres://…</c>), else a SQLite file path or <c>Data Source=…</c> string. Runs pending migrations.
    /// </summary>
    public static async Task<SqlStore> OpenAsync(string database, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        var store = new SqlStore(SqlDialect.For(database));
        await Migrator.MigrateAsync(store._dialect, ct).ConfigureAwait(false);
        return store;
    }

    public static bool IsPostgres(string database) => PostgresDialect.Accepts(database);

    /// <inheritdoc/>
    public long UsersVersion => Volatile.Read(ref _usersVersion);

    public Task<T> WriteAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken ct) => WriteAsync(work, beside: false, ct);

    /// <inheritdoc/>
    public Task<T> WriteBesideAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken ct) =>
        WriteAsync(work, beside: _dialect.WritesBeside, ct);

    private async Task<T> WriteAsync<T>(Func<IStoreSession, Task<T>> work, bool beside, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        var committed = false;
        try
        {
            var connection = await _dialect.OpenWriteAsync(ct).ConfigureAwait(false);
            try
            {
                // Disposed (rolled back if not committed) at the end of this block, before the connection goes back.
                await using var transaction = beside
                    ? await connection.BeginTransactionAsync(ct).ConfigureAwait(false)
                    : await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
                var plans = _plans.Open(writing: true);
                var session = new SqlSession(_dialect, connection, transaction, plans, ct);
                try
                {
                    if (beside)
                    {
                        session.Beside();
                    }
                    session.KeepCashRows();
                    var result = await work(session).ConfigureAwait(false);
                    await session.FlushAsync().ConfigureAwait(false);
                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                    committed = true;
                    plans.Committed();
                    if (session.UsersChanged)
                    {
                        Interlocked.Increment(ref _usersVersion);
                    }
                    return result;
                }
                finally
                {
                    session.EndStatements();
                }
            }
            finally
            {
                await _dialect.ReleaseWriteAsync(connection).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (_dialect.TranslateError(e) is { } translated)
        {
            throw translated;
        }
        finally
        {
            if (!committed)
            {
                _dialect.WriteAbandoned();
            }
        }
    }

    public async Task<T> ReadAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginReadAsync(connection, ct).ConfigureAwait(false);
        var session = new SqlSession(_dialect, connection, transaction, _plans.Open(writing: false), ct);
        try
        {
            return await work(session).ConfigureAwait(false);
        }
        finally
        {
            session.EndStatements();
        }
    }

    internal Task<DbConnection> OpenConnectionAsync(CancellationToken ct) => _dialect.OpenConnectionAsync(ct);

    public ValueTask DisposeAsync() => _dialect.DisposeAsync();
}
