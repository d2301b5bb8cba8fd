using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using OpenEts.Application.Storage;
using OpenEts.Domain.Journal;
using SQLitePCL;

namespace OpenEts.Storage.Sqlite;

/// <summary>
/// SQLite: one file, WAL mode. Writers are serialised by <c>BEGIN IMMEDIATE</c>. Every connection comes from
/// <see cref="OpenConnectionAsync"/>, so the casts to <see cref="SqliteConnection"/> below hold.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (https://www.sqlite.org/rescode.html).
    private const int UniqueViolation = 2067;
    private const int PrimaryKeyViolation = 1555;

    // A checkpoint starts in the background when a commit leaves this many pages in the write-ahead log (4 KiB pages:
    // 16 MiB; SQLite's automatic checkpoint runs at 1 000 on the committing thread), at most every tenth of a second. A
    // commit that finds the log at the bound (65 536 pages, 256 MiB) copies it itself, as SQLite's own would. Under writes
    // that never pause the bound is reached: SQLite starts the log again only when a write begins with every page of it
    // copied, and a background checkpoint copies what was there when it started, by which time another write has added
    // more. The commit at the bound waits for the pages the last background checkpoint left and for their syncs to disk;
    // checkpoints a tenth of a second apart leave few (docs/exchange-speed.md, "The log's bound under sustained writes").
    //
    // So the log is also started again on purpose: a background checkpoint runs pass after pass while each leaves more
    // than FinishPages behind (each pass copies what the writer added during the one before, fewer each time), and then
    // the writer's next commit copies the few pages left itself, on its own thread; the write after it finds every page
    // copied and starts the log from its beginning. The writer waits about 2 ms for that (the last pages and the syncs),
    // where the commit at the bound waited 36-77 ms (docs/exchange-speed.md, "A group's fixed cost, and the log started
    // again before its bound").
    private const int CheckpointPages = 4000;
    private const int CommitCheckpointPages = 65536;
    private const long CheckpointEveryMs = 100;
    private const int FinishPages = 256;
    private const int MaxPasses = 8;

    private const string Pragmas = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000; "
        + "PRAGMA cache_size = -32768;";

    private readonly string _connectionString;
    private readonly string? _checkpointConnectionString;
    private readonly Lock _checkpointGate = new();
    private readonly nint _hookId;
    private long _lastCheckpoint = Environment.TickCount64 - CheckpointEveryMs;

    // The pages in the log after the last commit (the hook's count), and the pages of it the last background pass left
    // copied (0: none to finish).
    private int _walPages;
    private int _backfilled;
    private Task _checkpoint = Task.CompletedTask;
    private bool _disposed;

    // The store's writer (SqliteWriter; file databases only), and whether a write holds it (1) or it is free (0).
    private SqliteWriter? _writer;
    private int _writerBusy;

    // SQLite's process-wide setting, made before this process opens its first connection (sqlite3_config is refused
    // after that, SQLITE_MISUSE, and SQLite then keeps its default, which is only slower): no memory statistics
    // (SQLITE_CONFIG_MEMSTATUS 0), which take a process-wide mutex on every allocation, and nothing here reads them.
    //
    // The threading mode stays SQLite's default, serialized: each connection locks its own mutex around every call. An
    // ADO.NET connection is used by one thread at a time, but not everything of it is: a command that nobody disposed
    // leaves its compiled statement to the garbage collector, whose finalizer thread finalizes it whenever it runs,
    // while the connection may be serving a request on another thread from the pool. Without the mutex (multi-thread
    // mode, SQLITE_CONFIG_MULTITHREAD, used here until 2026-12-05) the two threads corrupt the connection's small
    // allocations and the process dies in sqlite3DbMallocRawNN (docs/architecture.md, "The cause, found and fixed"). The
    // mutex was 6 % of a settlement's profile when it was taken out; order entry with it back showed no difference beyond
    // the machine's noise (docs/exchange-speed.md, "SQLite's mutexes").
    static SqliteDialect()
    {
        Batteries_V2.Init();
        ProcessSettings = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) == raw.SQLITE_OK;
    }

    /// <summary>
    /// Whether SQLite's process-wide setting above was made (false when something in this process had opened a SQLite
    /// connection first: SQLite then keeps its default).
    /// </summary>
    public static bool ProcessSettings { get; }

    private SqliteDialect(string connectionString)
    {
        _connectionString = connectionString;
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode != SqliteOpenMode.Memory && builder.DataSource is { Length: > 0 } file && file != ":memory:")
        {
            // Its own connection, never pooled, and never creating the file: a checkpoint that runs after the
            // database's folder is deleted fails instead of leaving an empty database behind.
            builder.Pooling = false;
            builder.Mode = SqliteOpenMode.ReadWrite;
            _checkpointConnectionString = builder.ToString();
            _hookId = SqliteWalHook.Enrol(this);
        }
    }

    public override string Name => "SQLite";

    public override string MigrationsFolder => ".Sqlite.Migrations.";

    /// <summary>A file path or a <c>Data Source=…</c> string; the file's folder is created if missing.</summary>
    public static SqliteDialect Create(string database)
    {
        var builder = database.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(database)
            : new SqliteConnectionStringBuilder { DataSource = database };
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }
        builder.Pooling = true;
        return new SqliteDialect(builder.ToString());
    }

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken ct) =>
        await OpenAsync(_connectionString, ct).ConfigureAwait(false);

    /// <summary>
    /// The store's writer (<see cref="SqliteWriter"/>) when no other write holds it, opened at the first write; else, and
    /// for a database in memory, a connection from the pool.
    /// </summary>
    public override async Task<DbConnection> OpenWriteAsync(CancellationToken ct)
    {
        if (_checkpointConnectionString is null || Interlocked.CompareExchange(ref _writerBusy, 1, 0) != 0)
        {
            return await OpenConnectionAsync(ct).ConfigureAwait(false);
        }
        try
        {
            _writer ??= new SqliteWriter(await OpenAsync(_checkpointConnectionString, ct).ConfigureAwait(false));
            return _writer.Connection;
        }
        catch
        {
            Volatile.Write(ref _writerBusy, 0);
            throw;
        }
    }

    /// <summary>
    /// The writer is kept for the next write unless its transaction was left open, its statements reached their bound or
    /// the store is being disposed (then it closes); a connection from the pool goes back to it.
    /// </summary>
    public override ValueTask ReleaseWriteAsync(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (WriterOf(connection) is not { } writer)
        {
            return connection.DisposeAsync();
        }
        if (Volatile.Read(ref _disposed) || !writer.Reusable())
        {
            _writer = null;
            writer.Dispose();
        }
        Volatile.Write(ref _writerBusy, 0);
        return ValueTask.CompletedTask;
    }

    public override DbConnection StatementsOf(DbConnection connection) =>
        WriterOf(connection)?.Statements ?? new ReusingConnection((SqliteConnection)connection);

    // A pooled connection's statements are finalized as its session ends; the writer's are kept for its next write.
    public override void EndStatements(DbConnection statements)
    {
        if (statements is ReusingConnection reusing && !ReferenceEquals(reusing, _writer?.Statements))
        {
            reusing.DisposeCommands();
        }
    }

    // The store's writer when connection is its connection (then the session running on it holds it), else null.
    private SqliteWriter? WriterOf(DbConnection connection) =>
        _writer is { } writer && ReferenceEquals(connection, writer.Connection) ? writer : null;

    /// <summary>A statement run row by row through SQLite's C calls, compiled once for all writes on the store's writer.</summary>
    internal SqliteRowStatement Rows(DbConnection connection, string sql, IReadOnlyList<string> names) =>
        new((SqliteConnection)connection, Prepare(connection, sql), names);

    // The statement compiled for this use: the writer's kept one, reset when the use ends, or one of its own.
    private SqliteStatementLease Prepare(DbConnection connection, string sql)
    {
        if (WriterOf(connection)?.Kept(sql) is { } kept)
        {
            return new SqliteStatementLease(kept, kept: true);
        }
        var db = ((SqliteConnection)connection).Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        return new SqliteStatementLease(statement, kept: false);
    }

    private async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();
        // WAL with synchronous=NORMAL survives a killed process; foreign keys are off by default in SQLite. A 32 MB page
        // cache (SQLite's default is 2 MB) holds the pages a batch of journal rows and their index entries touch, which
        // would otherwise be read again from the file on every batch. The write-ahead log is copied into the file by a
        // checkpoint in the background (WalCommitted), not by the commit that fills it: that commit used to wait for
        // the copy and its syncs to disk, 40-50 ms, and so did every live market update behind it (docs/exchange-speed.md).
        // Neither changes what a commit guarantees.
        pragma.CommandText = Pragmas;
        await pragma.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        if (_checkpointConnectionString is not null)
        {
            SqliteWalHook.Install(connection.Handle!.DangerousGetHandle(), _hookId);
        }
        return connection;
    }

    // The journal mode is stored in the database file, so setting it once per open is enough.
    public override async Task PrepareAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    // In WAL mode a deferred transaction reads one snapshot and never waits for the writer.
    public override ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken ct) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    // SQLite's own statement API, bound by position: cheaper per row than the ADO.NET layer's named parameters, which it
    // looks up and re-marshals on every execution. Same connection, so the same transaction; a failed step throws
    // SqliteException like the ADO.NET path, and the caller's transaction rolls back. Text is bound from the batch's
    // UTF-8 bytes as they are (SQLite copies them: SQLITE_TRANSIENT).
    public override Task InsertJournalAsync(
        DbConnection connection, DbTransaction transaction, JournalBatch batch, long firstSequence, CancellationToken ct)
    {
        var db = ((SqliteConnection)connection).Handle!;
        using (var statement = Prepare(connection,
            "INSERT INTO journal (seq, at, actor, kind, subject, payload, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"))
        {
            var stmt = statement.Handle;
            for (var i = 0; i < batch.Count; i++)
            {
                Check(db, SqliteNative.BindInt64(stmt, 1, firstSequence + i));
                Check(db, SqliteNative.BindInt64(stmt, 2, batch.AtMs(i)));
                Check(db, SqliteNative.BindText(stmt, 3, batch.Actor(i)));
                Check(db, SqliteNative.BindText(stmt, 4, batch.Kind(i)));
                Check(db, SqliteNative.BindText(stmt, 5, batch.Subject(i)));
                Check(db, SqliteNative.BindText(stmt, 6, batch.Payload(i)));
                Check(db, SqliteNative.BindText(stmt, 7, batch.PreviousHash(i)));
                Check(db, SqliteNative.BindText(stmt, 8, batch.Hash(i)));
                var done = SqliteNative.Step(stmt);
                if (done != raw.SQLITE_DONE)
                {
                    Check(db, done);
                }
                Check(db, SqliteNative.Reset(stmt));
            }
        }
        return Task.CompletedTask;
    }

    // The rows' bytes straight from SQLite's cursor (a TEXT column read as a blob is its UTF-8), no string per field.
    public override Task CheckChainAsync(
        DbConnection connection, DbTransaction transaction, JournalChainCheck check, long upTo, CancellationToken ct)
    {
        var db = ((SqliteConnection)connection).Handle!;
        using (var lease = Prepare(connection, ChainSql.Replace('$', '?')))
        {
            var statement = lease.Statement;
            Check(db, raw.sqlite3_bind_int64(statement, 1, check.Next));
            Check(db, raw.sqlite3_bind_int64(statement, 2, upTo));
            for (var rows = 1L; ; rows++)
            {
                var step = raw.sqlite3_step(statement);
                if (step == raw.SQLITE_DONE)
                {
                    break;
                }
                if (step != raw.SQLITE_ROW)
                {
                    Check(db, step);
                }
                if (!check.Add(new JournalEntryBytes(
                    raw.sqlite3_column_int64(statement, 0), raw.sqlite3_column_int64(statement, 1),
                    raw.sqlite3_column_blob(statement, 2), raw.sqlite3_column_blob(statement, 3),
                    raw.sqlite3_column_blob(statement, 4), raw.sqlite3_column_blob(statement, 5),
                    raw.sqlite3_column_blob(statement, 6), raw.sqlite3_column_blob(statement, 7))))
                {
                    break;
                }
                if (rows % 65_536 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
            }
        }
        return Task.CompletedTask;
    }

    // As the chain check: the kind and payload straight from SQLite's cursor as UTF-8.
    public override Task ReadPayloadsAsync(
        DbConnection connection, DbTransaction transaction, long fromSequence, JournalPayloadVisitor visit, CancellationToken ct)
    {
        var db = ((SqliteConnection)connection).Handle!;
        using (var lease = Prepare(connection, PayloadsSql.Replace('$', '?')))
        {
            var statement = lease.Statement;
            Check(db, raw.sqlite3_bind_int64(statement, 1, fromSequence));
            for (var rows = 1L; ; rows++)
            {
                var step = raw.sqlite3_step(statement);
                if (step == raw.SQLITE_DONE)
                {
                    break;
                }
                if (step != raw.SQLITE_ROW)
                {
                    Check(db, step);
                }
                if (!visit(raw.sqlite3_column_int64(statement, 0), raw.sqlite3_column_blob(statement, 1),
                    raw.sqlite3_column_blob(statement, 2)))
                {
                    break;
                }
                if (rows % 65_536 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
            }
        }
        return Task.CompletedTask;
    }

    public override Task InsertRegistryIndexAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Term, long Sequence)> terms,
        IReadOnlyList<(long Proposal, long Sequence)> proposals, IReadOnlyList<(string Actor, string Key, long Sequence)> keys,
        CancellationToken ct)
    {
        var db = ((SqliteConnection)connection).Handle!;
        var utf8 = new Utf8Buffer();
        if (terms.Count > 0)
        {
            using (var statement = Prepare(connection, "INSERT OR IGNORE INTO registry_index (term, seq) VALUES (?1, ?2)"))
            {
                var stmt = statement.Handle;
                foreach (var (term, sequence) in terms)
                {
                    Check(db, utf8.Bind(stmt, 1, term));
                    Check(db, SqliteNative.BindInt64(stmt, 2, sequence));
                    Step(db, stmt);
                }
            }
        }
        if (proposals.Count > 0)
        {
            using (var statement = Prepare(connection, "INSERT OR IGNORE INTO registry_proposal_index (proposal, seq) VALUES (?1, ?2)"))
            {
                var stmt = statement.Handle;
                foreach (var (proposal, sequence) in proposals)
                {
                    Check(db, SqliteNative.BindInt64(stmt, 1, proposal));
                    Check(db, SqliteNative.BindInt64(stmt, 2, sequence));
                    Step(db, stmt);
                }
            }
        }
        if (keys.Count > 0)
        {
            using (var statement = Prepare(connection, "INSERT INTO registry_keys (actor, key, seq) VALUES (?1, ?2, ?3)"))
            {
                var stmt = statement.Handle;
                foreach (var (actor, key, sequence) in keys)
                {
                    Check(db, utf8.Bind(stmt, 1, actor));
                    Check(db, utf8.Bind(stmt, 2, key));
                    Check(db, SqliteNative.BindInt64(stmt, 3, sequence));
                    Step(db, stmt);
                }
            }
        }
        return Task.CompletedTask;
    }

    public override Task InsertRowsAsync(
        DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows,
        CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }
        var db = ((SqliteConnection)connection).Handle!;
        var utf8 = new Utf8Buffer();
        var places = string.Join(", ", Enumerable.Range(1, columns.Count).Select(i => "?" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using (var statement = Prepare(connection, $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({places})"))
        {
            var stmt = statement.Handle;
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    Check(db, Bind(stmt, i + 1, row[i], utf8, table, columns[i]));
                }
                Step(db, stmt);
            }
        }
        return Task.CompletedTask;
    }

    public override Task<int> UpdateRowsAsync(
        DbConnection connection, DbTransaction transaction, string table, string key, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows,
        CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return Task.FromResult(0);
        }
        var db = ((SqliteConnection)connection).Handle!;
        var utf8 = new Utf8Buffer();
        var sets = string.Join(", ", columns.Select((c, i) => c + " = ?" + (i + 2).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var changed = 0;
        using (var statement = Prepare(connection, $"UPDATE {table} SET {sets} WHERE {key} = ?1"))
        {
            var stmt = statement.Handle;
            foreach (var row in rows)
            {
                for (var i = 0; i <= columns.Count; i++)
                {
                    Check(db, Bind(stmt, i + 1, row[i], utf8, table, i == 0 ? key : columns[i - 1]));
                }
                Step(db, stmt);
                changed += raw.sqlite3_changes(db);
            }
        }
        return Task.FromResult(changed);
    }

    private static int Bind(nint statement, int index, object? value, Utf8Buffer utf8, string table, string column) => value switch
    {
        null => SqliteNative.BindNull(statement, index),
        long number => SqliteNative.BindInt64(statement, index, number),
        int number => SqliteNative.BindInt64(statement, index, number),
        string text => utf8.Bind(statement, index, text),
        var other => throw new ArgumentException($"{table}.{column}: a {other.GetType().Name} is neither a long, an int nor a string", nameof(value)),
    };

    // Text bound from one reused UTF-8 buffer (SQLite copies it: SQLITE_TRANSIENT), instead of a new byte array per value.
    internal sealed class Utf8Buffer
    {
        private byte[] _bytes = new byte[1024];

        public int Bind(nint statement, int index, string text)
        {
            var most = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (most > _bytes.Length)
            {
                _bytes = new byte[Math.Max(most, 2 * _bytes.Length)];
            }
            var length = Encoding.UTF8.GetBytes(text, _bytes);
            return SqliteNative.BindText(statement, index, new ReadOnlySpan<byte>(_bytes, 0, length));
        }
    }

    // Runs a statement that returns no row, and resets it for its next values.
    internal static void Step(sqlite3 db, nint statement) => Finish(db, statement, SqliteNative.Step(statement));

    // After a step that should have finished the statement (SQLITE_DONE): throws its failure as the provider would, else
    // resets it.
    internal static void Finish(sqlite3 db, nint statement, int done)
    {
        if (done != raw.SQLITE_DONE)
        {
            // The statement is reset first, so the error is reported as the constraint failure it is.
            SqliteNative.Reset(statement);
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), done, raw.sqlite3_extended_errcode(db));
        }
        Check(db, SqliteNative.Reset(statement));
    }

    public override Exception? TranslateError(Exception e) =>
        e is SqliteException { SqliteExtendedErrorCode: UniqueViolation or PrimaryKeyViolation } s
            ? new StoreConflictException(ConstraintOf(s.Message), e)
            : null;

    /// <summary>
    /// Told by <see cref="SqliteWalHook"/> after each commit, on the committing thread, with the pages now in the log.
    /// Past <see cref="CheckpointPages"/> it starts a passive checkpoint on a connection and a thread of their own (not
    /// the pool's: a checkpoint waits on the disk, and on two cores the pool has two threads for requests and live data),
    /// unless one is running or one started within the last tenth of a second. A passive checkpoint copies what no reader
    /// still needs and waits for no one: commits and reads go on beside it.
    /// </summary>
    internal void WalCommitted(nint db, int pages)
    {
        Volatile.Write(ref _walPages, pages);
        if (pages >= CommitCheckpointPages)
        {
            SqliteWalHook.CheckpointNow(db);
            return;
        }
        var backfilled = Volatile.Read(ref _backfilled);
        if (backfilled > 0 && pages - backfilled <= FinishPages && LastCheckpoint.IsCompleted)
        {
            // The background passes copied all but the last few pages: copy those here, so that the next write starts
            // the log again (passive: should another checkpoint hold the log, this one does nothing).
            Volatile.Write(ref _backfilled, 0);
            SqliteWalHook.CheckpointNow(db);
            return;
        }
        if (pages < CheckpointPages || Environment.TickCount64 - Volatile.Read(ref _lastCheckpoint) < CheckpointEveryMs)
        {
            return;
        }
        lock (_checkpointGate)
        {
            var now = Environment.TickCount64;
            if (_disposed || !_checkpoint.IsCompleted || now - _lastCheckpoint < CheckpointEveryMs)
            {
                return;
            }
            Volatile.Write(ref _lastCheckpoint, now);
            _checkpoint = Task.Factory.StartNew(static state => ((SqliteDialect)state!).Checkpoint(), this,
                CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
        }
    }

    // The checkpoints' own connection and command, opened at the first and kept: each checkpoint on a new connection
    // opened the file and read the whole schema again (about 2 ms for its 191 tables, indexes and triggers), ten times a
    // second under sustained writes. Used by one checkpoint at a time (WalCommitted starts one only when the last has
    // finished), and closed by DisposeAsync after the last.
    private SqliteCommand? _checkpointCommand;

    /// <summary>The background checkpoint started last: complete when none is running.</summary>
    internal Task LastCheckpoint
    {
        get
        {
            lock (_checkpointGate)
            {
                return _checkpoint;
            }
        }
    }

    private void Checkpoint()
    {
        try
        {
            if (_checkpointCommand is null)
            {
                var connection = new SqliteConnection(_checkpointConnectionString);
                connection.Open();
                _checkpointCommand = connection.CreateCommand();
                _checkpointCommand.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            }
            var handle = _checkpointCommand.Connection!.Handle!.DangerousGetHandle();
            for (var pass = 0; pass < MaxPasses; pass++)
            {
                if (!CheckpointPass(out var log, out var copied) || copied <= 0)
                {
                    break;
                }
                // SQLite syncs the file only after a pass that reaches the log's end, which under sustained writes
                // none does: the pages copied would wait in the system's cache, and the writer's last pass would have
                // to sync them all (hundreds of milliseconds). So each pass syncs what it copied, here.
                SqliteWalHook.SyncDatabaseFile(handle);
                Volatile.Write(ref _backfilled, copied);
                // What the writer added while this pass ran is copied by the next, unless it is few enough for the
                // writer's next commit to copy (WalCommitted) or the log was started again meanwhile.
                var now = Volatile.Read(ref _walPages);
                if (now - copied <= FinishPages || now < log)
                {
                    break;
                }
            }
        }
        catch (SqliteException)
        {
            // The database is gone or busy being closed: nothing is lost, as the log stays whole until a checkpoint
            // copies it. A later commit's checkpoint, the 65 536-page bound or the last connection's close copies it. The
            // connection is opened again for the next.
            CloseCheckpointer();
        }
    }

    // One passive checkpoint on the checkpoints' connection: false when busy; the pages in the log and those copied.
    private bool CheckpointPass(out int log, out int copied)
    {
        using var reader = _checkpointCommand!.ExecuteReader();
        reader.Read();
        (log, copied) = (reader.GetInt32(1), reader.GetInt32(2));
        return reader.GetInt32(0) == 0;
    }

    private void CloseCheckpointer()
    {
        var connection = _checkpointCommand?.Connection;
        _checkpointCommand?.Dispose();
        connection?.Dispose();
        _checkpointCommand = null;
    }

    // Pooled SQLite connections close with the process, the writer here; a checkpoint still running is waited for, so
    // that a caller that copies or deletes the files after disposing finds them quiet.
    public override async ValueTask DisposeAsync()
    {
        Task running;
        lock (_checkpointGate)
        {
            _disposed = true;
            running = _checkpoint;
        }
        // A writer held by a write closes when that write gives it back; a free one closes now, and is never lent again.
        if (Interlocked.CompareExchange(ref _writerBusy, 1, 0) == 0)
        {
            _writer?.Dispose();
            _writer = null;
        }
        SqliteWalHook.Forget(_hookId);
        await running.ConfigureAwait(false);
        CloseCheckpointer();
    }

    internal static void Check(sqlite3 db, int code)
    {
        if (code != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), code, raw.sqlite3_extended_errcode(db));
        }
    }

    // SQLite names the columns, not the constraint: "UNIQUE constraint failed: organisations.credit_code".
    private static string ConstraintOf(string message)
    {
        var at = message.LastIndexOf(": ", StringComparison.Ordinal);
        return at < 0 ? "unique" : message[(at + 2)..].TrimEnd('.', '\'');
    }
}
