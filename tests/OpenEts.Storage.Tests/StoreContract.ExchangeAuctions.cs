using OpenEts.Application.Exchange;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// One-way auctions (单向竞价) through their use cases on every database: the seller's units frozen in clearing, bids that
// reserve cash, the close that settles each winning bid delivery versus payment in both ledgers with the fees and
// releases the rest, and refusals naming their rule.
public abstract partial class StoreContract<TDb>
{
    private static AnnounceOneWayAuction AnnounceOneWay(long quantity, long reserveFen, long minimumBid, string key, AuctionPricing pricing = AuctionPricing.Uniform) =>
        new("GDEA-2017", quantity, reserveFen, minimumBid, null, Now.AddHours(1), pricing, IdempotencyKey.From(key));

    private static PlaceOneWayBid OneWayBid(long auction, long priceFen, long quantity, string key) => new(auction, priceFen, quantity, IdempotencyKey.From(key));

    private static async Task<ExchangeMarket> OneWayMarketAsync(ITestDatabase db)
    {
        var m = await ExchangeMarketAsync(db);
        Assert.True(OpenTradingAccount.TryParse(new("91440200MA5CY1003" + Domain.Organisations.CreditCode.CheckCharacter("91440200MA5CY1003"),
            "GD-HOLD-STEEL"), out var open, out _));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", open));
        await m.DepositAsync("steel-a", 1_000_000m);
        return m;
    }

