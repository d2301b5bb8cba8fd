using OpenEts.Application.Journal;
using OpenEts.Application.Storage;
using OpenEts.Domain.Journal;

namespace OpenEts.Storage.Tests;

// Entries appended one by one in a write transaction are stored together later in it (before a read of the journal, a
// batch append, or the commit): the transaction reads them as if stored at once, they are stored in the order and with
// the sequences and hashes each append returned, and a transaction that fails stores none of them.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Journal_EntriesAppendedOneByOne_AreReadInTheirTransactionAndStoredChainedAsReturned()
    {
        await using var store = await Db.CreateStoreAsync();
        await store.WriteAsync(s => s.Journal.AppendAsync(Now, "tester", "test.first", "GD-HOLD-1", "{\"n\":0}"), Ct);

        var (returned, seenInside, countInside) = await store.WriteAsync(async s =>
        {
            var appended = new List<JournalEntry>
            {
                await s.Journal.AppendAsync(Now.AddSeconds(1), "tester", "test.one", "GD-HOLD-1", "{\"n\":1}"),
                await s.Journal.AppendAsync(Now.AddSeconds(2), "张三", "test.one", "", "{\"holder\":\"广州碳排放权交易所\"}"),
            };
            var seen = await s.Journal.PageAsync(new JournalFilter(KindPrefix: "test.one"), 0, 10);
            var count = await s.Journal.CountAsync(new JournalFilter());
            appended.AddRange(await s.Journal.AppendManyAsync([
                (Now.AddSeconds(3), "tester", "test.many", "GD-HOLD-2", "{\"n\":3}"),
                (Now.AddSeconds(4), "tester", "test.many", "GD-HOLD-2", "{\"n\":4}"),
            ]));
            var batch = new JournalBatch();
            batch.Add(Now.AddSeconds(5), "tester", "test.batch", "GD-HOLD-3", "{\"n\":5}"u8);
            var batchLast = await s.Journal.AppendBatchAsync(batch);
            appended.Add(await s.Journal.AppendAsync(Now.AddSeconds(6), "tester", "test.after", "GD-HOLD-4", "{\"n\":6}"));
            Assert.Equal(6, batchLast);
            return (appended, seen, count);
        }, Ct);
        var stored = await JournalEntriesAsync(store);
        var chain = await new JournalChain(store).CheckAsync(Ct);

        Assert.Equal([2L, 3], seenInside.Select(e => e.Sequence).Order());
        Assert.Equal(3, countInside);
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7], stored.Select(e => e.Sequence));
        Assert.Equal(["test.first", "test.one", "test.one", "test.many", "test.many", "test.batch", "test.after"], stored.Select(e => e.Kind));
        foreach (var e in returned)
        {
            Assert.Equal(e, stored.Single(x => x.Sequence == e.Sequence));
        }
        Assert.All(stored, e => Assert.True(e.HashMatches()));
        Assert.Null(chain.Break);
    }

    [Fact]
    public async Task Journal_Utf8EntriesAppendedOneByOne_AnswerTheTailAsStoredBetweenOtherAppends()
    {
        await using var store = await Db.CreateStoreAsync();
        await store.WriteAsync(s => s.Journal.AppendAsync(Now, "tester", "test.first", "GD-HOLD-1", "{\"n\":0}"), Ct);

        var (tails, sequences) = await store.WriteAsync(async s =>
        {
            var tails = new List<(long Sequence, string Hash)>();
            var sequences = new List<long>
            {
                await s.Journal.AppendUtf8Async(Now.AddSeconds(1), "tester", "test.utf8", "GD-HOLD-1", "{\"n\":1}"u8.ToArray()),
                await s.Journal.AppendUtf8Async(Now.AddSeconds(2), "张三", "test.utf8", "", "{\"n\":2}"u8.ToArray()),
            };
            tails.Add(await s.Journal.TailAsync());
            sequences.Add(await s.Journal.AppendUtf8Async(Now.AddSeconds(3), "tester", "test.utf8", "GD-HOLD-2", "{\"n\":3}"u8.ToArray()));
            sequences.Add((await s.Journal.AppendAsync(Now.AddSeconds(4), "tester", "test.text", "GD-HOLD-2", "{\"n\":4}")).Sequence);
            sequences.Add(await s.Journal.AppendUtf8Async(Now.AddSeconds(5), "tester", "test.utf8", "GD-HOLD-3", "{\"n\":5}"u8.ToArray()));
            tails.Add(await s.Journal.TailAsync());
            var batch = new JournalBatch();
            batch.Add(Now.AddSeconds(6), "tester", "test.batch", "GD-HOLD-3", "{\"n\":6}"u8);
            sequences.Add(await s.Journal.AppendBatchAsync(batch));
            sequences.Add(await s.Journal.AppendUtf8Async(Now.AddSeconds(7), "tester", "test.utf8", "GD-HOLD-4", "{\"n\":7}"u8.ToArray()));
            tails.Add(await s.Journal.TailAsync());
            return (tails, sequences);
        }, Ct);
        var stored = await JournalEntriesAsync(store);
        var chain = await new JournalChain(store).CheckAsync(Ct);

        Assert.Equal([2L, 3, 4, 5, 6, 7, 8], sequences);
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7, 8], stored.Select(e => e.Sequence));
        // Each tail asked for inside the transaction is the entry stored at that sequence, with its hash.
        Assert.Equal([(3L, stored[2].Hash), (6L, stored[5].Hash), (8L, stored[7].Hash)], tails);
        Assert.All(stored, e => Assert.True(e.HashMatches()));
        Assert.Null(chain.Break);
    }

    [Fact]
    public async Task Journal_WriteFailingAfterAppends_StoresNoneAndTheNextWriteGoesOnFromTheStoredTail()
    {
        await using var store = await Db.CreateStoreAsync();
        var first = await store.WriteAsync(s => s.Journal.AppendAsync(Now, "tester", "test.first", "GD-HOLD-1", "{\"n\":0}"), Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync<int>(async s =>
        {
            await s.Journal.AppendAsync(Now.AddSeconds(1), "tester", "test.lost", "GD-HOLD-1", "{\"n\":1}");
            await s.Journal.AppendAsync(Now.AddSeconds(2), "tester", "test.lost", "GD-HOLD-1", "{\"n\":2}");
            throw new InvalidOperationException("a step after the appends failed");
        }, Ct));
        var next = await store.WriteAsync(s => s.Journal.AppendAsync(Now.AddSeconds(3), "tester", "test.next", "GD-HOLD-1", "{\"n\":3}"), Ct);
        var chain = await new JournalChain(store).CheckAsync(Ct);

        Assert.Equal(2, next.Sequence);
        Assert.Equal(first.Hash, next.PreviousHash);
        Assert.Equal(0, await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter(KindPrefix: "test.lost")), Ct));
        Assert.Equal(2, await store.ReadAsync(s => s.Journal.LastSequenceAsync(), Ct));
        Assert.Null(chain.Break);
    }
}
