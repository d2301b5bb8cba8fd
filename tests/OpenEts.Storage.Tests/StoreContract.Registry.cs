using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Registry;

namespace OpenEts.Storage.Tests;

// The registry on the journal: conservation, rebuild after a restart, and refusals that write nothing.
public abstract partial class StoreContract<TDb>
{
    private static readonly UserId PowerA = UserId.From("power-a");
    private static readonly UserId PowerB = UserId.From("power-b");
    private static readonly AccountNumber PowerAccount = AccountNumber.From("GD-HOLD-POWER");
    private static readonly AccountNumber CementAccount = AccountNumber.From("GD-HOLD-CEMENT");
    private static readonly UnitClass Gdea2017 = UnitClass.Allowance("GD", 2017);

    [Fact]
    public async Task Registry_AfterOperations_ConservesUnitsAndVerifies()
    {
        await using var store = await Db.CreateStoreAsync();
        using var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);

        await TransferAsync(registry, 1000, "t1");
        await registry.ExecuteAsync(Now, l => l.Surrender(PowerA, Now, Key("s1"), PowerAccount, Gdea2017, 500, 2017), Ct);
        var check = await registry.VerifyAsync(Ct);
        var (issued, held) = await registry.QueryAsync((l, _) => (l.TotalIssued(Gdea2017).Value, l.TotalHeld(Gdea2017).Value), Ct);

