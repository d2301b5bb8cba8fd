using System.Data.Common;
using Dapper;
using OpenEts.Application.Storage;
using OpenEts.Storage.Sqlite;

namespace OpenEts.Storage;

/// <summary>One transaction's view of the store. The SQL is shared by both dialects; what differs is in <see cref="SqlDialect"/>.</summary>
internal sealed partial class SqlSession(SqlDialect dialect, DbConnection connection, DbTransaction transaction, PlanCache.Session plans,
    CancellationToken ct)
    : IStoreSession, IOrganisationData, IUserData, IJournalData, IDataProtectionKeyData, IMrvData, IOffsetsData,
    IRegistryData
{
    public IOrganisationData Organisations => this;

    public IUserData Users => this;

    public IJournalData Journal => this;

    public IRegistryData Registry => this;

    public IDataProtectionKeyData DataProtectionKeys => this;

    public CancellationToken CancellationToken => ct;

    // What Dapper runs its statements on: on SQLite, a connection that compiles each statement text once per session,
    // or once for all the writes the store's writer runs (Sqlite/ReusingConnection, Sqlite/SqliteWriter); PostgreSQL's
    // connection as it is.
    private readonly DbConnection _statements = dialect.StatementsOf(connection);

    /// <summary>Ends the statements this session compiled (<see cref="SqlDialect.EndStatements"/>).</summary>
    internal void EndStatements() => dialect.EndStatements(_statements);

    private CommandDefinition Command(string sql, object? parameters = null) =>
        new(sql, parameters, transaction, cancellationToken: ct);

    private Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        _statements.QueryAsync<T>(Command(sql, parameters));

    private Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        _statements.QuerySingleOrDefaultAsync<T>(Command(sql, parameters));

    private Task<T> ExecuteScalarAsync<T>(string sql, object? parameters = null) =>
        _statements.ExecuteScalarAsync<T>(Command(sql, parameters))!;

    private Task<int> ExecuteAsync(string sql, object? parameters = null) =>
        _statements.ExecuteAsync(Command(sql, parameters));

    /// <summary>
    /// <paramref name="column"/> is one of the list parameter <paramref name="parameter"/>, whose value is
    /// <see cref="ListValue{T}"/>: one array on PostgreSQL, one JSON array read by <c>json_each</c> on SQLite. One
    /// parameter whatever the list's length: SQLite finds each named parameter by a linear search of the statement's
    /// names, so binding a thousand of them (Dapper's <c>IN @list</c>) costs a million string comparisons.
    /// </summary>
    private string AmongList(string column, string parameter) =>
        connection is Npgsql.NpgsqlConnection
            ? $"{column} = ANY(@{parameter})"
            : $"{column} IN (SELECT value FROM json_each(@{parameter}))";

    /// <summary>The value of an <see cref="AmongList"/> parameter.</summary>
    private object ListValue<T>(IEnumerable<T> values) =>
        connection is Npgsql.NpgsqlConnection ? values.ToArray() : System.Text.Json.JsonSerializer.Serialize(values);

    /// <summary>
    /// The rows of <paramref name="select"/>, a statement whose condition ends open (<c>… WHERE</c> or <c>… AND</c>), with
    /// <paramref name="column"/> among <paramref name="values"/>: one list parameter (see <see cref="AmongList"/>) for each
    /// 2 000 values, beside the named parameters of <paramref name="with"/>.
    /// </summary>
    private async Task<List<TRow>> QueryAmongAsync<TRow, TValue>(string select, string column, IEnumerable<TValue> values, object? with = null)
    {
        var rows = new List<TRow>();
        foreach (var batch in values.Chunk(2000))
        {
            var parameters = new DynamicParameters(with);
            parameters.Add("among", ListValue(batch));
            rows.AddRange(await QueryAsync<TRow>($"{select} {AmongList(column, "among")}", parameters).ConfigureAwait(false));
        }
        return rows;
    }

    /// <summary>
    /// As <see cref="QueryAmongAsync{TRow, TValue}"/> without named parameters, each row read by <paramref name="read"/>
    /// by column position and type: a settlement reads thousands of orders, and a mapper reads every column as an object
    /// into a row object first.
    /// </summary>
    private async Task<List<TRow>> ReadAmongAsync<TRow, TValue>(string select, string column, IEnumerable<TValue> values,
        Func<DbDataReader, TRow> read)
    {
        var rows = new List<TRow>();
        foreach (var batch in values.Chunk(2000))
        {
            await ReadIntoAsync($"{select} {AmongList(column, "among")}", command => Bind(command, "among", ListValue(batch)), read, rows)
                .ConfigureAwait(false);
        }
        return rows;
    }

    /// <summary>
    /// SQLite: the statement prepared once and run once per key (in process, no round trip; each key's rows a range of a
    /// primary key or index), its rows read by SQLite's C calls rather than a data reader's per column.
    /// </summary>
    private List<TRow> ReadEach<TKey, TRow>(IReadOnlyList<TKey> keys, string sql, string[] names, Action<TKey, SqliteRowStatement> bind,
        Func<TKey, SqliteRowStatement, TRow> read)
    {
        var rows = new List<TRow>(keys.Count);
        using var statement = ((SqliteDialect)dialect).Rows(connection, sql, names);
        foreach (var key in keys)
        {
            bind(key, statement);
            while (statement.Read())
            {
                rows.Add(read(key, statement));
            }
        }
        return rows;
    }

    // Runs sql in this session's transaction, its parameters set by bind, and adds each row, read by read, to rows.
    private async Task ReadIntoAsync<TRow>(string sql, Action<DbCommand> bind, Func<DbDataReader, TRow> read, List<TRow> rows)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }
    }

    private static void Bind(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    // Rows of one table in one prepared statement (see SqlDialect.InsertRowsAsync).
    private Task InsertRowsAsync(string table, string[] columns, object?[][] rows) =>
        rows.Length == 0 ? Task.CompletedTask : dialect.InsertRowsAsync(connection, transaction, table, columns, rows, ct);

    private static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
