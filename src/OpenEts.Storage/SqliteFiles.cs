namespace OpenEts.Storage;

/// <summary>What a SQLite database's files say before SQLite opens them (the server checks them at start).</summary>
public static class SqliteFiles
{
    /// <summary>
    /// How many bytes of its pages a SQLite database file lacks, or null when none are missing or the file alone cannot
    /// say (not SQLite, or its write-ahead log holds frames).
    /// </summary>
    // SQLite's header says how many pages the file holds (bytes 28–31, valid while bytes 92–95 equal the change counter at
    // 24–27) and how large a page is (16–17): a file shorter than that lost its tail. SQLite itself would only notice when
    // a query reached a missing page, long after start. While the write-ahead log holds frames the main file alone says
    // nothing: a checkpoint cut short (a server killed mid-checkpoint) copies page 1 — with the new size — before the
    // pages that grow the file, and SQLite reads every page still missing from the log when it opens.
    public static long? MissingBytes(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
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
}
