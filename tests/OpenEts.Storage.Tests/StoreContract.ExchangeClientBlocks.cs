using OpenEts.Application.Exchange;
using OpenEts.Application.Storage;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;
using OpenEts.Matching;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// Block trades (大宗协议) for clients (客户) on every database: a member's trader proposes one for its client, or accepts,
// declines or withdraws one of its client's; the client's units and cash settle and the client pays its fee; nobody
// else acts on the client's proposals, and the client's own users read them and enter nothing.
public abstract partial class StoreContract<TDb>
{
    private static ProposeBlockTrade ClientBlock(Side side, long counterparty, long priceFen, long quantity, string key, long? account) =>
        new("GDEA-2017", side, counterparty, priceFen, quantity, IdempotencyKey.From(key), account);

    [Fact]
    public async Task ExchangeClientBlocks_ProposedForAClientAndAccepted_SettlesTheClientsUnitsAndCash()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);
        await m.DepositAsync("cement-a", 2_000_000m, "dep-client-block");
        var (steel, cement, power) = (await m.HeldAsync("GD-HOLD-STEEL"), await m.HeldAsync("GD-HOLD-CEMENT"), await m.HeldAsync("GD-HOLD-POWER"));
        var cementAccount = await AccountOfAsync(m, "cement-a");

        var proposed = Assert.IsType<ExchangeOutcome.Completed>(
            await m.RunAsync("power-a", ClientBlock(Side.Sell, cementAccount, 2_000, 100_000, "cblk-1", client)));
        var repeat = Assert.IsType<ExchangeOutcome.Completed>(
            await m.RunAsync("power-a", ClientBlock(Side.Sell, cementAccount, 2_000, 100_000, "cblk-1", client)));
        var accepted = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", new AcceptBlockTrade(proposed.Block!.Id)));

        // 100 000 t × 20.00 = 2 000 000.00 yuan from the cement company to the client; each side's fee 0.05 % = 1 000.00.
        Assert.Equal((client, cementAccount), (proposed.Block.ProposerAccount, proposed.Block.CounterpartyAccount));
        Assert.True(repeat.Duplicate);
        Assert.Equal(BlockTradeStatus.Settled, accepted.Block!.Status);
        Assert.Equal((steel - 100_000, cement + 100_000, power, 0L),
            (await m.HeldAsync("GD-HOLD-STEEL"), await m.HeldAsync("GD-HOLD-CEMENT"), await m.HeldAsync("GD-HOLD-POWER"), await m.HeldAsync("GD-CLEARING")));
        Assert.Equal((500_000m + 2_000_000m - 1_000m, 0m), ((await m.CashOfAsync("steel-a")).Balance, (await m.CashOfAsync("steel-a")).Reserved));
        Assert.Equal(3_000_000m - 2_000_000m - 1_000m, (await m.CashOfAsync("cement-a")).Balance);
        var powerOrganisation = (await m.ActorOf("power-a")).OrganisationId!.Value;
        Assert.Null(await m.Store.ReadAsync(s => s.Cash.FindMemberAccountAsync(powerOrganisation), Ct));
        // The member's traders and the client's users see it under the client's account; the member's own list is empty.
        Assert.Equal([proposed.Block.Id], (await m.Queries.MyBlockTradesAsync(await m.ActorOf("power-b"), client, Ct)).Select(b => b.Id));
        Assert.Equal([proposed.Block.Id], (await m.Queries.MyBlockTradesAsync(await m.ActorOf("steel-b"), Ct)).Select(b => b.Id));
        Assert.Empty(await m.Queries.MyBlockTradesAsync(await m.ActorOf("power-a"), Ct));
        var journal = await m.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: ProposeBlockTrade.Kind), 0, 10), Ct);
        Assert.Equal(["power-a"], journal.Select(e => e.Actor));
    }

    [Fact]
    public async Task ExchangeClientBlocks_ProposalToAClient_OnlyItsMembersTradersAnswerIt()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);
        await m.DepositAsync("steel-a", 1_500_000m, "dep-steel-block");
        var (steel, cement) = (await m.HeldAsync("GD-HOLD-STEEL"), await m.HeldAsync("GD-HOLD-CEMENT"));

        // The cement company sells 100 000 t to the client at 14.50 (1 450 000 yuan of the client's 2 000 000), and a second
        // proposal that the member declines for the client.
        var first = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", ClientBlock(Side.Sell, client, 1_450, 100_000, "to-client-1", null)));
        var second = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", ClientBlock(Side.Sell, client, 1_500, 100_000, "to-client-2", null)));
        var byClientsUser = await m.RunAsync("steel-a", new AcceptBlockTrade(first.Block!.Id));
        var byProposer = await m.RunAsync("cement-a", new AcceptBlockTrade(first.Block.Id));
        var forOthersClient = await m.RunAsync("cement-a", ClientBlock(Side.Buy, await AccountOfAsync(m, "power-a"), 2_000, 100_000, "not-mine", client));
        var accepted = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-b", new AcceptBlockTrade(first.Block.Id)));
        var declined = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new CancelBlockTrade(second.Block!.Id)));

        Assert.Equal(ExchangeRule.ClientAccount, Assert.IsType<ExchangeOutcome.Refused>(byClientsUser).Rule);
        Assert.Equal(ExchangeRule.UnknownProposal, Assert.IsType<ExchangeOutcome.Refused>(byProposer).Rule);
        var notYours = Assert.IsType<ExchangeOutcome.Refused>(forOthersClient);
        Assert.Equal((ExchangeRule.NotYourClient, "account"), (notYours.Rule, notYours.Field));
        // The client pays 1 450 000 yuan and its fee of 0.05 % (725 yuan); the cement company's units go to its holding account.
        Assert.Equal(BlockTradeStatus.Settled, accepted.Block!.Status);
        Assert.Equal(BlockTradeStatus.Declined, declined.Block!.Status);
        Assert.Equal((steel + 100_000, cement - 100_000), (await m.HeldAsync("GD-HOLD-STEEL"), await m.HeldAsync("GD-HOLD-CEMENT")));
        Assert.Equal((2_000_000m - 1_450_000m - 725m, 0m), ((await m.CashOfAsync("steel-a")).Balance, (await m.CashOfAsync("steel-a")).Reserved));
    }
}
