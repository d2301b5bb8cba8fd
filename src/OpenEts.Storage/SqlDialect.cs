using System.Data.Common;
using OpenEts.Application.Storage;
using OpenEts.Domain.Journal;
using OpenEts.Storage.Postgres;
using OpenEts.Storage.Sqlite;

namespace OpenEts.Storage;

/// <summary>
/// What differs between the databases OpenETS runs on: opening a connection, how writes are serialised and reads
/// isolated, the journal's batch insert, error codes and the migrations. Everything else, the SQL of
/// <see cref="SqlSession"/> included, is shared. One instance per store; it owns the store's connection source.
/// </summary>
internal abstract class SqlDialect : IAsyncDisposable
{
    /// <summary>The database's name as the platform prints it.</summary>
    public abstract string Name { get; }

    /// <summary>The folder of embedded <c>NNNN_name.sql</c> migrations, as it appears in a manifest resource name.</summary>
    public abstract string MigrationsFolder { get; }

    /// <summary>Picks the dialect from the connection text that <see cref="SqlStore.OpenAsync"/> took.</summary>
    public static SqlDialect For(string database) =>
        PostgresDialect.Accepts(database) ? PostgresDialect.Create(database) : SqliteDialect.Create(database);

    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken ct);

    /// <summary>
    /// The connection for one write transaction, given back with <see cref="ReleaseWriteAsync"/> once the transaction
    /// ended: by default a new one from the pool (SQLite: the store's kept writer when it is free, <see cref="SqliteWriter"/>).
    /// </summary>
    public virtual Task<DbConnection> OpenWriteAsync(CancellationToken ct) => OpenConnectionAsync(ct);

    /// <summary>Gives back a connection from <see cref="OpenWriteAsync"/> after its transaction ended.</summary>
    public virtual ValueTask ReleaseWriteAsync(DbConnection connection) => connection.DisposeAsync();

    /// <summary>The connection a session runs its Dapper statements on (SQLite: one that keeps what it compiled).</summary>
    public virtual DbConnection StatementsOf(DbConnection connection) => connection;

    /// <summary>Ends what <see cref="StatementsOf"/> gave a session, when the session ends (before its connection goes back).</summary>
    public virtual void EndStatements(DbConnection statements)
    {
    }

    /// <summary>Runs once when the store opens, before the migrations, on a connection of its own.</summary>
    public virtual Task PrepareAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Begins a write transaction that waits for any other writer, in this process or another.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct);

    /// <summary>Begins a read transaction on one snapshot that never waits for writers.</summary>
    /// <summary>
    /// True when a write may run beside the serialised writers in a plain transaction (<see cref="SqlStore.WriteBesideAsync{T}"/>):
    /// PostgreSQL, whose writers serialise on a lock of their own; not SQLite, whose one writer is the database's.
    /// </summary>
    public virtual bool WritesBeside => false;

    public abstract ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken ct);

    /// <summary>Told when a write transaction ends without a commit (rolled back or abandoned), after it ends.</summary>
    public virtual void WriteAbandoned()
    {
    }

    /// <summary>
    /// Inserts the rows of <paramref name="batch"/>, already chained (<see cref="JournalBatch.Chain"/>), the first as
    /// <paramref name="firstSequence"/>, in the write transaction.
    /// </summary>
    public abstract Task InsertJournalAsync(
        DbConnection connection, DbTransaction transaction, JournalBatch batch, long firstSequence, CancellationToken ct);

    /// <summary>
    /// Feeds the journal's rows from <see cref="JournalChainCheck.Next"/> to <paramref name="upTo"/> into
    /// <paramref name="check"/> in sequence order until it breaks, in the read transaction.
    /// </summary>
    public abstract Task CheckChainAsync(
        DbConnection connection, DbTransaction transaction, JournalChainCheck check, long upTo, CancellationToken ct);

    /// <summary>
    /// Feeds the journal's rows from <paramref name="fromSequence"/> on (sequence, kind, payload) to
    /// <paramref name="visit"/> in sequence order until it returns false, in the read or write transaction.
    /// </summary>
    public abstract Task ReadPayloadsAsync(
        DbConnection connection, DbTransaction transaction, long fromSequence, JournalPayloadVisitor visit, CancellationToken ct);

    /// <summary>The statement of <see cref="ReadPayloadsAsync"/>, the first sequence as parameter 1.</summary>
    protected const string PayloadsSql = "SELECT seq, kind, payload FROM journal WHERE seq >= $1 ORDER BY seq";

    /// <summary>The statement of <see cref="CheckChainAsync"/>, the range's bounds as parameters 1 and 2.</summary>
    protected const string ChainSql =
        "SELECT seq, at, actor, kind, subject, payload, prev_hash, hash FROM journal WHERE seq >= $1 AND seq <= $2 ORDER BY seq";

    /// <summary>Inserts the registry's index rows (account terms, proposals) and idempotency keys in the write transaction.</summary>
    public abstract Task InsertRegistryIndexAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Term, long Sequence)> terms,
        IReadOnlyList<(long Proposal, long Sequence)> proposals, IReadOnlyList<(string Actor, string Key, long Sequence)> keys,
        CancellationToken ct);

    /// <summary>
    /// Inserts <paramref name="rows"/> into <paramref name="table"/> in the write transaction, each row's values in the
    /// order of <paramref name="columns"/> (a <see cref="long"/>, an <see cref="int"/> for a PostgreSQL <c>integer</c>
    /// column, a <see cref="string"/> or null): one statement prepared
    /// once for all of them (a binary <c>COPY</c> for many rows on PostgreSQL), not one statement each.
    /// </summary>
    public abstract Task InsertRowsAsync(
        DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows,
        CancellationToken ct);

    /// <summary>
    /// Updates rows of <paramref name="table"/> found by <paramref name="key"/> in the write transaction: each row's values
    /// are the key's and then those of <paramref name="columns"/>, in that order (a <see cref="long"/>, a
    /// <see cref="string"/> or null), in one statement for all of them (prepared once and stepped per row on SQLite, one
    /// <c>UPDATE … FROM unnest(…)</c> on PostgreSQL), not one statement each. Returns how many rows it changed.
    /// </summary>
    public abstract Task<int> UpdateRowsAsync(
        DbConnection connection, DbTransaction transaction, string table, string key, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows,
        CancellationToken ct);

    /// <summary>The provider error's meaning for the platform, by error code; null when it has none.</summary>
    public abstract Exception? TranslateError(Exception e);

    public abstract ValueTask DisposeAsync();
}