        Assert.True(check.Intact, check.ToString());
        Assert.Equal(DemoRegistry.Issued, issued);
        Assert.Equal(issued, held);
    }

    [Fact]
    public async Task Registry_NewServiceOnSameStore_RebuildsIdenticalHoldings()
    {
        await using var store = await Db.CreateStoreAsync();
        using var first = new RegistryService(store);
        await new DemoRegistry(first).SeedIfEmptyAsync(Now, Ct);
        await TransferAsync(first, 1234, "t1");
        await TransferAsync(first, 66, "t2");

        using var restarted = new RegistryService(store);
        var before = await first.QueryAsync((l, _) => Holdings(l), Ct);
        var after = await restarted.QueryAsync((l, _) => Holdings(l), Ct);

        Assert.Equal(before, after);
        Assert.Contains("GD-HOLD-CEMENT GDEA-2017 1201300", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_RejectedRequest_LeavesJournalUnchanged()
    {
        await using var store = await Db.CreateStoreAsync();
        using var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        var before = await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct);

        var outcome = await registry.ExecuteAsync(Now, l => l.ProposeTransfer(PowerA, Now, Key("big"), PowerAccount,
            CementAccount, Gdea2017, 3_000_001, Now.AddDays(7)), Ct);
        var after = await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct);

        var rejected = Assert.IsType<RegistryOutcome.Rejected>(outcome);
        Assert.Equal(RegistryRejection.InsufficientHoldings, rejected.Reason);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Registry_FailedTransaction_RebuildsLedgerFromJournal()
    {
        await using var store = await Db.CreateStoreAsync();
        using var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => registry.ExecuteAsync(Now, l =>
        {
            l.ProposeTransfer(PowerA, Now, Key("lost"), PowerAccount, CementAccount, Gdea2017, 10, Now.AddDays(7));
            throw new InvalidOperationException("boom");
        }, Ct));
        var proposals = await registry.QueryAsync((l, _) => l.Proposals.Count, Ct);

        Assert.Equal(0, proposals);
    }

    [Fact]
    public async Task Registry_AllOrNothingBatchWithARefusal_StoresNoneOfItThenRunsWholeAfterTheFix()
    {
        await using var store = await Db.CreateStoreAsync();
        using var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        var regulator = UserId.From("regulator");
        var gdea2019 = UnitClass.Allowance("GD", 2019);
        await registry.ExecuteAsync(Now, l => l.Issue(regulator, Now, Key("i1"), gdea2019, 100), Ct);
        var journalBefore = await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct);
        List<Func<RegistryLedger, RegistryOutcome>> rows =
        [
            l => l.Allocate(regulator, Now, Key("a1"), PowerAccount, gdea2019, 60),
            l => l.Allocate(regulator, Now, Key("a2"), CementAccount, gdea2019, 60),
        ];
        var seen = new List<int>();

        var refused = await registry.ExecuteAllOrNothingAsync(Now, rows, seen.Add, Ct);
        var journalAfter = await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct);
        var powerAfterRefusal = await registry.QueryAsync((l, _) => l.QuantityHeld(PowerAccount, gdea2019).Value, Ct);
        await registry.ExecuteAsync(Now, l => l.Issue(regulator, Now, Key("i2"), gdea2019, 100), Ct);
        var whole = await registry.ExecuteAllOrNothingAsync(Now, rows, null, Ct);
        using var restarted = new RegistryService(store);
        var held = await restarted.QueryAsync((l, _) => (l.QuantityHeld(PowerAccount, gdea2019).Value, l.QuantityHeld(CementAccount, gdea2019).Value), Ct);

        Assert.Equal(1, refused.RefusedAt);
        Assert.False(refused.Stored);
        Assert.Equal([1, 2], seen);
        Assert.Equal(journalBefore, journalAfter);
        Assert.Equal(0, powerAfterRefusal);
        Assert.True(whole.Stored);
        Assert.All(whole.Outcomes, o => Assert.False(((RegistryOutcome.Completed)o).Duplicate));
        Assert.Equal((60L, 60L), held);
        Assert.True((await restarted.VerifyAsync(Ct)).Intact);
    }

    [Fact]
    public async Task Registry_ConcurrentCallersOneThrowing_EachGetsItsOwnOutcomeAndOnlyTheThrowerFails()
    {
        await using var store = await Db.CreateStoreAsync();
        using var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        var journalBefore = await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct);

        // 40 callers at once: 39 propose 1..39 t, number 20 throws inside the ledger call, and one repeats a key.
        var calls = Enumerable.Range(1, 40).Select(n => Task.Run(() => registry.ExecuteAsync(Now, l =>
        {
            var outcome = l.ProposeTransfer(PowerA, Now, Key(n == 40 ? "c-1" : $"c-{n}"), PowerAccount, CementAccount,
                Gdea2017, n == 40 ? 1 : n, Now.AddDays(7));
            return n == 20 ? throw new InvalidOperationException("boom") : outcome;
        }, Ct), Ct)).ToList();
        var thrower = calls[19];
        await Assert.ThrowsAsync<InvalidOperationException>(() => thrower);
        var outcomes = await Task.WhenAll(calls.Where(c => c != thrower));
        var journalAfter = await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct);
        using var restarted = new RegistryService(store);
        var proposed = await restarted.QueryAsync((l, _) => l.Proposals.Select(p => p.Quantity).Order().ToList(), Ct);

        Assert.All(outcomes, o => Assert.True(o.IsCompleted, o.ToString()));
        Assert.Single(outcomes, o => ((RegistryOutcome.Completed)o).Duplicate);
        Assert.Equal(Enumerable.Range(1, 39).Where(n => n != 20).Select(n => (long)n), proposed);
        Assert.Equal(journalBefore + 38, journalAfter);
        Assert.True((await restarted.VerifyAsync(Ct)).Intact);
    }

    [Fact]
    public async Task Registry_ExpireDueProposals_JournalsOnlyThoseDueAndOnlyOnce()
    {
        await using var store = await Db.CreateStoreAsync();
        using var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        await registry.ExecuteAsync(Now, l => l.ProposeTransfer(PowerA, Now, Key("soon"), PowerAccount, CementAccount,
            Gdea2017, 10, Now.AddHours(1)), Ct);
        await registry.ExecuteAsync(Now, l => l.ProposeTransfer(PowerA, Now, Key("later"), PowerAccount, CementAccount,
            Gdea2017, 20, Now.AddDays(3)), Ct);

        var first = await registry.ExpireDueProposalsAsync(Now.AddHours(2), Ct);
        var again = await registry.ExpireDueProposalsAsync(Now.AddHours(2), Ct);
        using var restarted = new RegistryService(store);
        var states = await restarted.QueryAsync((l, _) => l.Proposals.Select(p => p.State).ToList(), Ct);
        var expiredRows = await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter(KindPrefix: "registry.transfer.expired")), Ct);

        Assert.Equal(1, first);
        Assert.Equal(0, again);
        Assert.Equal([ProposalState.Expired, ProposalState.Pending], states);
        Assert.Equal(1, expiredRows);
    }

    [Fact]
    public async Task Registry_BatchOfManyRequests_AppendsEveryRowInOrderAndVerifies()
    {
        await using var store = await Db.CreateStoreAsync();
        using var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        var before = await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct);
        // 30 proposals and their approvals: 60 journal rows appended in one go (the bulk path of each database).
        var requests = Enumerable.Range(1, 30).SelectMany(n => new Func<RegistryLedger, RegistryOutcome>[]
        {
            l => l.ProposeTransfer(PowerA, Now, Key($"bp-{n}"), PowerAccount, CementAccount, Gdea2017, n, Now.AddDays(7)),
            l => l.ApproveTransfer(PowerB, Now, Key($"ba-{n}"), ProposalId.From(l.LastProposalId)),
        }).ToList();

        var outcomes = await registry.ExecuteBatchAsync(Now, requests, Ct);
        var journal = await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(), 0, 1000), Ct);
        using var restarted = new RegistryService(store);
        var cement = await restarted.QueryAsync((l, _) => l.QuantityHeld(CementAccount, Gdea2017).Value, Ct);

        Assert.All(outcomes, o => Assert.True(o.IsCompleted, o.ToString()));
        Assert.Equal(before + 60, journal.Count);
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i).Reverse(), journal.Select(e => e.Sequence));
        Assert.Equal("registry.transfer.executed", journal[0].Kind);
        Assert.Equal(1_200_000 + (30 * 31 / 2), cement);
        Assert.True((await restarted.VerifyAsync(Ct)).Intact);
    }

    [Fact]
    public async Task Registry_JournalSubject_IsTheAccountTheEventIsAbout()
    {
        await using var store = await Db.CreateStoreAsync();
        using var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        await TransferAsync(registry, 500, "subject");

        var power = await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(Subject: "GD-HOLD-POWER"), 0, 100), Ct);
        var cement = await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(Subject: "GD-HOLD-CEMENT"), 0, 100), Ct);

        // The demo issues offset credits to both companies after their allocations (DemoRegistry.Offsets).
        Assert.Equal(["registry.transfer.executed", "registry.transfer.proposed", "registry.offsets.issued", "registry.units.allocated",
            "registry.account.opened"], power.Select(e => e.Kind));
        Assert.Equal(["registry.offsets.issued", "registry.units.allocated", "registry.account.opened"], cement.Select(e => e.Kind));
    }

    private static IdempotencyKey Key(string value) => IdempotencyKey.From(value);

    private static async Task TransferAsync(RegistryService registry, long quantity, string key)
    {
        var proposed = await registry.ExecuteAsync(Now, l => l.ProposeTransfer(PowerA, Now, Key(key + "-p"), PowerAccount,
            CementAccount, Gdea2017, quantity, Now.AddDays(7)), Ct);
        var id = ((TransferProposed)((RegistryOutcome.Completed)proposed).Event).Proposal;
        var approved = await registry.ExecuteAsync(Now, l => l.ApproveTransfer(PowerB, Now, Key(key + "-a"), id), Ct);
        Assert.True(approved.IsCompleted, approved.ToString());
    }

    private static string Holdings(RegistryLedger ledger) =>
        string.Join('\n', ledger.Accounts.SelectMany(a => ledger.HoldingsOf(a.Number))
            .Select(h => $"{h.Account} {h.Class} {h.Total.Value} {string.Join(',', h.Blocks)}"));
}
