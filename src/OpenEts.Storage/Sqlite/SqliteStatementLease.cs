using SQLitePCL;

namespace OpenEts.Storage.Sqlite;

/// <summary>
/// A compiled statement for one use: one the store's writer keeps (<see cref="SqliteWriter.Kept"/>) is reset and its
/// values cleared when the use ends, so that it holds no cursor into the transaction and is ready for the next; any
/// other is finalized.
/// </summary>
internal readonly struct SqliteStatementLease(sqlite3_stmt statement, bool kept) : IDisposable
{
    public sqlite3_stmt Statement => statement;

    public nint Handle => statement.DangerousGetHandle();

    public void Dispose()
    {
        if (kept)
        {
            // Its failure, if the last step failed, was reported by that step.
            _ = raw.sqlite3_reset(statement);
            _ = raw.sqlite3_clear_bindings(statement);
        }
        else
        {
            statement.Dispose();
        }
    }
}
