using Microsoft.Data.Sqlite;
using Npgsql;
using OpenEts.Application.Storage;

namespace OpenEts.Storage;

/// <summary>Turns provider errors into their meaning for the platform, by error code, once per dialect.</summary>
internal static class StorageErrors
{
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (https://www.sqlite.org/rescode.html).
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;

    public static Exception? Translate(SqlDialect dialect, Exception e) => dialect switch
    {
        SqlDialect.Sqlite when e is SqliteException { SqliteExtendedErrorCode: SqliteUnique or SqlitePrimaryKey } s =>
            new StoreConflictException(ConstraintOf(s.Message), e),
        SqlDialect.Postgres when e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p =>
            new StoreConflictException(p.ConstraintName ?? "unique", e),
        _ => null,
    };

    // SQLite names the columns, not the constraint: "UNIQUE constraint failed: organisations.credit_code".
    private static string ConstraintOf(string message)
    {
        var at = message.LastIndexOf(": ", StringComparison.Ordinal);
        return at < 0 ? "unique" : message[(at + 2)..].TrimEnd('.', '\'');
    }
}
