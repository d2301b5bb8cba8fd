using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace OpenEts.Storage.Sqlite;

/// <summary>
/// SQLite's commit hook for the write-ahead log (<c>sqlite3_wal_hook</c>, https://www.sqlite.org/c3ref/wal_hook.html),
/// which the ADO.NET provider does not expose: called by SQLite after each commit in WAL mode, on the committing thread,
/// with the number of pages now in the log. <see cref="SqliteDialect"/> installs it on each of its connections in place
/// of SQLite's automatic checkpoint (which is itself this hook), so that the commit that fills the log only asks for a
/// checkpoint in the background instead of running it.
/// </summary>
internal static class SqliteWalHook
{
    // SQLite calls back through this one delegate for the life of the process, so it is never collected.
    private static readonly Callback OnCommit = Committed;

    // The dialect a connection's hook reports to, by a number rather than a handle: a pooled connection may outlive its
    // dialect, and a number no longer here is then ignored.
    private static readonly ConcurrentDictionary<nint, WeakReference<SqliteDialect>> Dialects = new();
    private static long _last;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int Callback(nint argument, nint db, nint database, int pages);

    /// <summary>A number for <paramref name="dialect"/>'s connections to report to, until <see cref="Forget"/>.</summary>
    public static nint Enrol(SqliteDialect dialect)
    {
        var id = (nint)Interlocked.Increment(ref _last);
        Dialects[id] = new WeakReference<SqliteDialect>(dialect);
        return id;
    }

    public static void Forget(nint id) => Dialects.TryRemove(id, out _);

    /// <summary>Installs the hook on an open connection (replacing SQLite's automatic checkpoint on it).</summary>
    public static void Install(nint db, nint id) => _ = sqlite3_wal_hook(db, OnCommit, id);

    /// <summary>A passive checkpoint on the connection, as SQLite's automatic checkpoint runs one.</summary>
    public static int CheckpointNow(nint db) => sqlite3_wal_checkpoint(db, 0);

    // Must not throw: it returns into SQLite. Returns SQLITE_OK: the commit has already happened either way.
    private static int Committed(nint argument, nint db, nint database, int pages)
    {
        if (Dialects.TryGetValue(argument, out var weak) && weak.TryGetTarget(out var dialect))
        {
            dialect.WalCommitted(db, pages);
        }
        return 0;
    }

    // The same native library as the provider's own (SQLitePCLRaw.provider.e_sqlite3).
    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern nint sqlite3_wal_hook(nint db, Callback callback, nint argument);

    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_wal_checkpoint(nint db, nint database);
}
