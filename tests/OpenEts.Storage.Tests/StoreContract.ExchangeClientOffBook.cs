using OpenEts.Application.Exchange;
using OpenEts.Application.Storage;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;
using OpenEts.Matching;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// Trades off the book for clients (客户) on every database. Block trades (大宗协议): a member's trader proposes one for its
// client, or accepts, declines or withdraws one of its client's. Listings (挂牌点选): it lists for its client, picks for
// it and withdraws its client's listing. One-way auctions (单向竞价): it announces one for its client, bids for it and
// withdraws its client's bid. The client's units and cash are frozen and settle, the client pays its fee; nobody else acts
// for the client, and the client's own users read and enter nothing.
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

    private static PostListing ClientListing(Side side, decimal price, long quantity, string key, long? account) =>
        new("GDEA-2017", side, (long)(price * 100m), quantity, null, IdempotencyKey.From(key), account);

    [Fact]
    public async Task ExchangeClientListings_PostedForAClientPickedAndWithdrawn_MovesTheClientsUnitsAndCash()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);
        var (steel, cement, power) = (await m.HeldAsync("GD-HOLD-STEEL"), await m.HeldAsync("GD-HOLD-CEMENT"), await m.HeldAsync("GD-HOLD-POWER"));

        var posted = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", ClientListing(Side.Sell, 20.00m, 1_000, "cl-1", client)));
        var frozen = (await m.HeldAsync("GD-HOLD-STEEL"), await m.HeldAsync("GD-CLEARING"));
        var picked = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", new PickListing(posted.Listing!.Id, 400, IdempotencyKey.From("cp-1"))));
        var byOthers = await m.RunAsync("cement-a", new WithdrawListing(posted.Listing.Id));
        var byClientsUser = await m.RunAsync("steel-a", new WithdrawListing(posted.Listing.Id));
        var withdrawn = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-b", new WithdrawListing(posted.Listing.Id)));

        // 400 t × 20.00 = 8 000.00 yuan to the client, less its fee of 0.05 % (4.00); the 600 t left go back to its holding account.
        Assert.Equal(client, posted.Listing.AccountId);
        Assert.Equal((steel - 1_000, 1_000L), frozen);
        Assert.Equal((client, 400L), (picked.ListingTrade!.SellAccount, picked.ListingTrade.Quantity));
        Assert.Equal(ExchangeRule.UnknownListing, Assert.IsType<ExchangeOutcome.Refused>(byOthers).Rule);
        Assert.Equal(ExchangeRule.ClientAccount, Assert.IsType<ExchangeOutcome.Refused>(byClientsUser).Rule);
        Assert.Equal(ListingStatus.Withdrawn, withdrawn.Listing!.Status);
        Assert.Equal((steel - 400, cement + 400, power, 0L),
            (await m.HeldAsync("GD-HOLD-STEEL"), await m.HeldAsync("GD-HOLD-CEMENT"), await m.HeldAsync("GD-HOLD-POWER"), await m.HeldAsync("GD-CLEARING")));
        Assert.Equal(500_000m + 8_000m - 4m, (await m.CashOfAsync("steel-a")).Balance);
        Assert.Equal([posted.Listing.Id], (await m.Queries.MyListingsAsync(await m.ActorOf("power-b"), client, Ct)).Select(l => l.Id));
        Assert.Equal([picked.ListingTrade.Id], (await m.Queries.MyListingTradesAsync(await m.ActorOf("steel-b"), Ct)).Select(t => t.Id));
        Assert.Empty(await m.Queries.MyListingsAsync(await m.ActorOf("power-a"), Ct));
        Assert.Empty(await m.Queries.MyListingsAsync(await m.ActorOf("cement-a"), client, Ct));
    }

    [Fact]
    public async Task ExchangeClientListings_PickedForAClient_PaysFromTheClientsCashAndNotFromItsOwnListing()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);
        var steel = await m.HeldAsync("GD-HOLD-STEEL");
        var cementListing = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", ClientListing(Side.Sell, 20.00m, 1_000, "cement-l", null)));
        var clientsBuy = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", ClientListing(Side.Buy, 19.00m, 1_000, "client-b", client)));

        var ownListing = await m.RunAsync("power-a", new PickListing(clientsBuy.Listing!.Id, 500, IdempotencyKey.From("self"), client));
        var notYours = await m.RunAsync("cement-a", new PickListing(clientsBuy.Listing.Id, 500, IdempotencyKey.From("other"), client));
        var picked = Assert.IsType<ExchangeOutcome.Completed>(
            await m.RunAsync("power-a", new PickListing(cementListing.Listing!.Id, 500, IdempotencyKey.From("for-client"), client)));
        var repeat = Assert.IsType<ExchangeOutcome.Completed>(
            await m.RunAsync("power-a", new PickListing(cementListing.Listing.Id, 500, IdempotencyKey.From("for-client"), client)));

        // The client's buy listing reserves 19 000 yuan + the maximum fee 9.50; the pick pays 500 t × 20.00 = 10 000 + 5.00.
        Assert.Equal(ExchangeRule.SelfTrade, Assert.IsType<ExchangeOutcome.Refused>(ownListing).Rule);
        Assert.Equal(ExchangeRule.NotYourClient, Assert.IsType<ExchangeOutcome.Refused>(notYours).Rule);
        Assert.Equal((client, client), (picked.ListingTrade!.BuyAccount, picked.ListingTrade.TakerAccount));
        Assert.True(repeat.Duplicate);
        Assert.Equal(steel + 500, await m.HeldAsync("GD-HOLD-STEEL"));
        var cash = await m.CashOfAsync("steel-a");
        Assert.Equal((500_000m - 10_000m - 5m, 19_009.50m), (cash.Balance, cash.Reserved));
    }

    [Fact]
    public async Task ExchangeClientAuctions_AnnouncedForAClient_SellsTheClientsUnitsAndSendsTheRestBack()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);
        var (steel, cement, power) = (await m.HeldAsync("GD-HOLD-STEEL"), await m.HeldAsync("GD-HOLD-CEMENT"), await m.HeldAsync("GD-HOLD-POWER"));

        var auction = (await OneWayDoneAsync(m, "power-a", AnnounceOneWay(1_000, 1_600, 100, "ca-1") with { Account = client })).Auction!;
        var frozen = (await m.HeldAsync("GD-HOLD-STEEL"), await m.HeldAsync("GD-CLEARING"));
        var bid = (await OneWayDoneAsync(m, "cement-a", OneWayBid(auction.Id, 1_800, 600, "cb-1"))).AuctionBids![0];
        m.At = Now.AddHours(1);
        var closed = await OneWayDoneAsync(m, "exchange", new CloseOneWayAuction(auction.Id));
        var membersView = await m.Queries.AuctionAsync(await m.ActorOf("power-b"), auction.Id, Ct);

        // 600 t at 18.00 = 10 800.00 yuan to the client less its fee of 0.05 % (5.40); the 400 t unsold go back to it.
        Assert.Equal(client, auction.AccountId);
        Assert.Equal((steel - 1_000, 1_000L), frozen);
        Assert.Equal((OneWayAuctionStatus.Cleared, 600L), (closed.Auction!.Status, closed.Auction.Sold));
        Assert.Equal((steel - 600, cement + 600, power, 0L),
            (await m.HeldAsync("GD-HOLD-STEEL"), await m.HeldAsync("GD-HOLD-CEMENT"), await m.HeldAsync("GD-HOLD-POWER"), await m.HeldAsync("GD-CLEARING")));
        Assert.Equal(500_000m + 10_800m - 5.40m, (await m.CashOfAsync("steel-a")).Balance);
        Assert.Equal([bid.Id], membersView!.Value.Bids.Select(b => b.Id));
    }

    [Fact]
    public async Task ExchangeClientAuctions_BidForAClient_HoldsAndPaysTheClientsCashAndOnlyItsMemberWithdraws()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);
        var steel = await m.HeldAsync("GD-HOLD-STEEL");
        var auction = (await OneWayDoneAsync(m, "cement-a", AnnounceOneWay(1_000, 1_600, 100, "cement-auction"))).Auction!;

        var winning = (await OneWayDoneAsync(m, "power-a", OneWayBid(auction.Id, 1_700, 500, "for-client-1") with { Account = client })).AuctionBids![0];
        var second = (await OneWayDoneAsync(m, "power-a", OneWayBid(auction.Id, 1_650, 200, "for-client-2") with { Account = client })).AuctionBids![0];
        var reserved = (await m.CashOfAsync("steel-a")).Reserved;
        var byClientsUser = await m.RunAsync("steel-a", new WithdrawOneWayBid(winning.Id));
        var byOthers = await m.RunAsync("cement-a", new WithdrawOneWayBid(winning.Id));
        var forOthersClient = await m.RunAsync("cement-a", OneWayBid(auction.Id, 1_700, 100, "not-mine") with { Account = client });
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-b", new WithdrawOneWayBid(second.Id)));
        var membersView = await m.Queries.AuctionAsync(await m.ActorOf("power-b"), auction.Id, Ct);
        var sellersView = await m.Queries.AuctionAsync(await m.ActorOf("cement-a"), auction.Id, Ct);
        m.At = Now.AddHours(1);
        await OneWayDoneAsync(m, "exchange", new CloseOneWayAuction(auction.Id));

        // 500 t × 17.00 = 8 500 yuan + the maximum fee 4.25, and 200 t × 16.50 = 3 300 + 1.65, both of the client's cash;
        // the client wins its 500 t at 17.00 and pays 8 500 + 4.25.
        Assert.Equal((client, 8_504.25m + 3_301.65m), (winning.AccountId, reserved));
        Assert.Equal(ExchangeRule.ClientAccount, Assert.IsType<ExchangeOutcome.Refused>(byClientsUser).Rule);
        Assert.Equal(ExchangeRule.UnknownAuction, Assert.IsType<ExchangeOutcome.Refused>(byOthers).Rule);
        Assert.Equal(ExchangeRule.NotYourClient, Assert.IsType<ExchangeOutcome.Refused>(forOthersClient).Rule);
        Assert.Equal([winning.Id, second.Id], membersView!.Value.Bids.Select(b => b.Id).Order());
        Assert.Empty(sellersView!.Value.Bids);
        Assert.Equal(steel + 500, await m.HeldAsync("GD-HOLD-STEEL"));
        var cash = await m.CashOfAsync("steel-a");
        Assert.Equal((500_000m - 8_500m - 4.25m, 0m), (cash.Balance, cash.Reserved));
    }
}
