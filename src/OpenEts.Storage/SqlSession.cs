using System.Data.Common;
using Dapper;
using OpenEts.Application.Storage;

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

    private CommandDefinition Command(string sql, object? parameters = null) =>
        new(sql, parameters, transaction, cancellationToken: ct);

    private Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        connection.QueryAsync<T>(Command(sql, parameters));

    private Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters));

    private Task<T> ExecuteScalarAsync<T>(string sql, object? parameters = null) =>
        connection.ExecuteScalarAsync<T>(Command(sql, parameters))!;

    private Task<int> ExecuteAsync(string sql, object? parameters = null) =>
        connection.ExecuteAsync(Command(sql, parameters));

    /// <summary>How many values one list parameter holds (SQLite takes at most 32 766 parameters in a statement).</summary>
    private const int AmongChunk = 1_000;

    /// <summary>
    /// <paramref name="column"/> is one of the list parameter <paramref name="parameter"/>: PostgreSQL takes the list as one
    /// array; for SQLite Dapper writes one parameter per value (so lists go in chunks of <see cref="AmongChunk"/>).
    /// </summary>
    private string Among(string column, string parameter) =>
        connection is Npgsql.NpgsqlConnection ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
