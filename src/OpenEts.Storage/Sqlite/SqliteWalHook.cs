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

    /// <summary>
    /// Syncs the connection's main database file to disk through SQLite's own file (<c>SQLITE_FCNTL_FILE_POINTER</c>, then
    /// the file's <c>xSync</c>, https://www.sqlite.org/c3ref/io_methods.html), so that no second descriptor of the file is
    /// ever opened and closed in the process (closing one would drop SQLite's locks on it). False when SQLite gave no file
    /// or the sync failed.
    /// </summary>
    public static bool SyncDatabaseFile(nint db)
    {
        nint file = 0;
        if (sqlite3_file_control(db, "main", FileControlFilePointer, ref file) != 0 || file == 0)
        {
            return false;
        }
        var methods = Marshal.ReadIntPtr(file);
        // struct sqlite3_io_methods { int iVersion; xClose; xRead; xWrite; xTruncate; xSync; ... }: the int is padded
        // to a pointer's alignment, so xSync is the fifth pointer after it.
        var sync = Marshal.ReadIntPtr(methods, IntPtr.Size * 5);
        return sync != 0 && Marshal.GetDelegateForFunctionPointer<SyncFile>(sync)(file, SyncNormal) == 0;
    }

    private const int FileControlFilePointer = 7;
    private const int SyncNormal = 2;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int SyncFile(nint file, int flags);


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


    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int sqlite3_file_control(nint db, string database, int operation, ref nint argument);
}
