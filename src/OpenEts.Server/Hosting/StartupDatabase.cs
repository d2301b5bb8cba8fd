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
        if (SqliteFile(database) is { } file && File.Exists(file) && TruncatedBy(file) is { } missing)
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

    // SQLite's header says how many pages the file holds (bytes 28–31, valid while bytes 92–95 equal the change counter at
    // 24–27) and how large a page is (16–17): a file shorter than that lost its tail. SQLite itself would only notice when
    // a query reached a missing page, long after start. While the write-ahead log holds frames the main file alone says
    // nothing: a checkpoint cut short (a server killed mid-checkpoint) copies page 1 — with the new size — before the
    // pages that grow the file, and SQLite reads every page still missing from the log when it opens.
    private static long? TruncatedBy(string file)
    {
        if (HoldsFrames(file + "-wal"))
        {
            return null;
        }
        Span<byte> header = stackalloc byte[100];
        using (var stream = File.OpenRead(file))
        {
            if (stream.Length < 100 || stream.ReadAtLeast(header, 100, throwOnEndOfStream: false) < 100
                || !header[..16].SequenceEqual("SQLite format 3\0"u8))
            {
                return null; // Not SQLite at all: SQLite's own error says so when it opens it.
            }
            var pageSize = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(header[16..]);
            pageSize = pageSize == 1 ? 65536 : pageSize;
            var pages = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[28..]);
            var valid = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[92..])
                == System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[24..]);
            var expected = pages * pageSize;
            return valid && expected > stream.Length ? expected - stream.Length : null;
        }
    }

    // A write-ahead log holds frames when its first frame carries the salts of the log's header (bytes 16–23 of the header,
    // 8–15 of a frame's): a log reset after a checkpoint keeps its old frames under a new salt, and those count for nothing.
    private static bool HoldsFrames(string wal)
    {
        if (!File.Exists(wal))
        {
            return false;
        }
        Span<byte> start = stackalloc byte[32 + 24];
        using var stream = File.OpenRead(wal);
        return stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) == start.Length
            && start.Slice(16, 8).SequenceEqual(start.Slice(32 + 8, 8));
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
