using FsCheck;
using FsCheck.Fluent;
using OpenEts.Application.Exchange;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;
using OpenEts.Matching;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// Click-on-listing (挂牌点选) through its use cases on every database: a listing freezes units or cash, picks (all or
// part) settle delivery versus payment in both ledgers with the fees, refusals name their rule, the end of day expires
// what is left and reconciles the picks, and random sessions conserve units and cash.
public abstract partial class StoreContract<TDb>
{
    private static PostListing Listing(Side side, long priceFen, long quantity, string key, long? minimum = null) =>
        new("GDEA-2017", side, priceFen, quantity, minimum, IdempotencyKey.From(key));

    // A pick with a key of its own (each call a new pick).
    private static PickListing Pick(long listing, long? quantity, string? key = null) =>
        new(listing, quantity, IdempotencyKey.From(key ?? Guid.NewGuid().ToString("N")));

    private static ExchangeListing Posted(ExchangeOutcome outcome) => Assert.IsType<ExchangeOutcome.Completed>(outcome).Listing!;

    [Fact]
    public async Task Listing_SellPickedInTwoParts_SettlesUnitsCashAndFeesAndFills()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var power = await m.HeldAsync("GD-HOLD-POWER");
        var cement = await m.HeldAsync("GD-HOLD-CEMENT");

        var listing = Posted(await m.RunAsync("power-a", Listing(Side.Sell, 2_000, 1_000, "l1", minimum: 100)));
        var frozen = await m.HeldAsync("GD-CLEARING");
        var part = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", Pick(listing.Id, 400)));
        var rest = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", Pick(listing.Id, null)));

