using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OpenEts.Storage.Sqlite;

/// <summary>
/// One statement prepared once and run once per row, its values bound by SQLite's C calls (<see cref="SqliteNative"/>)
/// to the named parameters it was given: carbon inclusion's bulk writes, key probes and per-citizen range reads,
/// thousands of rows a batch. Run through the provider, each row's run made a binder object per parameter and a new
/// byte array per text value (about a kilobyte an event); here a row allocates nothing but the text values it reads
/// (and none for a text it read before through <see cref="RepeatedText"/>). The statement runs on the connection's
/// open transaction.
/// </summary>
internal sealed class SqliteRowStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly SqliteStatementLease _statement;
    private readonly nint _stmt;
    private readonly int[] _index;
    private readonly SqliteDialect.Utf8Buffer _utf8 = new();
    private readonly List<(byte[] Utf8, string Text)> _repeated = [];
    private byte[] _read = new byte[256];

    // How many distinct texts RepeatedText keeps: a column's few codes (sources, behaviours), not its every value.
    private const int RepeatedTexts = 32;

    /// <param name="connection">The open connection, in its transaction.</param>
    /// <param name="statement">One statement compiled on it (<see cref="SqliteDialect.Rows"/>), its parameters named <c>@name</c>.</param>
    /// <param name="names">The parameters' names without the <c>@</c>, in the order <see cref="Set(int, long)"/> numbers them.</param>
    public SqliteRowStatement(SqliteConnection connection, SqliteStatementLease statement, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(names);
        _db = connection.Handle!;
        _statement = statement;
        _stmt = statement.Handle;
        _index = new int[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            _index[i] = raw.sqlite3_bind_parameter_index(statement.Statement, "@" + names[i]);
            if (_index[i] == 0)
            {
                _statement.Dispose();
                throw new ArgumentException($"the statement has no parameter @{names[i]}", nameof(names));
            }
        }
    }

    public void Set(int parameter, long value) => Check(SqliteNative.BindInt64(_stmt, _index[parameter], value));

    public void Set(int parameter, long? value)
    {
        if (value is { } v)
        {
            Set(parameter, v);
        }
        else
        {
            SetNull(parameter);
        }
    }

    /// <summary>Text as UTF-8 from one reused buffer (SQLite copies it); null binds NULL.</summary>
    public void Set(int parameter, string? text)
    {
        if (text is null)
        {
            SetNull(parameter);
            return;
        }
        Check(_utf8.Bind(_stmt, _index[parameter], text));
    }

    public void SetNull(int parameter) => Check(SqliteNative.BindNull(_stmt, _index[parameter]));

    /// <summary>Runs the statement with the values bound; returns the rows it changed. A constraint it breaks throws as the provider would.</summary>
    public int Execute()
    {
        SqliteDialect.Step(_db, _stmt);
        return raw.sqlite3_changes(_db);
    }

    /// <summary>Runs a query with the values bound; whether it gave a row.</summary>
    public bool Exists()
    {
        var step = SqliteNative.Step(_stmt);
        if (step == raw.SQLITE_ROW)
        {
            Check(SqliteNative.Reset(_stmt));
            return true;
        }
        SqliteDialect.Finish(_db, _stmt, step);
        return false;
    }

    /// <summary>
    /// Steps a query with the values bound to its next row: true while there is one (read its columns), false when done
    /// (the statement is then reset, ready to be bound and run again).
    /// </summary>
    public bool Read()
    {
        var step = SqliteNative.Step(_stmt);
        if (step == raw.SQLITE_ROW)
        {
            return true;
        }
        SqliteDialect.Finish(_db, _stmt, step);
        return false;
    }

    /// <summary>The current row's integer column (0 for NULL).</summary>
    public long Int64(int column) => SqliteNative.ColumnInt64(_stmt, column);

    /// <summary>Whether the current row's column is NULL.</summary>
    public bool IsNull(int column) => SqliteNative.ColumnType(_stmt, column) == raw.SQLITE_NULL;

    /// <summary>The current row's text column (a string of its own each row; "" for NULL).</summary>
    public string Text(int column)
    {
        var length = SqliteNative.ColumnText(_stmt, column, ref _read);
        return length == 0 ? "" : Encoding.UTF8.GetString(_read.AsSpan(0, length));
    }

    /// <summary>
    /// The current row's text column, as the same string each time the same text comes again: for a column of a few
    /// codes read on thousands of rows (a source, a behaviour), one string each rather than one a row.
    /// </summary>
    public string RepeatedText(int column)
    {
        var length = SqliteNative.ColumnText(_stmt, column, ref _read);
        var bytes = _read.AsSpan(0, length);
        foreach (var (utf8, text) in _repeated)
        {
            if (bytes.SequenceEqual(utf8))
            {
                return text;
            }
        }
        var made = length == 0 ? "" : Encoding.UTF8.GetString(bytes);
        if (_repeated.Count < RepeatedTexts)
        {
            _repeated.Add((bytes.ToArray(), made));
        }
        return made;
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int code) => SqliteDialect.Check(_db, code);
}
