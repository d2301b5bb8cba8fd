using System.Text;
using OpenEts.Application.Journal;
using OpenEts.Application.Storage;
using OpenEts.Domain.Journal;

namespace OpenEts.Storage.Tests;

// A batch of UTF-8 entries (the registry's write path) is stored as the same entries, in order after the journal's tail,
// chained exactly as entries appended as strings: the hash computed from the bytes is the hash of the text.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Journal_AppendBatchOfUtf8Entries_StoresTheSameEntriesChainedAsAppendedAsText()
    {
        await using var store = await Db.CreateStoreAsync();
        await store.WriteAsync(s => s.Journal.AppendAsync(Now, "tester", "test.first", "GD-HOLD-1", "{\"n\":0}"), Ct);
        string[] payloads = ["{\"n\":1}", "{\"holder\":\"广州碳排放权交易所\",\"emoji\":\"\\ud83c\\udf33\"}", "{}"];

        var last = await store.WriteAsync(async s =>
        {
            var batch = new JournalBatch();
            for (var i = 0; i < payloads.Length; i++)
            {
                batch.Add(Now.AddSeconds(i + 1), i == 1 ? "张三" : "tester", "test.batch", i == 2 ? "" : "GD-HOLD-" + i,
                    Encoding.UTF8.GetBytes(payloads[i]));
            }
            var written = await s.Journal.AppendBatchAsync(batch);
            // A later append in the same transaction goes on from the batch's tail.
            await s.Journal.AppendAsync(Now.AddSeconds(9), "tester", "test.after", "GD-HOLD-9", "{\"n\":9}");
            return written;
        }, Ct);
        var entries = await JournalEntriesAsync(store);
        var chain = await new JournalChain(store).CheckAsync(Ct);

        Assert.Equal(4, last);
        Assert.Equal([1L, 2, 3, 4, 5], entries.Select(e => e.Sequence));
        Assert.Equal(payloads, entries.Skip(1).Take(3).Select(e => e.Payload));
        Assert.Equal(["tester", "张三", "tester"], entries.Skip(1).Take(3).Select(e => e.Actor));
        Assert.Equal("", entries[3].Subject);
        Assert.Equal(Now.AddSeconds(2), entries[2].At);
        Assert.All(entries, e => Assert.True(e.HashMatches()));
        Assert.All(entries.Skip(1), e => Assert.Equal(entries[(int)e.Sequence - 2].Hash, e.PreviousHash));
        Assert.Null(chain.Break);
    }

    // A settlement's batch runs to tens of thousands of entries: more rows than one chunk holds (4 096), more bytes than
    // one byte chunk (256 KiB), and here one payload larger than a whole chunk; cleared and filled again, it stores the
    // second filling alone.
    [Fact]
    public async Task Journal_BatchLargerThanItsChunks_StoresEveryEntryChainedAndAClearedBatchStartsAfresh()
    {
        await using var store = await Db.CreateStoreAsync();
        var big = "{\"text\":\"" + new string('碳', 100_000) + "\"}";
        string Payload(int i) => i == 4_500 ? big : $"{{\"n\":{i},\"pad\":\"{new string('x', 60 + i % 7)}\"}}";
        var batch = new JournalBatch();
        for (var i = 0; i < 3; i++)
        {
            batch.Add(Now, "discarded", "test.discarded", "GD-HOLD-0", "{}"u8);
        }
        batch.Clear();
        const int count = 9_000;
        for (var i = 0; i < count; i++)
        {
            batch.Add(Now.AddMilliseconds(i), i % 2 == 0 ? "tester" : "张三", "test.chunks", "GD-HOLD-" + (i % 3),
                Encoding.UTF8.GetBytes(Payload(i)));
        }

        var last = await store.WriteAsync(s => s.Journal.AppendBatchAsync(batch), Ct);
        var entries = await JournalEntriesAsync(store);
        var chain = await new JournalChain(store).CheckAsync(Ct);

        Assert.Equal(count, last);
        Assert.Equal(count, entries.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(Payload), entries.Select(e => e.Payload));
        Assert.Equal("张三", entries[4_097].Actor);
        Assert.Equal("GD-HOLD-2", entries[8_999].Subject);
        Assert.Equal(Now.AddMilliseconds(8_999), entries[8_999].At);
        Assert.All(entries, e => Assert.True(e.HashMatches()));
        Assert.Null(chain.Break);
    }

    [Fact]
    public async Task Journal_AppendBatchChainedAheadFromTheTail_StoresAnUnbrokenChainEvenWhenTheTailMoved()
    {
        await using var store = await Db.CreateStoreAsync();
        await store.WriteAsync(s => s.Journal.AppendAsync(Now, "tester", "test.first", "GD-HOLD-1", "{\"n\":0}"), Ct);

        var (tail, last) = await store.WriteAsync(async s =>
        {
            var tail = await s.Journal.TailAsync();
            // Chained from the tail on another thread (the registry's write path), stored as chained.
            var ahead = new JournalBatch();
            ahead.Add(Now.AddSeconds(1), "tester", "test.ahead", "GD-HOLD-2", "{\"n\":1}"u8);
            await Task.Run(() => ahead.Chain(tail.Sequence + 1, tail.Hash));
            await s.Journal.AppendBatchAsync(ahead);
            // Chained from a tail that has moved since: storage chains it again from the real one.
            var stale = new JournalBatch();
            stale.Add(Now.AddSeconds(2), "tester", "test.stale", "GD-HOLD-3", "{\"n\":2}"u8);
            stale.Chain(tail.Sequence + 1, tail.Hash);
            return (tail, await s.Journal.AppendBatchAsync(stale));
        }, Ct);
        var head = await store.ReadAsync(s => s.Journal.TailAsync(), Ct);
        var chain = await new JournalChain(store).CheckAsync(Ct);

        Assert.Equal(1, tail.Sequence);
        Assert.Equal(3, last);
        Assert.Equal(3, head.Sequence);
        Assert.Null(chain.Break);
    }
}
