using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;

namespace OpenEts.Storage.Tests;

// Batches of thousands of requests (as the bench and bulk settlements send), on every database.
public abstract partial class StoreContract<TDb>
{
    private const int LongBatch = 4_500;

    private static List<Func<RegistryLedger, RegistryOutcome>> Proposals(string prefix, int count, DateTimeOffset at) =>
        Enumerable.Range(1, count)
            .Select(i => (Func<RegistryLedger, RegistryOutcome>)(l => l.ProposeTransfer(PowerA, at, Key($"{prefix}-{i}"),
                PowerAccount, CementAccount, Gdea2017, 1 + i % 3, at.AddDays(7))))
            .ToList();

    [Fact]
    public async Task Registry_LongBatch_StoresTheSameJournalAndAccountHistoryAsShortBatches()
    {
        await using var longStore = await Db.CreateStoreAsync();
        await using var shortStore = await Db.CreateStoreAsync();
        using var longRun = new RegistryService(longStore) { SnapshotInterval = 0 };
        using var shortRun = new RegistryService(shortStore) { SnapshotInterval = 0 };
        await new DemoRegistry(longRun).SeedIfEmptyAsync(Now, Ct);
        await new DemoRegistry(shortRun).SeedIfEmptyAsync(Now, Ct);
        var requests = Proposals("long", LongBatch, Now);

        var longOutcomes = await longRun.ExecuteBatchAsync(Now, requests, Ct);
        var shortOutcomes = new List<RegistryOutcome>();
        foreach (var chunk in requests.Chunk(900))
        {
            shortOutcomes.AddRange(await shortRun.ExecuteBatchAsync(Now, chunk, Ct));
        }
        var longTail = await longStore.ReadAsync(s => s.Journal.TailAsync(), Ct);
        var shortTail = await shortStore.ReadAsync(s => s.Journal.TailAsync(), Ct);
        var longHistory = await longRun.HistoryAsync(CementAccount, null, 0, 2 * LongBatch, Ct);
        var shortHistory = await shortRun.HistoryAsync(CementAccount, null, 0, 2 * LongBatch, Ct);
        using var restarted = new RegistryService(longStore);
        var restored = await restarted.QueryAsync((l, _) => StateJson(l), Ct);

        Assert.All(longOutcomes, o => Assert.True(o.IsCompleted, o.ToString()));
        Assert.Equal(shortOutcomes.Select(o => o.ToString()), longOutcomes.Select(o => o.ToString()));
        // Byte for byte the same journal: the same last sequence and the same hash chained over every entry.
        Assert.Equal(shortTail, longTail);
        Assert.Equal(shortHistory.Select(r => (r.Sequence, r.Kind, r.Quantity)), longHistory.Select(r => (r.Sequence, r.Kind, r.Quantity)));
        Assert.True(longHistory.Count > LongBatch);
        Assert.Equal(await longRun.QueryAsync((l, _) => StateJson(l), Ct), restored);
        Assert.True((await restarted.VerifyAsync(Ct)).Intact);
    }

    [Fact]
    public async Task Registry_LongBatchWithAKeyOlderThanTheWindow_AnswersItAsDuplicateAndRunsTheRestOnce()
    {
        await using var store = await Db.CreateStoreAsync();
        using var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        var issue = (DateTimeOffset t) => (Func<RegistryLedger, RegistryOutcome>)(l =>
            l.Issue(UserId.From(DemoRegistry.Regulators[0]), t, IdempotencyKey.From("issue-old-long"), Gdea2017, 500));
        Assert.IsType<RegistryOutcome.Completed>((await registry.ExecuteBatchAsync(Now, [issue(Now)], Ct))[0]);
        var issued = await registry.QueryAsync((l, _) => l.TotalIssued(Gdea2017), Ct);
        var later = Now.AddDays(2);
        await TransferAtAsync(registry, 5, "later-long", later);
        var before = await store.ReadAsync(s => s.Journal.TailAsync(), Ct);
        // The old key deep in the batch: found only when storage refuses it, after thousands of requests have run.
        var requests = Proposals("window", LongBatch, later);
        requests.Insert(3_000, issue(later));

        var outcomes = await registry.ExecuteBatchAsync(later, requests, Ct);
        var after = await store.ReadAsync(s => s.Journal.TailAsync(), Ct);

        Assert.True(Assert.IsType<RegistryOutcome.Completed>(outcomes[3_000]).Duplicate);
        Assert.Equal(LongBatch, outcomes.Count(o => o is RegistryOutcome.Completed { Duplicate: false }));
        Assert.Equal(issued, await registry.QueryAsync((l, _) => l.TotalIssued(Gdea2017), Ct));
        // Each proposal journalled once: the failed first attempt left nothing behind.
        Assert.Equal(before.Sequence + LongBatch, after.Sequence);
        Assert.True((await registry.VerifyAsync(Ct)).Intact);
    }

    // A run that meets an old key is run again from the stored state: what its first run did in memory (here a proposal
    // that, in the end, was a duplicate) must not be seen by the requests after it, nor stored.
    [Fact]
    public async Task Registry_BatchWithAKeyOlderThanTheWindow_LaterRequestsSeeOnlyTheRerunsState()
    {
        await using var store = await Db.CreateStoreAsync();
        using var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        var expires = Now.AddDays(7);
        var propose = (DateTimeOffset t) => (Func<RegistryLedger, RegistryOutcome>)(l =>
            l.ProposeTransfer(PowerA, t, Key("old-proposal"), PowerAccount, CementAccount, Gdea2017, 40, expires));
        var first = Assert.IsType<RegistryOutcome.Completed>((await registry.ExecuteBatchAsync(Now, [propose(Now)], Ct))[0]);
        var proposal = ((TransferProposed)first.Event).Proposal;
        var later = Now.AddDays(2);
        await TransferAtAsync(registry, 5, "later-phantom", later);
        var next = ProposalId.From(await registry.QueryAsync((l, _) => l.LastProposalId, Ct) + 1);
        var held = await registry.QueryAsync((l, _) => (l.QuantityHeld(PowerAccount, Gdea2017), l.QuantityHeld(CementAccount, Gdea2017)), Ct);
        var before = await store.ReadAsync(s => s.Journal.TailAsync(), Ct);

        // The proposal resent with its old key, then an approval of the proposal it would have made had the key been new.
        var outcomes = await registry.ExecuteBatchAsync(later,
            [propose(later), l => l.ApproveTransfer(PowerB, later, Key("approve-phantom"), next)], Ct);

        var repeat = Assert.IsType<RegistryOutcome.Completed>(outcomes[0]);
        Assert.True(repeat.Duplicate);
        Assert.Equal(proposal, ((TransferProposed)repeat.Event).Proposal);
        Assert.Equal(RegistryRejection.UnknownProposal, Assert.IsType<RegistryOutcome.Rejected>(outcomes[1]).Reason);
        Assert.Equal(before, await store.ReadAsync(s => s.Journal.TailAsync(), Ct));
        Assert.Equal(held, await registry.QueryAsync((l, _) => (l.QuantityHeld(PowerAccount, Gdea2017), l.QuantityHeld(CementAccount, Gdea2017)), Ct));
        Assert.Equal(next.Value - 1, await registry.QueryAsync((l, _) => l.LastProposalId, Ct));
        Assert.True((await registry.VerifyAsync(Ct)).Intact);
    }
}