    private static async Task<ExchangeOutcome.Completed> OneWayDoneAsync(ExchangeMarket m, string user, IExchangeCommand command) =>
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync(user, command));

    [Fact]
    public async Task Auction_TwoBiddersAtTheClose_SettlesTheWinnersAndTheMarginalBidInPartAndReleasesTheRest()
    {
        await using var m = await OneWayMarketAsync(Db);
        var power = await m.HeldAsync("GD-HOLD-POWER");
        var (cement, steel) = (await m.HeldAsync("GD-HOLD-CEMENT"), await m.HeldAsync("GD-HOLD-STEEL"));

        var auction = (await OneWayDoneAsync(m, "power-a", AnnounceOneWay(1_000, 1_600, 100, "a1"))).Auction!;
        var frozen = await m.HeldAsync("GD-CLEARING");
        var high = (await OneWayDoneAsync(m, "cement-a", OneWayBid(auction.Id, 2_000, 600, "b1"))).AuctionBids![0];
        var marginal = (await OneWayDoneAsync(m, "steel-a", OneWayBid(auction.Id, 1_800, 700, "b2"))).AuctionBids![0];
        var reservedWhileOpen = (await m.CashOfAsync("steel-a")).Reserved;
        m.At = Now.AddHours(1);
        var closed = await OneWayDoneAsync(m, "exchange", new CloseOneWayAuction(auction.Id));

        // Uniform at 18.00: cement 600 t = 10 800.00 yuan, steel 400 t = 7 200.00 yuan; fees 0.05 % a side: 5.40 and 3.60.
        Assert.Equal(1_000L, frozen);
        Assert.Equal(12_600m + 6.30m, reservedWhileOpen);
        Assert.Equal((OneWayAuctionStatus.Cleared, 1_800L, 1_000L), (closed.Auction!.Status, closed.Auction.ClearingPriceFen!.Value, closed.Auction.Sold));
        Assert.Equal([(high.Id, OneWayBidStatus.Won, 600L, 1_800L), (marginal.Id, OneWayBidStatus.Won, 400L, 1_800L)],
            closed.AuctionBids!.Select(b => (b.Id, b.Status, b.Won, b.PaidPriceFen!.Value)));
        Assert.Equal((power - 1_000, cement + 600, steel + 400, 0L),
            (await m.HeldAsync("GD-HOLD-POWER"), await m.HeldAsync("GD-HOLD-CEMENT"), await m.HeldAsync("GD-HOLD-STEEL"), await m.HeldAsync("GD-CLEARING")));
        Assert.Equal((1_000_000m - 10_800m - 5.40m, 0m), ((await m.CashOfAsync("cement-a")).Balance, (await m.CashOfAsync("cement-a")).Reserved));
        Assert.Equal((1_000_000m - 7_200m - 3.60m, 0m), ((await m.CashOfAsync("steel-a")).Balance, (await m.CashOfAsync("steel-a")).Reserved));
        Assert.Equal(18_000m - 9m, (await m.CashOfAsync("power-a")).Balance);
        Assert.Equal(18m, await m.FeesAsync());
        // Not market prints.
        Assert.Empty(await m.Queries.TradePrintsAsync("GDEA-2017", Now.AddHours(-1), Now.AddHours(2), Ct));
    }

    [Fact]
    public async Task Auction_ReserveNotMetAndAWithdrawnBid_SellsNothingAndReleasesUnitsAndCash()
    {
        await using var m = await OneWayMarketAsync(Db);
        var power = await m.HeldAsync("GD-HOLD-POWER");
        var auction = (await OneWayDoneAsync(m, "power-a", AnnounceOneWay(1_000, 1_600, 100, "a2"))).Auction!;

        var below = await m.RunAsync("cement-a", OneWayBid(auction.Id, 1_500, 500, "b3"));
        var bid = (await OneWayDoneAsync(m, "cement-a", OneWayBid(auction.Id, 1_700, 500, "b4"))).AuctionBids![0];
        var withdrawn = await OneWayDoneAsync(m, "cement-b", new WithdrawOneWayBid(bid.Id));
        m.At = Now.AddHours(1);
        var closed = await OneWayDoneAsync(m, "exchange", new CloseOneWayAuction(auction.Id));

        Assert.Equal(ExchangeRule.AuctionReserve, Assert.IsType<ExchangeOutcome.Refused>(below).Rule);
        Assert.Equal(OneWayBidStatus.Withdrawn, withdrawn.AuctionBids![0].Status);
        Assert.Equal((OneWayAuctionStatus.Cleared, (long?)null, 0L), (closed.Auction!.Status, closed.Auction.ClearingPriceFen, closed.Auction.Sold));
        Assert.Equal((power, 0L), (await m.HeldAsync("GD-HOLD-POWER"), await m.HeldAsync("GD-CLEARING")));
        Assert.Equal((1_000_000m, 0m), ((await m.CashOfAsync("cement-a")).Balance, (await m.CashOfAsync("cement-a")).Reserved));
    }

    [Fact]
    public async Task Auction_BidsAndClosesBreakingARule_AreRefusedNamingTheRule()
    {
        await using var m = await OneWayMarketAsync(Db);
        var auction = (await OneWayDoneAsync(m, "power-a", AnnounceOneWay(1_000, 1_600, 200, "a3"))).Auction!;

        var own = await m.RunAsync("power-b", OneWayBid(auction.Id, 1_700, 200, "b5"));
        var small = await m.RunAsync("cement-a", OneWayBid(auction.Id, 1_700, 100, "b6"));
        var poor = await m.RunAsync("cement-a", OneWayBid(auction.Id, 1_000_000, 1_000, "b7"));
        var early = await m.RunAsync("exchange", new CloseOneWayAuction(auction.Id));
        var notStaff = await m.RunAsync("cement-a", new CloseOneWayAuction(auction.Id));
        m.At = Now.AddHours(1);
        var late = await m.RunAsync("cement-a", OneWayBid(auction.Id, 1_700, 200, "b8"));

        Assert.Equal([ExchangeRule.OwnAuction, ExchangeRule.AuctionMinimumBid, ExchangeRule.InsufficientCash, ExchangeRule.AuctionNotOver,
            ExchangeRule.AuctionWindow], new[] { own, small, poor, early, late }.Select(o => Assert.IsType<ExchangeOutcome.Refused>(o).Rule));
        Assert.IsType<ExchangeOutcome.Forbidden>(notStaff);
        Assert.Equal(0m, (await m.CashOfAsync("cement-a")).Reserved);
    }

    [Fact]
    public async Task Close_WhileTheInstrumentIsHalted_IsRefusedAndMovesNothing_ThenClearsOnceResumed()
    {
        await using var m = await OneWayMarketAsync(Db);
        var auction = (await OneWayDoneAsync(m, "power-a", AnnounceOneWay(1_000, 1_600, 100, "a10"))).Auction!;
        await OneWayDoneAsync(m, "cement-a", OneWayBid(auction.Id, 1_700, 500, "b10"));
        await OneWayDoneAsync(m, "exchange", new HaltInstrument("GDEA-2017", true, "a fault in the feed"));
        m.At = Now.AddHours(1);

        var halted = Assert.IsType<ExchangeOutcome.Refused>(await m.RunAsync("exchange", new CloseOneWayAuction(auction.Id)));
        var (frozen, reserved) = (await m.HeldAsync("GD-CLEARING"), (await m.CashOfAsync("cement-a")).Reserved);
        await OneWayDoneAsync(m, "exchange", new HaltInstrument("GDEA-2017", false, ""));
        var cleared = await OneWayDoneAsync(m, "exchange", new CloseOneWayAuction(auction.Id));

        Assert.Equal((ExchangeRule.InstrumentHalted, RefusalKind.Conflict), (halted.Rule, halted.Kind));
        // 500 t × 17.00 = 8 500.00 yuan and the most the fee can be, 0.05 %: 4.25.
        Assert.Equal((1_000L, 8_504.25m), (frozen, reserved));
        Assert.Equal((OneWayAuctionStatus.Cleared, 500L), (cleared.Auction!.Status, cleared.Auction.Sold));
    }

    [Fact]
    public async Task Close_BeforeTheWindowEndsOrOnceCleared_RefusesEachWithItsOwnRuleAndTime()
    {
        await using var m = await OneWayMarketAsync(Db);
        var auction = (await OneWayDoneAsync(m, "power-a", AnnounceOneWay(1_000, 1_600, 100, "a9"))).Auction!;

        var early = Assert.IsType<ExchangeOutcome.Refused>(await m.RunAsync("exchange", new CloseOneWayAuction(auction.Id)));
        m.At = Now.AddHours(1).AddMinutes(5);
        await OneWayDoneAsync(m, "exchange", new CloseOneWayAuction(auction.Id));
        m.At = Now.AddHours(2);
        var twice = Assert.IsType<ExchangeOutcome.Refused>(await m.RunAsync("exchange", new CloseOneWayAuction(auction.Id)));

        // The window closes at 10:30 UTC, 18:30 in Beijing; the close ran at 18:35.
        Assert.Equal((ExchangeRule.AuctionNotOver, RefusalKind.Conflict), (early.Rule, early.Kind));
        Assert.Equal($"auction {auction.Id} takes bids until 2026-11-25 18:30:00 Beijing time; it can be closed from then", early.Message);
        Assert.Equal([$"{auction.Id}", "2026-11-25 18:30:00"], early.Figures);
        Assert.Equal((ExchangeRule.AuctionAlreadyClosed, RefusalKind.Conflict), (twice.Rule, twice.Kind));
        Assert.Equal($"auction {auction.Id} was already cleared at 2026-11-25 18:35:00 Beijing time", twice.Message);
        Assert.Equal([$"{auction.Id}", "2026-11-25 18:35:00"], twice.Figures);
    }

    [Fact]
    public async Task AuctionsWithBids_TwoAuctions_ReadsEachWithTheBidsEachActorSeesAsTheOneByOneRead()
    {
        await using var m = await OneWayMarketAsync(Db);
        var first = (await OneWayDoneAsync(m, "power-a", AnnounceOneWay(1_000, 1_600, 100, "w1"))).Auction!;
        var second = (await OneWayDoneAsync(m, "power-a", AnnounceOneWay(500, 1_600, 100, "w2"))).Auction!;
        await OneWayDoneAsync(m, "cement-a", OneWayBid(first.Id, 1_700, 300, "wb1"));
        await OneWayDoneAsync(m, "steel-a", OneWayBid(first.Id, 1_800, 200, "wb2"));
        await OneWayDoneAsync(m, "steel-a", OneWayBid(second.Id, 1_650, 100, "wb3"));
        m.At = Now.AddHours(1);
        await OneWayDoneAsync(m, "exchange", new CloseOneWayAuction(first.Id));

        foreach (var user in new[] { "regulator", "cement-a", "steel-a", "power-a" })
        {
            var actor = await m.ActorOf(user);
            var together = await m.Queries.AuctionsWithBidsAsync(actor, Ct);
            var oneByOne = new List<(OneWayAuction, IReadOnlyList<OneWayBid>)>();
            foreach (var a in await m.Queries.AuctionsAsync(actor, Ct))
            {
                oneByOne.Add((await m.Queries.AuctionAsync(actor, a.Id, Ct))!.Value);
            }

            Assert.Equal([second.Id, first.Id], together.Select(t => t.Auction.Id));
            Assert.Equal(oneByOne.Select(o => (o.Item1, string.Join(",", o.Item2.Select(b => (b.Id, b.Status, b.Won))))),
                together.Select(t => (t.Auction, string.Join(",", t.Bids.Select(b => (b.Id, b.Status, b.Won))))));
        }
        // The regulator sees all three bids; cement its one; the seller all of the cleared auction and none of the open one.
        Assert.Equal([1, 2], (await m.Queries.AuctionsWithBidsAsync(await m.ActorOf("regulator"), Ct)).Select(t => t.Bids.Count).Order());
        Assert.Equal([0, 1], (await m.Queries.AuctionsWithBidsAsync(await m.ActorOf("cement-a"), Ct)).Select(t => t.Bids.Count));
        Assert.Equal([0, 2], (await m.Queries.AuctionsWithBidsAsync(await m.ActorOf("power-a"), Ct)).Select(t => t.Bids.Count));
    }

    [Fact]
    public async Task EndOfDay_AnAuctionWhoseWindowEnded_IsClearedAndSettledAsTheOperatorsCloseWouldAndOneStillOpenWaits()
    {
        await using var m = await OneWayMarketAsync(Db);
        var power = await m.HeldAsync("GD-HOLD-POWER");
        var cement = await m.HeldAsync("GD-HOLD-CEMENT");
        var ended = (await OneWayDoneAsync(m, "power-a", AnnounceOneWay(1_000, 1_600, 100, "e1"))).Auction!;
        var open = (await OneWayDoneAsync(m, "power-a",
            new AnnounceOneWayAuction("GDEA-2017", 500, 1_600, 100, null, Now.AddHours(3), AuctionPricing.Uniform, IdempotencyKey.From("e2")))).Auction!;
        await OneWayDoneAsync(m, "cement-a", OneWayBid(ended.Id, 2_000, 600, "eb1"));
        await OneWayDoneAsync(m, "cement-a", OneWayBid(open.Id, 1_700, 100, "eb2"));
        m.At = Now.AddHours(1);

        var day = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new EndOfDay(TradingDay)));

        // The ended auction: 600 t at 20.00 = 12 000.00 yuan, fee 6.00 a side; 400 t back to the seller. The open one keeps
        // its 500 t in clearing, which the reconciliation counts, and its bid's cash.
        Assert.Empty(day.EndOfDay!.Mismatches);
        var auctions = await m.Store.ReadAsync(async s => (await s.Exchange.FindAuctionAsync(ended.Id), await s.Exchange.FindAuctionAsync(open.Id)), Ct);
        Assert.Equal((OneWayAuctionStatus.Cleared, (long?)2_000, 600L), (auctions.Item1!.Status, auctions.Item1.ClearingPriceFen, auctions.Item1.Sold));
        Assert.Equal(OneWayAuctionStatus.Announced, auctions.Item2!.Status);
        Assert.Equal((power - 600 - 500, cement + 600, 500L),
            (await m.HeldAsync("GD-HOLD-POWER"), await m.HeldAsync("GD-HOLD-CEMENT"), await m.HeldAsync("GD-CLEARING")));
        Assert.Equal((1_000_000m - 12_000m - 6m, 1_700m + 0.85m), ((await m.CashOfAsync("cement-a")).Balance, (await m.CashOfAsync("cement-a")).Reserved));
        Assert.Equal(12_000m - 6m, (await m.CashOfAsync("power-a")).Balance);
        var cleared = await m.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: CloseOneWayAuction.Kind), 0, 10), Ct);
        Assert.Equal([(OneWayAuction.Subject(ended.Id), "exchange")], cleared.Select(e => (e.Subject, e.Actor)));

        // The day is reconciled and its close published: the open auction takes no bid and is not cleared into it; it
        // waits for the next trading day.
        var lateBid = Assert.IsType<ExchangeOutcome.Refused>(await m.RunAsync("steel-a", OneWayBid(open.Id, 1_700, 100, "eb3")));
        m.At = Now.AddHours(3);
        var lateClose = Assert.IsType<ExchangeOutcome.Refused>(await m.RunAsync("exchange", new CloseOneWayAuction(open.Id)));
        Assert.Equal((ExchangeRule.DayClosed, RefusalKind.Conflict), (lateBid.Rule, lateBid.Kind));
        Assert.Equal((ExchangeRule.DayClosed, RefusalKind.Conflict), (lateClose.Rule, lateClose.Kind));
        Assert.Equal(0m, (await m.CashOfAsync("steel-a")).Reserved);
        Assert.Equal(OneWayAuctionStatus.Announced, (await m.Store.ReadAsync(s => s.Exchange.FindAuctionAsync(open.Id), Ct))!.Status);
    }
}
