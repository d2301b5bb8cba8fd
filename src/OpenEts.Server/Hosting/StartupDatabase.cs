using OpenEts.Storage;

namespace OpenEts.Server.Hosting;

/// <summary>Opening the database at start: every way it can fail becomes a <see cref="StartupException"/> an operator can act on.</summary>
internal static class StartupDatabase
{
    // Opens (and migrates) the database, turning every way it can fail into one sentence that names it and says what to
    // do. A database named explicitly must be in an existing folder: a typo must not silently start an empty demo.
    public static async Task<SqlStore> OpenAsync(string database, bool explicitlyNamed)
    {
        var shown = SqlStore.IsPostgres(database) ? "the PostgreSQL database" : $"the SQLite database {database}";
        if (explicitlyNamed && SqliteFolder(database) is { } folder && !Directory.Exists(folder))
        {
            throw new StartupException($"The folder of --db {database} does not exist ({folder}): create it first, or fix the path.");
        }
        if (SqliteFile(database) is { } file && File.Exists(file) && SqliteFiles.MissingBytes(file) is { } missing)
        {
            throw new StartupException($"{database} is truncated ({missing:N0} bytes of its pages are missing): restore it from a "
                + "backup, or name another file with --db.");
        }
        try
        {
            return await SqlStore.OpenAsync(database, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DatabaseTooNewException e)
        {
            throw new StartupException($"Cannot use {shown}: {e.Message}", e);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode is 26 or 11)
        {
            throw new StartupException($"{database} is not an OpenETS database, or it is damaged (SQLite: {e.Message}): "
                + "restore it from a backup, or name another file with --db.", e);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode is 8 or 14)
        {
            throw new StartupException($"Cannot write {shown} (SQLite: {e.Message}): the file or its folder is read-only or "
                + "missing; give the server's user write access to both, or name another file with --db.", e);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"Cannot open {shown}: {e.Message}", e);
        }
    }

    // The file of an embedded SQLite database, or null for PostgreSQL and in-memory databases.
    private static string? SqliteFile(string database)
    {
        if (SqlStore.IsPostgres(database))
        {
            return null;
        }
        var path = database.Contains('=', StringComparison.Ordinal)
            ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database).DataSource
            : database;
        return path is { Length: > 0 } and not ":memory:" ? Path.GetFullPath(path) : null;
    }

    // The folder of an embedded SQLite database (where a demo keeps its signing key); null for PostgreSQL or in-memory.
    public static string? SqliteFolder(string database) => SqliteFile(database) is { } file ? Path.GetDirectoryName(file) : null;
}
