using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace OpenEts.Storage.Sqlite;

/// <summary>
/// One session's SQLite connection as Dapper sees it: each statement text is compiled once per session and its compiled
/// form reused by every later execution of the same text in that session (a group commit of 100 orders runs its order
/// insert 100 times, compiled once), where Dapper alone creates a command, and SQLite compiles the statement, on every
/// call. Compiling was the largest share of SQLite's CPU per order placed (docs/exchange-speed.md). What a statement does is
/// unchanged: the parameters Dapper adds are the ones bound, each execution. A statement whose reader is still open
/// (an unbuffered query being read) is not reused until that reader is closed: a nested execution gets a command of its
/// own. The compiled statements end with the connection: closing a <see cref="SqliteConnection"/> disposes its commands.
/// The store's writer (<see cref="SqliteWriter"/>) keeps one across its transactions, and so its compiled statements.
/// </summary>
internal sealed class ReusingConnection(SqliteConnection inner) : DbConnection
{
    // Enough for every statement text of one transaction's work; texts beyond it are compiled per use, as without reuse.
    private const int MostStatements = 256;

    private readonly Dictionary<string, (SqliteCommand Command, SqliteDataReader? Reader)> _commands = new(StringComparer.Ordinal);

    /// <summary>Whether fewer texts than the bound are kept: a later new text will be kept too.</summary>
    public bool WithinBound => _commands.Count < MostStatements;

    /// <summary>
    /// Finalizes every statement it compiled, here on the session's thread, when a session on a connection from the pool
    /// ends. Left to themselves they would be finalized by the garbage collector's thread, once the connection may be
    /// serving another session (SQLite's mutex per connection keeps that safe, but not prompt).
    /// </summary>
    public void DisposeCommands()
    {
        foreach (var (command, _) in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
    }

    [AllowNull]
    public override string ConnectionString
    {
        get => inner.ConnectionString;
        set => throw new NotSupportedException("a session's connection is opened by the store");
    }

    public override string Database => inner.Database;

    public override string DataSource => inner.DataSource;

    public override string ServerVersion => inner.ServerVersion;

    public override ConnectionState State => inner.State;

    public override void ChangeDatabase(string databaseName) => inner.ChangeDatabase(databaseName);

    // The store opens and closes the connection, not Dapper: it finds it open.
    public override void Open() => inner.Open();

    public override void Close() => inner.Close();

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) =>
        throw new NotSupportedException("a session's transaction is begun by the store");

    protected override DbCommand CreateDbCommand() => new ReusedCommand(this);

    // The compiled command for this text, free to execute; or a new one, not kept, while the kept one's reader is open.
    private (SqliteCommand Command, bool Kept) Acquire(string text)
    {
        if (_commands.TryGetValue(text, out var kept))
        {
            if (kept.Reader is null || kept.Reader.IsClosed)
            {
                return (kept.Command, true);
            }
            return (Create(text), false);
        }
        var command = Create(text);
        if (_commands.Count >= MostStatements)
        {
            return (command, false);
        }
        _commands.Add(text, (command, null));
        return (command, true);
    }

    private SqliteCommand Create(string text)
    {
        var command = inner.CreateCommand();
        command.CommandText = text;
        return command;
    }

    private void Lent(string text, SqliteDataReader reader) => _commands[text] = (_commands[text].Command, reader);

    /// <summary>
    /// What Dapper fills in (text, transaction, parameters) and executes; the execution runs on the session's compiled
    /// command for the text, with this command's parameters.
    /// </summary>
    private sealed class ReusedCommand(ReusingConnection owner) : DbCommand
    {
        // Holds the parameters Dapper adds; never executed.
        private readonly SqliteCommand _parameters = new();
        private SqliteCommand? _unkept;

        [AllowNull]
        public override string CommandText { get; set; } = "";

        public override int CommandTimeout { get; set; } = 30;

        public override CommandType CommandType
        {
            get => CommandType.Text;
            set
            {
                if (value != CommandType.Text)
                {
                    throw new NotSupportedException("SQLite runs command text only");
                }
            }
        }

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection
        {
            get => owner;
            set => throw new NotSupportedException("a reused command stays on its session's connection");
        }

        protected override DbParameterCollection DbParameterCollection => _parameters.Parameters;

        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel()
        {
        }

        public override void Prepare()
        {
        }

        protected override DbParameter CreateDbParameter() => new SqliteParameter();

        public override int ExecuteNonQuery() => Ready(out _).ExecuteNonQuery();

        public override object? ExecuteScalar() => Ready(out _).ExecuteScalar();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
        {
            var command = Ready(out var kept);
            var reader = command.ExecuteReader(behavior);
            if (kept)
            {
                owner.Lent(CommandText, reader);
            }
            return reader;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _unkept?.Dispose();
                _parameters.Dispose();
            }
            base.Dispose(disposing);
        }

        private SqliteCommand Ready(out bool kept)
        {
            var (command, isKept) = owner.Acquire(CommandText);
            kept = isKept;
            if (!isKept)
            {
                _unkept?.Dispose();
                _unkept = command;
            }
            command.Transaction = (SqliteTransaction?)DbTransaction;
            command.CommandTimeout = CommandTimeout;
            command.Parameters.Clear();
            foreach (SqliteParameter parameter in _parameters.Parameters)
            {
                command.Parameters.Add(parameter);
            }
            return command;
        }
    }
}
