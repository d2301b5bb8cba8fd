using OpenEts.Application.Auction;
using OpenEts.Application.Cash;
using OpenEts.Application.Demo;
using OpenEts.Application.Exchange;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// Allowance auctions through their use cases on every database: announce with a computed reserve, sealed bids that hold
// cash, refusals naming their rule, a close on the exchange that settles cash and delivers allowances once, and a close the
// registry refuses that moves nothing and fails the auction, releasing every bid's cash.
public abstract partial class StoreContract<TDb>
{
    private static readonly DateTimeOffset AuctionOpens = new(2017, 3, 27, 1, 0, 0, TimeSpan.Zero);

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed record AuctionMarket(
        SqlStore Store, RegistryService Registry, ExchangeService Exchange, MovableClock Clock, AuctionService Auctions, CashCommandHandler Cash,
        RegistryCommandHandler RegistryHandler, Func<string, Task<Actor>> ActorOf) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Exchange.Dispose();
            Registry.Dispose();
            await Store.DisposeAsync();
        }

        public async Task<Organisation> OrganisationOfAsync(string user)
        {
            var id = (await ActorOf(user)).OrganisationId!.Value;
            return (await Store.ReadAsync(s => s.Organisations.FindByIdAsync(id), Ct))!;
        }

        public async Task DepositAsync(string user, decimal yuan) =>
            Assert.IsType<CashCommandOutcome.Completed>(await Cash.HandleAsync(await ActorOf("regulator"),
                new DepositCash((await OrganisationOfAsync(user)).Code, Yuan.From(yuan), "slip dep-" + user, IdempotencyKey.From("dep-" + user)), Ct));

        public async Task<CashCommandOutcome> BidAsync(string user, long auction, string account, long tonnes, decimal price, string key) =>
            await Auctions.BidAsync(await ActorOf(user),
                new PlaceBid(auction, AccountNumber.From(account), tonnes, Yuan.From(price), IdempotencyKey.From(key)), Ct);

        public async Task<long> HeldAsync(string account) =>
            await Registry.QueryAsync((l, _) => l.HoldingsOf(AccountNumber.From(account))
                .Where(h => h.Class == DemoRegistry.Allowances).Sum(h => h.Total.Value), Ct);

        public async Task<CashAccount> CashOfAsync(string user)
        {
            var o = await OrganisationOfAsync(user);
            return (await Store.ReadAsync(s => s.Cash.FindMemberAccountAsync(o.Id), Ct))!;
        }
    }

    private static async Task<AuctionMarket> AuctionMarketAsync(ITestDatabase db)
    {
        var store = await db.CreateStoreAsync();
        await new DemoMarket(store, new FakeHashing()).SeedIfEmptyAsync(Now, Ct);
        var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        var clock = new MovableClock(AuctionOpens);
        var cash = new CashCommandHandler(store, clock);
        var registryHandler = new RegistryCommandHandler(registry, store, clock);
        var exchange = new ExchangeService(store, registry, new ExchangeOptions(DemoRegistry.Clearing, FeeSchedule.Demo));
        var auctions = new AuctionService(cash, exchange, clock, new RegistryQueries(registry), new FoundAuctionRules());
        return new AuctionMarket(store, registry, exchange, clock, auctions, cash, registryHandler, async name =>
        {
            var user = await store.ReadAsync(s => s.Users.FindByNameAsync(name), Ct);
            return new Actor(user!.Id, user.UserName, user.Role, user.OrganisationId);
        });
    }

    // The reserve's three months of listed trades, the calendar months before the notice (2016-12 to 2017-02): 6 436 000
    // yuan over 400 000 t = 16.09 yuan/t (the shape of guangdong.md §1.6's 2016 third auction).
    private static readonly Domain.Allocation.Auction.ReservePriceInput[] ReserveMonths =
    [
        new(new DateOnly(2016, 12, 1), 0m, 1_500_000m, 100_000),
        new(new DateOnly(2017, 1, 1), 0m, 3_200_000m, 200_000),
        new(new DateOnly(2017, 2, 1), 0m, 1_736_000m, 100_000),
    ];

    // An auction of volume t of unitClass (GDEA-2017 unless named), bids for one hour, the reserve from ReserveMonths.
    private static AnnounceAuction Auction(long volume, string key, UnitClass? unitClass = null) =>
        new("guangdong", 2017, unitClass ?? DemoRegistry.Allowances, volume, AuctionOpens, AuctionOpens.AddHours(1), ReserveMonths,
            IdempotencyKey.From(key));

    // 100 000 t of GDEA-2017.
    private static async Task<long> AnnounceAsync(AuctionMarket m, string key = "a1")
    {
        var outcome = await m.Auctions.AnnounceAsync(await m.ActorOf("regulator"), Auction(100_000, key), Ct);
        return Assert.IsType<CashCommandOutcome.Completed>(outcome).Id;
    }

    [Fact]
    public async Task Auction_WithdrawnBeforeItsClose_ReleasesEveryBidsCashAndIsStoredWithdrawn()
    {
        await using var m = await AuctionMarketAsync(Db);
        await m.DepositAsync("cement-a", 1_000_000m);
        var id = await AnnounceAsync(m);
        Assert.IsType<CashCommandOutcome.Completed>(await m.BidAsync("cement-a", id, "GD-HOLD-CEMENT", 30_000, 17.00m, "w-cement"));
        var reserved = (await m.CashOfAsync("cement-a")).Reserved;
        var regulator = await m.ActorOf("regulator");

        var withdrawn = await m.Auctions.WithdrawAsync(regulator, new WithdrawAuction(id, "市场异常"), Ct);
        var again = await m.Auctions.WithdrawAsync(regulator, new WithdrawAuction(id, null), Ct);
        var bid = await m.BidAsync("cement-a", id, "GD-HOLD-CEMENT", 30_000, 17.00m, "w-cement-2");
        m.Clock.Now = AuctionOpens.AddHours(1);
        var closed = await m.Auctions.CloseAsync(regulator, id, Ct);
        var stored = await m.Store.ReadAsync(s => s.Auctions.FindAuctionAsync(id), Ct);

        Assert.Equal(510_000m, reserved);
        Assert.Equal("auction.withdrawn", Assert.IsType<CashCommandOutcome.Completed>(withdrawn).Event);
        Assert.True(Assert.IsType<CashCommandOutcome.Completed>(again).Duplicate);
        Assert.Equal((1_000_000m, 0m), ((await m.CashOfAsync("cement-a")).Balance, (await m.CashOfAsync("cement-a")).Reserved));
        Assert.Equal("AuctionWithdrawn", Assert.IsType<CashCommandOutcome.Refused>(bid).Rule);
        Assert.Equal("AuctionWithdrawn", Assert.IsType<CashCommandOutcome.Refused>(closed).Rule);
        Assert.Equal((AuctionStatus.Withdrawn, "市场异常", 0L), (stored!.Status, stored.Failure, stored.SoldTonnes));
        Assert.Equal(0L, await m.Store.ReadAsync(s => AuctionQueries.OfferedAsync(s, DemoRegistry.Allowances), Ct));
    }

    [Fact]
    public async Task Auction_AnnounceBidClose_DeliversEachAwardAndChargesTheClearingPriceOnce()
    {
        await using var m = await AuctionMarketAsync(Db);
        await m.DepositAsync("cement-a", 1_000_000m);
        await m.DepositAsync("steel-a", 1_000_000m);
        await m.DepositAsync("power-a", 1_000_000m);
        var id = await AnnounceAsync(m);
        var issuanceBefore = await m.HeldAsync("GD-ISSUANCE");
        var cementBefore = await m.HeldAsync("GD-HOLD-CEMENT");

        // 50 000 @ 18.00 and 30 000 @ 17.00 win in full; 20 000 t are left for power's 40 000 @ 16.50, which sets the price.
        Assert.IsType<CashCommandOutcome.Completed>(await m.BidAsync("steel-a", id, "GD-HOLD-STEEL", 50_000, 18.00m, "b-steel"));
        Assert.IsType<CashCommandOutcome.Completed>(await m.BidAsync("cement-a", id, "GD-HOLD-CEMENT", 30_000, 17.00m, "b-cement"));
        Assert.IsType<CashCommandOutcome.Completed>(await m.BidAsync("power-a", id, "GD-HOLD-POWER", 40_000, 16.50m, "b-power"));
        var held = await m.CashOfAsync("cement-a");
        Assert.Equal(510_000m, held.Reserved);
        var early = await m.Auctions.CloseAsync(await m.ActorOf("regulator"), id, Ct);
        m.Clock.Now = AuctionOpens.AddHours(1);
        var closed = await m.Auctions.CloseAsync(await m.ActorOf("regulator"), id, Ct);
        var again = await m.Auctions.CloseAsync(await m.ActorOf("regulator"), id, Ct);

        Assert.Equal("BiddingNotOver", Assert.IsType<CashCommandOutcome.Refused>(early).Rule);
        // The close time, in Beijing time, for the message in either language; a second close is the first's duplicate.
        Assert.Equal([$"{id}", "2017-03-27 10:00:00"], ((CashCommandOutcome.Refused)early).Figures);
        Assert.Equal("auction.settled", Assert.IsType<CashCommandOutcome.Completed>(closed).Event);
        Assert.True(Assert.IsType<CashCommandOutcome.Completed>(again).Duplicate);
        var cement = await m.CashOfAsync("cement-a");
        Assert.Equal((1_000_000m - (30_000 * 16.50m), 0m), (cement.Balance, cement.Reserved));
        Assert.Equal(1_000_000m - (20_000 * 16.50m), (await m.CashOfAsync("power-a")).Balance);
        var proceeds = await m.Store.ReadAsync(s => s.Cash.SystemAccountAsync(CashAccountKind.AuctionProceeds), Ct);
        Assert.Equal(100_000 * 16.50m, proceeds.Balance);
        Assert.Equal(cementBefore + 30_000, await m.HeldAsync("GD-HOLD-CEMENT"));
        Assert.Equal(issuanceBefore - 100_000, await m.HeldAsync("GD-ISSUANCE"));
        var detail = await new AuctionQueries(m.Store).DetailAsync(null, id, Ct);
        Assert.Equal(new AuctionResults(16.50m, 100_000, 0, 3, 3, 1_650_000m, true), detail!.Results);
        Assert.Empty(detail.AllBids);
        Assert.Equal(0m, (await m.Store.ReadAsync(s => s.Cash.AccountsAsync(), Ct)).Sum(a => a.Balance));
    }

    [Fact]
    public async Task Auction_AnnouncedForAnotherClassOrMoreThanTheIssuanceAccountHolds_IsRefusedNamingIt()
    {
        await using var m = await AuctionMarketAsync(Db);
        var regulator = await m.ActorOf("regulator");
        var held = await m.HeldAsync("GD-ISSUANCE");
        var offset = await m.Auctions.AnnounceAsync(regulator, Auction(1_000, "c1", UnitClass.Parse("CCER-000101-2016")), Ct);
        var nextYear = await m.Auctions.AnnounceAsync(regulator, Auction(1_000, "c2", UnitClass.Allowance("GD", 2018)), Ct);
        var tooMuch = await m.Auctions.AnnounceAsync(regulator, Auction(held + 1, "c3"), Ct);
        var all = await m.Auctions.AnnounceAsync(regulator, Auction(held, "c4"), Ct);

        Assert.Equal([("AuctionClass", "class"), ("AuctionClass", "class"), ("AuctionVolume", "volume")],
            new[] { offset, nextYear, tooMuch }.Select(o => Assert.IsType<CashCommandOutcome.Refused>(o)).Select(r => (r.Rule, r.Field)));
        Assert.IsType<CashCommandOutcome.Completed>(all);
        Assert.Single(await new AuctionQueries(m.Store).ListAsync(Ct));
    }

    // The reserve averages the calendar months before the notice (guangdong.md §1.6): figures for other months, typed by
    // slip or copied from an earlier auction, would set a reserve no rule gives.
    [Fact]
    public async Task Auction_AnnouncedWithFiguresOfMonthsOtherThanThoseBeforeTheNotice_IsRefusedNamingTheMonths_AndStoresNothing()
    {
        await using var m = await AuctionMarketAsync(Db);
        var regulator = await m.ActorOf("regulator");
        Domain.Allocation.Auction.ReservePriceInput[] lastYears =
        [
            new(new DateOnly(2016, 1, 1), 0m, 1_500_000m, 100_000), new(new DateOnly(2016, 2, 1), 0m, 3_200_000m, 200_000),
            new(new DateOnly(2016, 3, 1), 0m, 1_736_000m, 100_000),
        ];

        var outcome = await m.Auctions.AnnounceAsync(regulator, new AnnounceAuction("guangdong", 2017, DemoRegistry.Allowances, 10_000,
            AuctionOpens, AuctionOpens.AddHours(1), lastYears, IdempotencyKey.From("old-months")), Ct);

        var refused = Assert.IsType<CashCommandOutcome.Refused>(outcome);
        Assert.Equal(("ReserveMonthsBeforeNotice", "reserveInputs"), (refused.Rule, refused.Field));
        Assert.Equal(["3", "2016-12", "2017-02", "2016-01, 2016-02, 2016-03"], refused.Figures);
        Assert.Empty(await new AuctionQueries(m.Store).ListAsync(Ct));
    }

    // The tonnes an open auction offers are spoken for: a second auction of them could not be delivered at its close.
    [Fact]
    public async Task Auction_AnnouncedForTonnesAnOpenAuctionAlreadyOffers_IsRefusedNamingBoth_AndTheFirstsRepeatStaysItsDuplicate()
    {
        await using var m = await AuctionMarketAsync(Db);
        var regulator = await m.ActorOf("regulator");
        var held = await m.HeldAsync("GD-ISSUANCE");

        var first = await m.Auctions.AnnounceAsync(regulator, Auction(held - 1_000, "first"), Ct);
        var second = await m.Auctions.AnnounceAsync(regulator, Auction(1_001, "second"), Ct);
        var repeat = await m.Auctions.AnnounceAsync(regulator, Auction(held - 1_000, "first"), Ct);
        var rest = await m.Auctions.AnnounceAsync(regulator, Auction(1_000, "rest"), Ct);

        var refused = Assert.IsType<CashCommandOutcome.Refused>(second);
        Assert.Equal(("AuctionVolume", "volume"), (refused.Rule, refused.Field));
        Assert.Equal([held.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), "GDEA-2017", (held - 1_000).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), "1,001"],
            refused.Figures);
        Assert.False(Assert.IsType<CashCommandOutcome.Completed>(first).Duplicate);
        Assert.True(Assert.IsType<CashCommandOutcome.Completed>(repeat).Duplicate);
        Assert.IsType<CashCommandOutcome.Completed>(rest);
        Assert.Equal(2, (await new AuctionQueries(m.Store).ListAsync(Ct)).Count);
    }

    [Fact]
    public async Task Auction_BidsBreakingTheRules_AreRefusedWithTheRuleNamedAndHoldNothing()
    {
        await using var m = await AuctionMarketAsync(Db);
        await m.DepositAsync("cement-a", 100_000m);
        var id = await AnnounceAsync(m);

        var small = await m.BidAsync("cement-a", id, "GD-HOLD-CEMENT", 999, 17m, "k1");
        var cheap = await m.BidAsync("cement-a", id, "GD-HOLD-CEMENT", 1_000, 16.08m, "k2");
        var poor = await m.BidAsync("cement-a", id, "GD-HOLD-CEMENT", 10_000, 17m, "k3");
        var other = await m.BidAsync("cement-a", id, "GD-HOLD-STEEL", 1_000, 17m, "k4");
        var big = await m.BidAsync("cement-a", id, "GD-HOLD-CEMENT", 50_001, 17m, "k5");
        m.Clock.Now = AuctionOpens.AddHours(1);
        var late = await m.BidAsync("cement-a", id, "GD-HOLD-CEMENT", 1_000, 17m, "k6");

        Assert.Equal(
            ["BelowMinimumBid", "BelowReservePrice", "InsufficientFunds", "NotRepresentative", "BidderLimitExceeded", "AuctionNotOpen"],
            new[] { small, cheap, poor, other, big, late }.Select(o => Assert.IsType<CashCommandOutcome.Refused>(o).Rule));
        Assert.Equal(0m, (await m.CashOfAsync("cement-a")).Reserved);
        Assert.Empty(await m.Store.ReadAsync(s => s.Auctions.BidsAsync(id), Ct));
    }

    // The close runs on the exchange in one transaction over both ledgers: a registry refusal rolls the payments back too,
    // and the auction then fails: every bid's cash is released rather than held for a close that cannot deliver.
    [Fact]
    public async Task Auction_CloseTheRegistryCannotDeliver_FailsTheAuctionReleasesEveryBidsCashAndMovesNothing()
    {
        await using var m = await AuctionMarketAsync(Db);
        await m.DepositAsync("cement-a", 1_000_000m);
        var id = await AnnounceAsync(m);
        await m.BidAsync("cement-a", id, "GD-HOLD-CEMENT", 20_000, 17.00m, "b1");
        var regulator = await m.ActorOf("regulator");
        // The issuance account runs out before the close (everything left allocated elsewhere), so the registry refuses.
        var left = await m.HeldAsync("GD-ISSUANCE");
        Assert.IsType<RegistryCommandOutcome.Completed>(await m.RegistryHandler.HandleAsync(regulator, new AllocateUnits(
            AccountNumber.From("GD-HOLD-POWER"), DemoRegistry.Allowances, Domain.Quantities.AllowanceCount.From(left), IdempotencyKey.From("drain")), Ct));
        var cementBefore = await m.HeldAsync("GD-HOLD-CEMENT");
        var reservedBefore = (await m.CashOfAsync("cement-a")).Reserved;
        m.Clock.Now = AuctionOpens.AddHours(1);

        var closed = await m.Auctions.CloseAsync(regulator, id, Ct);
        var failed = await m.Store.ReadAsync(s => s.Auctions.FindAuctionAsync(id), Ct);
        var bids = await m.Store.ReadAsync(s => s.Auctions.BidsAsync(id), Ct);
        var cash = await m.CashOfAsync("cement-a");
        var proceeds = (await m.Store.ReadAsync(s => s.Cash.SystemAccountAsync(CashAccountKind.AuctionProceeds), Ct)).Balance;
        var again = await m.Auctions.CloseAsync(regulator, id, Ct);

        Assert.Equal(20_000 * 17.00m, reservedBefore);
        Assert.Equal(("auction.failed", false), (Assert.IsType<CashCommandOutcome.Completed>(closed).Event, ((CashCommandOutcome.Completed)closed).Duplicate));
        Assert.Equal(AuctionStatus.Failed, failed!.Status);
        Assert.StartsWith("bid 1: the registry refused to deliver 20000 t to GD-HOLD-CEMENT", failed.Failure, StringComparison.Ordinal);
        Assert.Equal([0L], bids.Select(b => b.Awarded ?? -1));
        Assert.Equal((1_000_000m, 0m, 0m), (cash.Balance, cash.Reserved, proceeds));
        Assert.Equal(cementBefore, await m.HeldAsync("GD-HOLD-CEMENT"));
        Assert.Equal(("auction.failed", true), (Assert.IsType<CashCommandOutcome.Completed>(again).Event, ((CashCommandOutcome.Completed)again).Duplicate));
    }
}
