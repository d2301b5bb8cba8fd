using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;

namespace OpenEts.Storage.Tests;

// A proposal decided before the retention window has left memory; it is rebuilt from its two journal entries, found by
// the proposal's number in registry_proposal_index (migration 0047, which moved the older 'p:' rows of registry_index).
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Registry_ProposalDecidedBeforeTheWindow_IsRebuiltFromTheProposalIndexAfterARestart()
    {
        await using var store = await Db.CreateStoreAsync();
        using var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        await TransferAtAsync(registry, 7, "old", Now);
        var id = await registry.QueryAsync((l, _) => l.LastProposalId, Ct);
        var decided = await registry.QueryAsync((l, _) => l.FindProposal(ProposalId.From(id)), Ct);
        await TransferAtAsync(registry, 5, "later", Now.AddDays(2));

        using var restarted = new RegistryService(store);
        var inMemory = await restarted.QueryAsync((l, _) => l.Proposals.Any(p => p.Id.Value == id), Ct);
        var rebuilt = await restarted.QueryAsync((l, _) => l.FindProposal(ProposalId.From(id)), Ct);
        var approveAgain = await restarted.ExecuteAsync(Now.AddDays(2), l => l.ApproveTransfer(PowerB, Now.AddDays(2),
            Key("old-again"), ProposalId.From(id)), Ct);

        Assert.False(inMemory);
        Assert.NotNull(decided);
        Assert.Equal(ProposalState.Executed, rebuilt!.State);
        Assert.Equal(decided, rebuilt with { Blocks = decided!.Blocks });
        Assert.Equal(decided.Blocks, rebuilt.Blocks);
        Assert.Equal(RegistryRejection.ProposalAlreadyExecuted, Assert.IsType<RegistryOutcome.Rejected>(approveAgain).Reason);
    }

    [Fact]
    public async Task Registry_Migration0047_MovesTheProposalRowsOfTheIndexByNumber()
    {
        long id;
        await using (var before = await Db.CreateStoreAsync())
        {
            using var registry = new RegistryService(before);
            await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
            await TransferAtAsync(registry, 7, "old", Now);
            id = await registry.QueryAsync((l, _) => l.LastProposalId, Ct);
            // The index as it was before migration 0047: a proposal's entries under the text term 'p:' + number.
            await ExecAsync(before, """
                INSERT INTO registry_index (term, seq) SELECT 'p:' || CAST(proposal AS TEXT), seq FROM registry_proposal_index;
                DROP TABLE registry_proposal_index;
                DELETE FROM schema_migrations WHERE version = 47;
                """);
        }

        await using var store = await SqlStore.OpenAsync(Db.LastDatabase, Ct);
        var textRows = await ScalarAsync(store, "SELECT COUNT(*) FROM registry_index WHERE term LIKE 'p:%'");
        var numbered = await ScalarAsync(store, "SELECT COUNT(*) FROM registry_proposal_index WHERE proposal = " + id);
        using var restarted = new RegistryService(store);
        var entries = await store.ReadAsync(s => s.Registry.ProposalEntriesAsync(id), Ct);

        Assert.Equal("0", textRows);
        Assert.Equal("2", numbered);
        Assert.Equal(["registry.transfer.proposed", "registry.transfer.executed"], entries.Select(e => e.Kind));
        Assert.True((await restarted.VerifyAsync(Ct)).Intact);
    }
}