        // 400 t and 600 t at 20.00: 8 000.00 + 12 000.00 yuan; fees 0.05 % a side: 4.00 + 6.00 yuan each.
        Assert.Equal(1_000L, frozen);
        Assert.Equal((ListingStatus.Open, 600L), (part.Listing!.Status, part.Listing.Left));
        Assert.Equal((ListingStatus.Filled, 1_000L), (rest.Listing!.Status, rest.Listing.Taken));
        Assert.Equal((600L, 600L), (rest.ListingTrade!.Quantity, rest.ListingTrade.BuyerFeeFen));
        Assert.Equal(power - 1_000, await m.HeldAsync("GD-HOLD-POWER"));
        Assert.Equal(cement + 1_000, await m.HeldAsync("GD-HOLD-CEMENT"));
        Assert.Equal(0L, await m.HeldAsync("GD-CLEARING"));
        var buyer = await m.CashOfAsync("cement-a");
        Assert.Equal((1_000_000m - 20_000m - 10m, 0m), (buyer.Balance, buyer.Reserved));
        Assert.Equal(20_000m - 10m, (await m.CashOfAsync("power-a")).Balance);
        Assert.Equal(20m, await m.FeesAsync());
        // The picks are the instrument's trades as the market sees them.
        Assert.Equal([(2_000L, 400L), (2_000L, 600L)],
            (await m.Queries.TradePrintsAsync("GDEA-2017", Now.AddMinutes(-1), Now.AddMinutes(1), Ct)).Select(p => (p.PriceFen, p.Quantity)));
        Assert.Equal(2, (await m.Queries.MyListingTradesAsync(await m.ActorOf("power-a"), Ct)).Count);
    }

    [Fact]
    public async Task Prints_PicksBetweenBookTrades_AreNumberedInOneSeriesOfTheInstrument()
    {
        await using var m = await ExchangeMarketAsync(Db);

        var listing = Posted(await m.RunAsync("power-a", Listing(Side.Sell, 2_000, 1_000, "seq-l1", minimum: 100)));
        await m.RunAsync("cement-a", Pick(listing.Id, 100));
        await m.PlaceAsync("power-a", Side.Sell, 20.00m, 300, "seq-s1");
        await m.PlaceAsync("cement-a", Side.Buy, 20.00m, 300, "seq-b1");
        await m.RunAsync("cement-a", Pick(listing.Id, 200));
        var prints = await m.Queries.TradePrintsAsync("GDEA-2017", Now.AddMinutes(-1), Now.AddMinutes(1), Ct);

        // The first pick, then the book's 300 t (book trade 1), then the second pick (listing trade 2): 1, 2, 3.
        Assert.Equal([(1L, 100L), (2L, 300L), (3L, 200L)], prints.Select(p => (p.Sequence, p.Quantity)));
    }

    [Fact]
    public async Task Listing_BuyPickedThenWithdrawn_PaysFromItsReservationAndReleasesTheRest()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var power = await m.HeldAsync("GD-HOLD-POWER");

        var listing = Posted(await m.RunAsync("cement-a", Listing(Side.Buy, 2_000, 1_000, "l2")));
        var reserved = (await m.CashOfAsync("cement-a")).Reserved;
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", Pick(listing.Id, 300)));
        var withdrawn = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-b", new WithdrawListing(listing.Id)));

        // 1 000 t × 20.00 = 20 000 yuan + the maximum fee 10.00 reserved; 300 t = 6 000.00 yuan and 3.00 a side paid.
        Assert.Equal(20_010m, reserved);
        Assert.Equal((ListingStatus.Withdrawn, 300L), (withdrawn.Listing!.Status, withdrawn.Listing.Taken));
        var buyer = await m.CashOfAsync("cement-a");
        Assert.Equal((1_000_000m - 6_000m - 3m, 0m), (buyer.Balance, buyer.Reserved));
        Assert.Equal(6_000m - 3m, (await m.CashOfAsync("power-a")).Balance);
        Assert.Equal(power - 300, await m.HeldAsync("GD-HOLD-POWER"));
        Assert.Equal(0L, await m.HeldAsync("GD-CLEARING"));
    }

    [Fact]
    public async Task Listing_PickRepeatedWithItsKey_TradesOnceAndAnswersWithTheFirstPick()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var cement = await m.HeldAsync("GD-HOLD-CEMENT");
        var listing = Posted(await m.RunAsync("power-a", Listing(Side.Sell, 2_000, 1_000, "k1")));

        var first = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", Pick(listing.Id, null, "double-click")));
        var again = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", Pick(listing.Id, null, "double-click")));
        var otherQuantity = await m.RunAsync("cement-a", Pick(listing.Id, 400, "double-click"));

        // The first pick filled the listing; the repeat still answers with it and moves nothing.
        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.ListingTrade!.Id, again.ListingTrade!.Id);
        Assert.Equal((ListingStatus.Filled, 1_000L), (again.Listing!.Status, again.Listing.Taken));
        Assert.Equal(ExchangeRule.KeyReused, Assert.IsType<ExchangeOutcome.Refused>(otherQuantity).Rule);
        Assert.Single(await m.Queries.MyListingTradesAsync(await m.ActorOf("cement-a"), Ct));
        Assert.Equal(cement + 1_000, await m.HeldAsync("GD-HOLD-CEMENT"));
        Assert.Equal((1_000_000m - 20_000m - 10m, 0m), ((await m.CashOfAsync("cement-a")).Balance, (await m.CashOfAsync("cement-a")).Reserved));
    }

    [Fact]
    public async Task Listing_PicksAndTermsBreakingARule_AreRefusedNamingItAndChangeNothing()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var power = await m.HeldAsync("GD-HOLD-POWER");
        var dear = Posted(await m.RunAsync("power-a", Listing(Side.Sell, 2_100, 1_000, "dear", minimum: 500)));
        var best = Posted(await m.RunAsync("power-a", Listing(Side.Sell, 2_000, 1_000, "best", minimum: 500)));

        // Band ±10 % of 20.00: 18.00–22.00.
        var band = await m.RunAsync("power-a", Listing(Side.Sell, 2_201, 100, "band"));
        var minimum = await m.RunAsync("power-a", Listing(Side.Sell, 2_000, 100, "min", minimum: 200));
        var notBest = await m.RunAsync("cement-a", Pick(dear.Id, null));
        var small = await m.RunAsync("cement-a", Pick(best.Id, 100));
        var tooMuch = await m.RunAsync("cement-a", Pick(best.Id, 2_000));
        var own = await m.RunAsync("power-a", Pick(best.Id, null));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new WithdrawListing(best.Id)));
        var gone = await m.RunAsync("cement-a", Pick(best.Id, null));
        var cash = await m.CashOfAsync("cement-a");

        Assert.Equal(ExchangeRule.PriceBand, Assert.IsType<ExchangeOutcome.Refused>(band).Rule);
        Assert.Equal(ExchangeRule.MinimumTake, Assert.IsType<ExchangeOutcome.Refused>(minimum).Rule);
        Assert.Equal(ExchangeRule.NotBestListing, Assert.IsType<ExchangeOutcome.Refused>(notBest).Rule);
        Assert.Equal(ExchangeRule.MinimumTake, Assert.IsType<ExchangeOutcome.Refused>(small).Rule);
        Assert.Equal(ExchangeRule.ListingQuantity, Assert.IsType<ExchangeOutcome.Refused>(tooMuch).Rule);
        Assert.Equal(ExchangeRule.SelfTrade, Assert.IsType<ExchangeOutcome.Refused>(own).Rule);
        Assert.Equal(ExchangeRule.UnknownListing, Assert.IsType<ExchangeOutcome.Refused>(gone).Rule);
        Assert.Equal((1_000_000m, 0m), (cash.Balance, cash.Reserved));
        // Only the dearer listing is still open: its 1 000 t are frozen, the withdrawn one's came back.
        Assert.Equal(power - 1_000, await m.HeldAsync("GD-HOLD-POWER"));
        Assert.Equal(1_000L, await m.HeldAsync("GD-CLEARING"));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", Pick(dear.Id, null)));
    }

    [Fact]
    public async Task EndOfDay_WithListings_ExpiresWhatIsLeftReconcilesThePicksAndRefusesThemAfterwards()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var power = await m.HeldAsync("GD-HOLD-POWER");
        var sell = Posted(await m.RunAsync("power-a", Listing(Side.Sell, 2_000, 1_000, "e1")));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", Pick(sell.Id, 400)));
        var buy = Posted(await m.RunAsync("cement-a", Listing(Side.Buy, 1_900, 500, "e2")));

        var done = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new EndOfDay(TradingDay)));
        var closedDay = await m.RunAsync("power-a", Listing(Side.Sell, 2_000, 100, "e3"));
        m.At = Now.AddDays(1);
        var late = await m.RunAsync("power-a", Pick(buy.Id, null));

        Assert.Empty(done.EndOfDay!.Mismatches);
        Assert.All(await m.Queries.MyListingsAsync(await m.ActorOf("power-a"), Ct), l => Assert.Equal(ListingStatus.Expired, l.Status));
        Assert.Equal(power - 400, await m.HeldAsync("GD-HOLD-POWER"));
        Assert.Equal(0L, await m.HeldAsync("GD-CLEARING"));
        Assert.Equal(0m, (await m.CashOfAsync("cement-a")).Reserved);
        Assert.Equal(ExchangeRule.DayClosed, Assert.IsType<ExchangeOutcome.Refused>(closedDay).Rule);
        Assert.Equal(ExchangeRule.UnknownListing, Assert.IsType<ExchangeOutcome.Refused>(late).Rule);
    }

    [Fact]
    public async Task EndOfDay_ListingTradeDeliveryMissingInTheRegistry_HaltsTheInstrumentAndNamesTheListingTrade()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var sell = Posted(await m.RunAsync("power-a", Listing(Side.Sell, 2_000, 1_000, "r1")));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", Pick(sell.Id, 400)));
        await using (var connection = await m.Store.OpenConnectionAsync(Ct))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM registry_keys WHERE key = 'exchange/listing-trade/1/deliver'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
        }

        var done = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new EndOfDay(TradingDay)));

        Assert.Equal("GDEA-2017 listing trade 1 units.delivered: expected 400, found 0", Assert.Single(done.EndOfDay!.Mismatches).ToString());
        Assert.True((await m.Queries.InstrumentAsync("GDEA-2017", Ct))!.Halted);
    }

    private sealed record ListingOp(int Kind, bool Power, bool Buys, int Ticks, int Hundreds, int Minimum, int Target, int Take);

    [Fact]
    public void Listing_RandomSessions_ConserveUnitsAndCashAndReconcile()
    {
        if (Db is PostgresDb)
        {
            PostgresDb.RequireOrSkip();
        }
        var op = from kind in Gen.Frequency((3, Gen.Constant(0)), (4, Gen.Constant(1)), (1, Gen.Constant(2)))
                 from power in Gen.Elements(true, false)
                 from buys in Gen.Elements(true, false)
                 from ticks in Gen.Choose(-250, 250)
                 from hundreds in Gen.Choose(1, 30)
                 from minimum in Gen.Choose(1, 10)
                 from target in Gen.Choose(0, 7)
                 from take in Gen.Choose(0, 30)
                 select new ListingOp(kind, power, buys, ticks, hundreds, minimum, target, take);
        var cases = from count in Gen.Choose(1, 10) from ops in op.ArrayOf(count) select ops;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(ExchangeCases).WithQuietOnSuccess(true),
            Prop.ForAll(Arb.From(cases), (ListingOp[] ops) => Task.Run(() => ListingSessionAsync(ops), Ct).GetAwaiter().GetResult()));
    }

    private async Task ListingSessionAsync(ListingOp[] ops)
    {
        await using var m = await ExchangeMarketAsync(Db);
        await m.DepositAsync("power-a", 1_000_000m);
        string[] traders = ["power-a", "cement-a"];
        string[] holdings = ["GD-HOLD-POWER", "GD-HOLD-CEMENT"];
        var unitsBefore = await m.HeldAsync(holdings[0]) + await m.HeldAsync(holdings[1]);
        var cashBefore = (await m.CashOfAsync(traders[0])).Balance + (await m.CashOfAsync(traders[1])).Balance;
        var listings = new List<long>();
        for (var i = 0; i < ops.Length; i++)
        {
            var o = ops[i];
            var trader = traders[o.Power ? 0 : 1];
            // Prices 17.50–22.50 around the 20.00 reference: some outside the ±10 % band, refused with nothing frozen.
            if (o.Kind == 0 || listings.Count == 0)
            {
                if (await m.RunAsync(trader, Listing(o.Buys ? Side.Buy : Side.Sell, 2_000 + o.Ticks, o.Hundreds * 100L, "l" + i, o.Minimum * 100L))
                    is ExchangeOutcome.Completed { Listing: { } posted })
                {
                    listings.Add(posted.Id);
                }
            }
            else if (o.Kind == 1)
            {
                // Any listing, any size: picks that are not the best, too small or too large are refused with nothing moved.
                await m.RunAsync(trader, Pick(listings[o.Target % listings.Count], o.Take == 0 ? null : o.Take * 100L));
            }
            else
            {
                await m.RunAsync(trader, new WithdrawListing(listings[o.Target % listings.Count]));
            }
        }
        var day = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new EndOfDay(TradingDay)));

        Assert.Empty(day.EndOfDay!.Mismatches);
        var cashAfter = 0m;
        foreach (var t in traders)
        {
            var c = await m.CashOfAsync(t);
            Assert.True(c.Balance >= 0 && c.Reserved == 0);
            cashAfter += c.Balance;
        }
        Assert.Equal(unitsBefore, await m.HeldAsync(holdings[0]) + await m.HeldAsync(holdings[1]));
        Assert.Equal(0L, await m.HeldAsync("GD-CLEARING"));
        Assert.Equal(cashBefore, cashAfter + await m.FeesAsync());
    }
}
