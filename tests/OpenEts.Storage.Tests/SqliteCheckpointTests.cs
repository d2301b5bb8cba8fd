using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

/// <summary>
/// SQLite's write-ahead log is copied into the database file by a checkpoint in the background, which the commit that
/// fills the log past 4 000 pages (16 MiB) only asks for, instead of by SQLite's automatic checkpoint, which runs on the
/// committing thread at 1 000 pages (that commit used to wait for the copy and its syncs, and so did every live market
/// update behind it). Each test reads the database file alone, without its log, while the store's connections stay open.
/// Under writes that never pause, the background passes and then the writer copy the log whole, so that it starts again.
/// </summary>
public sealed class SqliteCheckpointTests(SqliteDb db) : IClassFixture<SqliteDb>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Commit_FillingTheLogPast4000Pages_HasItCopiedIntoTheFileWhileTheStoreStaysOpen()
    {
        var (written, inFile) = await AppendAndReadTheFileAloneAsync(megabytes: 17);

        Assert.Equal(written, inFile);
    }

    [Fact]
    public async Task Commits_FillingTheLogTwice_HaveItCopiedBothTimes_ByTheCheckpointsKeptConnection()
    {
        var store = await db.CreateStoreAsync();
        var file = db.LastDatabase;
        var checkpoints = (Sqlite.SqliteDialect)store.Engine;
        var first = await AppendAsync(store, megabytes: 17);
        // The first checkpoint runs in the background; once it has finished nothing writes the file, which is read alone.
        await checkpoints.LastCheckpoint.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        Assert.Equal(first, await TailOfFileAloneAsync(file));
        await Task.Delay(150, Ct); // past the tenth of a second between checkpoints

        var second = await AppendAsync(store, megabytes: 17);
        await store.DisposeAsync();

        Assert.Equal(second, await TailOfFileAloneAsync(file));
    }

    [Fact]
    public async Task Writes_WithoutAPause_StartTheLogAgain_LongBeforeItsBound_AndLoseNothing()
    {
        // 3 000 commits of 50 entries of about 400 bytes (an order's input entry is about 360), one straight after
        // another: about 210 MiB of log pages in all, the entries' index pages included. No background checkpoint ever
        // finds the writer idle, so the log is started again only by the writer copying what the background passes left;
        // without that it grows until a commit at the 65 536-page bound (256 MiB) copies it itself.
        var store = await db.CreateStoreAsync();
        var file = db.LastDatabase;
        var payload = "{\"pad\":\"" + new string('x', 400) + "\"}";
        long largest = 0, last = 0;
        for (var commit = 0; commit < 3_000; commit++)
        {
            last = await store.WriteAsync(async s =>
            {
                var tail = 0L;
                for (var i = 0; i < 50; i++)
                {
                    tail = (await s.Journal.AppendAsync(Now, "tester", "test.sustained", "GD-HOLD-1", payload)).Sequence;
                }
                return tail;
            }, Ct);
            largest = Math.Max(largest, new FileInfo(file + "-wal").Length);
        }
        await store.DisposeAsync();

        // The log file keeps the size of its longest stretch between two starts: 30-40 MiB on a quiet machine, 113 MiB
        // once in a CI run whose other tests starved the background passes; never started again it would reach the 210.
        Assert.True(largest < 160L << 20, $"the write-ahead log grew to {largest >> 20} MiB");
        await using var reopened = await SqlStore.OpenAsync(file, Ct);
        Assert.Equal(last, (await reopened.ReadAsync(s => s.Journal.TailAsync(), Ct)).Sequence);
        Assert.Equal(3_000 * 50, await reopened.ReadAsync(
            s => s.Journal.CountAsync(new Application.Storage.JournalFilter(KindPrefix: "test.sustained")), Ct));
    }

    [Fact]
    public async Task Commit_BelowTheThreshold_LeavesTheLogUncopied_WhereSqlitesOwnCheckpointWouldHaveCopiedIt()
    {
        // 8 MiB: about 2 000 pages, past SQLite's own 1 000 and below the store's 4 000.
        var (written, inFile) = await AppendAndReadTheFileAloneAsync(megabytes: 8);

        Assert.True(inFile < written, $"the file alone holds the journal up to {inFile}, the commit was {written}");
    }

    // One journal entry with a payload of the given size, in a store then disposed, which waits for a checkpoint still
    // running; then the journal's tail in the database file read alone. A connection of the test's own stays open on the
    // file meanwhile, so that SQLite's own checkpoint at the last close does not run: the store's pooled connections did
    // that until another test class's end cleared every pool in the process (SqliteConnection.ClearAllPools), once in
    // the middle of this test.
    private async Task<(long Written, long InFile)> AppendAndReadTheFileAloneAsync(int megabytes)
    {
        var store = await db.CreateStoreAsync();
        var file = db.LastDatabase;
        await using var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
        await holder.OpenAsync(Ct);
        await using (var read = holder.CreateCommand())
        {
            // A read maps the log's index: the holder is then a connection SQLite counts before deleting the log.
            read.CommandText = "SELECT count(*) FROM sqlite_master";
            await read.ExecuteScalarAsync(Ct);
        }
        var written = await AppendAsync(store, megabytes);
        await store.DisposeAsync();
        Assert.True(File.Exists(file + "-wal"), "a connection is still open, with the write-ahead log");
        return (written, await TailOfFileAloneAsync(file));
    }

    private static async Task<long> AppendAsync(SqlStore store, int megabytes)
    {
        var payload = "{\"pad\":\"" + new string('x', megabytes << 20) + "\"}";
        return (await store.WriteAsync(s => s.Journal.AppendAsync(Now, "tester", "test.large", "GD-HOLD-1", payload), Ct)).Sequence;
    }

    private static async Task<long> TailOfFileAloneAsync(string file)
    {
        var alone = Path.Combine(Path.GetDirectoryName(file)!, Guid.NewGuid().ToString("N") + "-alone.db");
        File.Copy(file, alone);
        await using var copy = await SqlStore.OpenAsync(alone, Ct);
        return (await copy.ReadAsync(s => s.Journal.TailAsync(), Ct)).Sequence;
    }
}
