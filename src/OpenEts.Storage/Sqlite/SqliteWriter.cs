using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OpenEts.Storage.Sqlite;

/// <summary>
/// The connection the store's serialised write transactions run on, kept open from one transaction to the next with
/// what it compiled: Dapper's statements (<see cref="Statements"/>) and the statements run through SQLite's C calls
/// (<see cref="Kept"/>). A connection from the pool compiled every statement again in every transaction and ran the
/// connection's pragmas at every open, about a twentieth of the server's CPU while orders were placed in groups of a
/// hundred (docs/exchange-speed.md). Used by one write at a time (<see cref="SqliteDialect.OpenWriteAsync"/>); a write that
/// finds it in use takes a connection from the pool, as every write did before. Never pooled: it closes when the store
/// is disposed, or at once if a transaction was left open on it.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    // Enough for every statement text the platform runs through SQLite's C calls; texts beyond it are compiled per use.
    private const int MostStatements = 256;

    private readonly Dictionary<string, sqlite3_stmt> _kept = new(StringComparer.Ordinal);

    public SqliteWriter(SqliteConnection connection)
    {
        Connection = connection;
        Statements = new ReusingConnection(connection);
    }

    public SqliteConnection Connection { get; }

    /// <summary>The connection as Dapper sees it, its compiled statements kept across transactions.</summary>
    public ReusingConnection Statements { get; }

    /// <summary>The statement for <paramref name="sql"/>, compiled at its first use; null once the writer keeps no more.</summary>
    public sqlite3_stmt? Kept(string sql)
    {
        if (_kept.TryGetValue(sql, out var statement))
        {
            return statement;
        }
        if (_kept.Count >= MostStatements)
        {
            return null;
        }
        var db = Connection.Handle!;
        SqliteDialect.Check(db, raw.sqlite3_prepare_v2(db, sql, out statement));
        _kept.Add(sql, statement);
        return statement;
    }

    /// <summary>
    /// Whether the connection may serve the next write: no transaction left open on it (a rollback that failed), no
    /// statement left stepping (a reader never closed would hold its snapshot into the next transaction), and Dapper's
    /// statements within their bound (texts made per call would otherwise fill it).
    /// </summary>
    public bool Reusable()
    {
        var db = Connection.Handle!;
        return raw.sqlite3_get_autocommit(db) != 0 && !SqliteNative.AnyBusy(db.DangerousGetHandle()) && Statements.WithinBound;
    }

    public void Dispose()
    {
        foreach (var statement in _kept.Values)
        {
            statement.Dispose();
        }
        _kept.Clear();
        Statements.Dispose();
        Connection.Dispose();
    }
}
