using OpenEts.Application.Inclusion;

namespace OpenEts.Storage.Tests;

// The inclusion queue's storage (migration 0058) and the writes beside the serialised writers that fill it.
public abstract partial class StoreContract<TDb>
{
    private static readonly int[] QueuedActionCounts = [40, 70, 5];

    [Fact]
    public async Task InclusionQueue_Batches_ReadOldestFirstUpToTheActionLimitAndGoneOnceDeleted()
    {
        await using var store = await Db.CreateStoreAsync();
        var payloads = new[] { new byte[] { 1, 2, 3 }, new byte[300_000], "[]"u8.ToArray() };
        Random.Shared.NextBytes(payloads[1]);
        var ids = new List<long>();
        foreach (var (payload, actions) in payloads.Zip(QueuedActionCounts))
        {
            ids.Add(await store.WriteBesideAsync(s => s.Inclusion.EnqueueActionsAsync(
                new QueuedBatch(0, Now.AddSeconds(ids.Count), 7 + ids.Count, "shenzhen-tanpuhui", actions, payload)), Ct));
        }

        var upTo100 = await ClaimAsync(store, "w1", 100, Now);
        var upTo10 = await ClaimAsync(store, "w1", 10, Now);
        var depth = await store.ReadAsync(s => s.Inclusion.QueueDepthAsync(), Ct);
        await store.WriteBesideAsync(async s =>
        {
            await s.Inclusion.DeleteQueuedAsync([ids[0], ids[1], ids[1] + 1_000]);
            return 0;
        }, Ct);
        var after = await ClaimAsync(store, "w1", 100, Now);

        Assert.True(ids[0] < ids[1] && ids[1] < ids[2]);
        // 40 fit under 100, 40 + 70 do not; the oldest comes even when it alone is over the limit.
        var first = Assert.Single(upTo100);
        Assert.Equal((ids[0], 7L, "shenzhen-tanpuhui", 40, Now), (first.Id, first.PartnerId, first.Programme, first.Actions, first.ReceivedAt));
        Assert.Equal(payloads[0], first.Payload);
        Assert.Equal(ids[0], Assert.Single(upTo10).Id);
        Assert.Equal((3L, 115L), depth);
        var left = Assert.Single(after);
        Assert.Equal(ids[2], left.Id);
        Assert.Equal(payloads[2], left.Payload);
        await store.WriteBesideAsync(async s =>
        {
            await s.Inclusion.DeleteQueuedAsync([ids[2]]);
            return 0;
        }, Ct);
        Assert.Empty(await ClaimAsync(store, "w1", 100, Now));
        Assert.Equal((0L, 0L), await store.ReadAsync(s => s.Inclusion.QueueDepthAsync(), Ct));
    }

    // Workers of several servers: a claimed batch is left alone by the others until its claim runs out, and taken again
    // by its own worker (a worker restarted in the same process).
    [Fact]
    public async Task InclusionQueue_Claims_GiveEachWorkerOtherBatchesUntilAClaimRunsOut()
    {
        await using var store = await Db.CreateStoreAsync();
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await store.WriteBesideAsync(s => s.Inclusion.EnqueueActionsAsync(new QueuedBatch(0, Now, 1, "fuzhou-lvbao", 10, [(byte)i])), Ct));
        }

        var first = await ClaimAsync(store, "w1", 20, Now);
        var second = await ClaimAsync(store, "w2", 20, Now);
        var third = await ClaimAsync(store, "w3", 20, Now.AddSeconds(30));
        var again = await ClaimAsync(store, "w1", 20, Now.AddSeconds(30));
        var runOut = await ClaimAsync(store, "w3", 40, Now.AddMinutes(2));

        Assert.Equal(ids[..2], first.Select(b => b.Id));
        Assert.Equal(ids[2..], second.Select(b => b.Id));
        Assert.Empty(third);
        Assert.Equal(ids[..2], again.Select(b => b.Id));
        Assert.Equal(ids, runOut.Select(b => b.Id));
    }

    // A claim for a minute from `now`.
    private static Task<IReadOnlyList<QueuedBatch>> ClaimAsync(SqlStore store, string worker, int maxActions, DateTimeOffset now) =>
        store.WriteBesideAsync(s => s.Inclusion.ClaimQueuedAsync(worker, maxActions, now, now.AddMinutes(1)), Ct);

    [Fact]
    public async Task InclusionQueue_LargePayload_RoundTripsByteForByte()
    {
        await using var store = await Db.CreateStoreAsync();
        var payload = new byte[4 * 1024 * 1024];
        Random.Shared.NextBytes(payload);

        await store.WriteBesideAsync(s => s.Inclusion.EnqueueActionsAsync(new QueuedBatch(0, Now, 1, "fuzhou-lvbao", 10_000, payload)), Ct);
        var read = Assert.Single(await ClaimAsync(store, "w1", 10_000, Now));

        Assert.Equal(payload, read.Payload);
    }

    [Fact]
    public async Task WriteBeside_AppendingToTheJournal_ThrowsAndStoresNothing()
    {
        await using var store = await Db.CreateStoreAsync();
        var before = await store.ReadAsync(s => s.Journal.TailAsync(), Ct);

        if (store.Dialect == "PostgreSQL")
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteBesideAsync(async s =>
            {
                await s.Inclusion.EnqueueActionsAsync(new QueuedBatch(0, Now, 1, "fuzhou-lvbao", 1, [1]));
                return await s.Journal.AppendAsync(Now, "x", "test.beside", "x", "{}");
            }, Ct));
            Assert.Equal((0L, 0L), await store.ReadAsync(s => s.Inclusion.QueueDepthAsync(), Ct));
        }
        else
        {
            // SQLite's one writer is the database's: a write "beside" is an ordinary serialised write, journal included.
            await store.WriteBesideAsync(s => s.Journal.AppendAsync(Now, "x", "test.beside", "x", "{}"), Ct);
        }

        var after = await store.ReadAsync(s => s.Journal.TailAsync(), Ct);
        Assert.Equal(store.Dialect == "PostgreSQL" ? before : (before.Sequence + 1, after.Hash), (after.Sequence, after.Hash));
    }

    // PostgreSQL: the queue's write commits while a serialised writer (a long recording) holds the writers' lock.
    // SQLite: the database has one writer, so it waits for that commit, and then commits.
    [Fact]
    public async Task WriteBeside_WhileASerialisedWriterHoldsTheLock_CommitsAtOnceOnPostgresAfterItOnSqlite()
    {
        await using var store = await Db.CreateStoreAsync();
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var writer = store.WriteAsync(async s =>
        {
            await s.Journal.AppendAsync(Now, "x", "test.long-write", "x", "{}");
            await s.Journal.TailAsync();
            holding.SetResult();
            await release.Task;
            return 0;
        }, Ct);
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        var beside = Task.Run(() => store.WriteBesideAsync(s => s.Inclusion.EnqueueActionsAsync(new QueuedBatch(0, Now, 1, "fuzhou-lvbao", 3, [1, 2, 3])), Ct), Ct);
        var whileHeld = await Task.WhenAny(beside, Task.Delay(TimeSpan.FromSeconds(store.Dialect == "PostgreSQL" ? 20 : 1), Ct)) == beside;
        release.SetResult();
        await writer;
        await beside.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(store.Dialect == "PostgreSQL", whileHeld);
        Assert.Equal((1L, 3L), await store.ReadAsync(s => s.Inclusion.QueueDepthAsync(), Ct));
    }
}
