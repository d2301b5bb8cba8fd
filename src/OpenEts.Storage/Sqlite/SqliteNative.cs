using System.Runtime.InteropServices;

namespace OpenEts.Storage.Sqlite;

/// <summary>
/// The few calls of SQLite's C API that the bulk writers (<see cref="SqliteDialect"/>'s journal, row and index inserts)
/// and the row statements' reads (<see cref="SqliteRowStatement"/>) make once per value and row, taking the statement as a raw pointer. The provider's own calls take a
/// <see cref="SafeHandle"/>, which every call adds a reference to and releases again — 4 % of a settlement's time for
/// rows written by the hundred thousand. The caller keeps the statement's handle alive (it disposes it after the loop),
/// so the pointer stays valid for every call here.
/// </summary>
internal static class SqliteNative
{
    private const string Library = "e_sqlite3";

    // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns, so they may be a reused buffer's.
    private static readonly nint Transient = -1;

    public static int BindInt64(nint statement, int index, long value) => sqlite3_bind_int64(statement, index, value);

    public static int BindNull(nint statement, int index) => sqlite3_bind_null(statement, index);

    /// <summary>UTF-8 text; empty text stays empty text (a null pointer would bind NULL).</summary>
    public static int BindText(nint statement, int index, ReadOnlySpan<byte> utf8)
    {
        ReadOnlySpan<byte> empty = [0];
        return utf8.IsEmpty
            ? sqlite3_bind_text(statement, index, in MemoryMarshal.GetReference(empty), 0, Transient)
            : sqlite3_bind_text(statement, index, in MemoryMarshal.GetReference(utf8), utf8.Length, Transient);
    }

    public static int Step(nint statement) => sqlite3_step(statement);

    public static int Reset(nint statement) => sqlite3_reset(statement);

    /// <summary>Whether any statement of the connection <paramref name="db"/> was stepped and not yet reset or finished.</summary>
    public static bool AnyBusy(nint db)
    {
        for (var statement = sqlite3_next_stmt(db, 0); statement != 0; statement = sqlite3_next_stmt(db, statement))
        {
            if (sqlite3_stmt_busy(statement) != 0)
            {
                return true;
            }
        }
        return false;
    }

    public static long ColumnInt64(nint statement, int column) => sqlite3_column_int64(statement, column);

    public static int ColumnType(nint statement, int column) => sqlite3_column_type(statement, column);

    /// <summary>A text column's UTF-8 bytes copied into <paramref name="buffer"/> (grown when short); their length.</summary>
    public static int ColumnText(nint statement, int column, ref byte[] buffer)
    {
        // The text is made first: the length SQLite reports is then the text's.
        var text = sqlite3_column_text(statement, column);
        var length = sqlite3_column_bytes(statement, column);
        if (text == 0 || length == 0)
        {
            return 0;
        }
        if (buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        }
        Marshal.Copy(text, buffer, 0, length);
        return length;
    }

    // Binding only copies into SQLite's memory: no callback, so no GC transition is needed around it. It locks the
    // connection's mutex, which only the finalizer thread can hold meanwhile (finalizing a forgotten statement, in a call
    // that does make the transition and calls nothing back), so the wait is that short call's and never the collector's.
    [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    private static extern int sqlite3_bind_int64(nint statement, int index, long value);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    private static extern int sqlite3_bind_null(nint statement, int index);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_bind_text(nint statement, int index, in byte text, int length, nint destructor);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_step(nint statement);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_reset(nint statement);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    private static extern nint sqlite3_next_stmt(nint db, nint statement);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    private static extern int sqlite3_stmt_busy(nint statement);

    // Reading a column of the current row only reads SQLite's memory.
    [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    private static extern long sqlite3_column_int64(nint statement, int column);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    private static extern int sqlite3_column_type(nint statement, int column);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    private static extern nint sqlite3_column_text(nint statement, int column);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    private static extern int sqlite3_column_bytes(nint statement, int column);
}
