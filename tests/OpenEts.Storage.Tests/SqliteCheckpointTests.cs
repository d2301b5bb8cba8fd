using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

/// <summary>
/// SQLite's write-ahead log is copied into the database file by a checkpoint in the background, which the commit that
/// fills the log past 4 000 pages (16 MiB) only asks for, instead of by SQLite's automatic checkpoint, which runs on the
/// committing thread at 1 000 pages (that commit used to wait for the copy and its syncs, and so did every live market
/// update behind it). Each test reads the database file alone, without its log, while the store's connections stay open.
/// </summary>
public sealed class SqliteCheckpointTests(SqliteDb db) : IClassFixture<SqliteDb>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Commit_FillingTheLogPast4000Pages_HasItCopiedIntoTheFileWhileTheStoreStaysOpen()
    {
        var (file, written) = await AppendAsync(megabytes: 17);

        var inFile = await TailOfFileAloneAsync(file);

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
    public async Task Commit_BelowTheThreshold_LeavesTheLogUncopied_WhereSqlitesOwnCheckpointWouldHaveCopiedIt()
    {
        // 8 MiB: about 2 000 pages, past SQLite's own 1 000 and below the store's 4 000.
        var (file, written) = await AppendAsync(megabytes: 8);

        var inFile = await TailOfFileAloneAsync(file);

        Assert.True(inFile < written, $"the file alone holds the journal up to {inFile}, the commit was {written}");
    }

    // One journal entry with a payload of the given size, in a store then disposed, which waits for a checkpoint still
    // running; the pooled connections stay open, so SQLite's own checkpoint at the last close has not run.
    private async Task<(string File, long Sequence)> AppendAsync(int megabytes)
    {
        var store = await db.CreateStoreAsync();
        var file = db.LastDatabase;
        var sequence = await AppendAsync(store, megabytes);
        await store.DisposeAsync();
        Assert.True(File.Exists(file + "-wal"), "the store's connections are still open, with their write-ahead log");
        return (file, sequence);
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
