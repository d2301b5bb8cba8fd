using OpenEts.Domain.Organisations;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

/// <summary>
/// SQLite's write-ahead log is copied into the database file by a checkpoint in the background, started by a commit at
/// most once a second, rather than by whichever commit crosses SQLite's own threshold (that commit used to wait for the
/// copy and its sync to disk, and so did every live market update behind it).
/// </summary>
public sealed class SqliteCheckpointTests(SqliteDb db) : IClassFixture<SqliteDb>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Organisation Company(string first17, string name) =>
        new(0, CreditCode.Parse(first17 + CreditCode.CheckCharacter(first17)).Code, name, OrganisationKind.Company,
            Sector.Cement, "广州市", CoverageStatus.Covered);

    [Fact]
    public async Task Commit_ASecondAfterTheStoreOpened_CopiesEarlierCommitsIntoTheFileWhileTheStoreStaysOpen()
    {
        var store = await db.CreateStoreAsync();
        var file = db.LastDatabase;
        var first = Company("91441800MA5CY1002", "北江示范水泥有限公司");
        var second = Company("91440200MA5CY1003", "韶关示范钢铁有限公司");
        await store.WriteAsync(s => s.Organisations.InsertAsync(first, Now), Ct);
        // The interval between background checkpoints; the commit after it starts one.
        await Task.Delay(TimeSpan.FromMilliseconds(1100), Ct);
        await store.WriteAsync(s => s.Organisations.InsertAsync(second, Now), Ct);

        // Disposing waits for a checkpoint still running; the pooled connections stay open, so SQLite's own checkpoint
        // at the last close has not run.
        await store.DisposeAsync();
        var fileAlone = Path.Combine(Path.GetDirectoryName(file)!, "file-alone.db");
        File.Copy(file, fileAlone);
        await using var copy = await SqlStore.OpenAsync(fileAlone, Ct);

        Assert.True(File.Exists(file + "-wal"), "the store's connections are still open, with their write-ahead log");
        Assert.Equal(first.Name, (await copy.ReadAsync(s => s.Organisations.FindByCodeAsync(first.Code), Ct))?.Name);
        Assert.Equal(second.Name, (await copy.ReadAsync(s => s.Organisations.FindByCodeAsync(second.Code), Ct))?.Name);
    }
}
