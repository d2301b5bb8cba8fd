using OpenEts.Application.Journal;
using OpenEts.Application.Storage;

namespace OpenEts.Storage.Tests;

// Write transactions one after another: on SQLite they run on one kept connection with its compiled statements (the
// store's writer), so what one write leaves behind when it fails must not reach the next, and the next must see what
// another process committed in between.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Write_AfterOneThatFailedMidway_CommitsAndTheFailedOneLeftNothing()
    {
        await using var store = await Db.CreateStoreAsync();
        var cement = Company("91441800MA5CY1002", "北江示范水泥有限公司");
        await store.WriteAsync(async s =>
        {
            await s.Journal.AppendBatchAsync(Batch("test.first", 2));
            return await s.Organisations.InsertAsync(cement, Now);
        }, Ct);

        // The journal's rows and index rows go in through the statements the writer keeps; the duplicate organisation
        // then fails the write after them.
        await Assert.ThrowsAsync<StoreConflictException>(() => store.WriteAsync(async s =>
        {
            await s.Journal.AppendBatchAsync(Batch("test.failed", 3));
            await s.Journal.AppendUtf8Async(Now, "tester", "test.failed", "GD-HOLD-1", "{\"n\":9}"u8.ToArray());
            return await s.Organisations.InsertAsync(cement with { Name = "重名水泥" }, Now);
        }, Ct));
        await store.WriteAsync(async s =>
        {
            await s.Journal.AppendBatchAsync(Batch("test.after", 2));
            return await s.Organisations.InsertAsync(Company("91440200MA5CY1003", "韶关钢铁"), Now);
        }, Ct);
        var stored = await JournalEntriesAsync(store);
        var organisations = await store.ReadAsync(s => s.Organisations.CountAsync(), Ct);
        var chain = await new JournalChain(store).CheckAsync(Ct);

        Assert.Equal(["test.first", "test.first", "test.after", "test.after"], stored.Select(e => e.Kind));
        Assert.Equal([1L, 2, 3, 4], stored.Select(e => e.Sequence));
        Assert.Equal(2, organisations);
        Assert.Null(chain.Break);
    }

    [Fact]
    public async Task Write_AfterOneAbandonedMidRead_SeesWhatAnotherStoreCommittedSince()
    {
        await using var store = await Db.CreateStoreAsync();
        await store.WriteAsync(s => s.Journal.AppendBatchAsync(Batch("test.first", 3)), Ct);

        // A write that stops reading the journal after its first row, by throwing: its cursor must not outlive it.
        var stopped = await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync<int>(async s =>
        {
            await s.Journal.ReadPayloadsAsync(1, (sequence, _, _) => throw new InvalidOperationException($"stopped at {sequence}"));
            return 0;
        }, Ct));
        await using (var other = await SqlStore.OpenAsync(Db.LastDatabase, Ct))
        {
            await other.WriteAsync(s => s.Journal.AppendBatchAsync(Batch("test.other", 1)), Ct);
        }
        var (tail, last) = await store.WriteAsync(async s =>
        {
            var before = await s.Journal.TailAsync();
            return (before.Sequence, await s.Journal.AppendBatchAsync(Batch("test.after", 1)));
        }, Ct);
        var stored = await JournalEntriesAsync(store);
        var chain = await new JournalChain(store).CheckAsync(Ct);

        Assert.Equal("stopped at 1", stopped.Message);
        Assert.Equal(4, tail);
        Assert.Equal(5, last);
        Assert.Equal(["test.first", "test.first", "test.first", "test.other", "test.after"], stored.Select(e => e.Kind));
        Assert.Null(chain.Break);
    }

    [Fact]
    public async Task Write_ManyAtOnce_EachCommitsWholeInTurn()
    {
        await using var store = await Db.CreateStoreAsync();

        // More writes than one kept connection: those that find it taken wait for the database's writer in turn.
        var lasts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.WriteAsync(async s =>
        {
            await s.Journal.AppendUtf8Async(Now, "tester", "test.many", "GD-HOLD-" + i, "{\"n\":1}"u8.ToArray());
            return await s.Journal.AppendBatchAsync(Batch("test.many", 2, "GD-HOLD-" + i));
        }, Ct))));
        var stored = await JournalEntriesAsync(store);
        var chain = await new JournalChain(store).CheckAsync(Ct);

        Assert.Equal(24, stored.Count);
        Assert.Equal([3L, 6, 9, 12, 15, 18, 21, 24], lasts.Order());
        // Each write's three entries are consecutive: no write's rows interleave with another's.
        Assert.All(stored.Chunk(3), three => Assert.Single(three.Select(e => e.Subject).Distinct()));
        Assert.Null(chain.Break);
    }

    private static JournalBatch Batch(string kind, int count, string subject = "")
    {
        var batch = new JournalBatch();
        for (var i = 0; i < count; i++)
        {
            batch.Add(Now, "tester", kind, subject, "{\"n\":1}"u8);
        }
        return batch;
    }
}
