using OpenEts.Application.Auction;
using OpenEts.Application.Cash;
using OpenEts.Application.Exchange;
using OpenEts.Application.Registry;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Registry;

namespace OpenEts.Storage.Tests;

// Allowance auctions (有偿发放) settled through the exchange on every database: the close runs as one exchange command,
// each award settles delivery versus payment (the winner's reservation pays the auction proceeds, the registry allocates
// from the issuance account), and the exchange's end of day reconciles the awards and reports the auction.
public abstract partial class StoreContract<TDb>
{
    private sealed class MarketClock(ExchangeMarket m) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => m.At;
    }

    // 10 000 t of GDEA-2017 under Guangdong's rules as found (minimum 1 000 t, at most 50 % a bidder, reserve 16.09 from
    // the months' figures of AnnounceAsync), bids two hours before Now, closed at Now: the cement company bids 5 000 t at
    // 17.00, the power company 5 000 t at 16.50; demand equals the volume, so both win in full at 16.50.
    // The month <paramref name="back"/> months from the notice's (Beijing) month: the reserve averages the months before it.
    private static DateOnly NoticeMonth(DateTimeOffset notice, int back)
    {
        var day = Domain.Exchange.MarketData.BeijingTime.TradingDay(notice);
        return new DateOnly(day.Year, day.Month, 1).AddMonths(back);
    }

    private static async Task<(AuctionService Auctions, long Id)> AllowanceAuctionAsync(ExchangeMarket m)
    {
        var clock = new MarketClock(m);
        var auctions = new AuctionService(new CashCommandHandler(m.Store, clock), m.Exchange, clock, new RegistryQueries(m.Registry),
            new FoundAuctionRules());
        await m.DepositAsync("power-a", 500_000m);
        m.At = Now.AddHours(-2);
        var announced = await auctions.AnnounceAsync(await m.ActorOf("regulator"), new AnnounceAuction("guangdong", 2017, DemoRegistry.Allowances,
            10_000, Now.AddHours(-3), Now.AddHours(-1),
            [
                new(NoticeMonth(m.At, -3), 0m, 1_500_000m, 100_000),
                new(NoticeMonth(m.At, -2), 0m, 3_200_000m, 200_000),
                new(NoticeMonth(m.At, -1), 0m, 1_736_000m, 100_000),
            ], IdempotencyKey.From("gd-2017-1")), Ct);
        var id = Assert.IsType<CashCommandOutcome.Completed>(announced).Id;
        foreach (var (user, account, price, key) in new[] { ("cement-a", "GD-HOLD-CEMENT", 17.00m, "bid-c"), ("power-a", "GD-HOLD-POWER", 16.50m, "bid-p") })
        {
            Assert.IsType<CashCommandOutcome.Completed>(await auctions.BidAsync(await m.ActorOf(user),
                new PlaceBid(id, AccountNumber.From(account), 5_000, Yuan.From(price), IdempotencyKey.From(key)), Ct));
        }
        m.At = Now;
        return (auctions, id);
    }

    [Fact]
    public async Task AllowanceAuction_ClosedOnTheExchange_SettlesEachAwardDeliveryVersusPaymentAndTheEndOfDayReconcilesIt()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var (issuance, cement, power) = (await m.HeldAsync("GD-ISSUANCE"), await m.HeldAsync("GD-HOLD-CEMENT"), await m.HeldAsync("GD-HOLD-POWER"));
        var (auctions, id) = await AllowanceAuctionAsync(m);

        var closed = await auctions.CloseAsync(await m.ActorOf("regulator"), id, Ct);
        var day = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new EndOfDay(TradingDay))).EndOfDay!;

        // 5 000 t × 16.50 = 82 500.00 yuan each, no exchange fee on primary issuance; proceeds 165 000.00 yuan.
        Assert.Equal(("auction.settled", false), (Assert.IsType<CashCommandOutcome.Completed>(closed).Event, ((CashCommandOutcome.Completed)closed).Duplicate));
        Assert.Equal((issuance - 10_000, cement + 5_000, power + 5_000),
            (await m.HeldAsync("GD-ISSUANCE"), await m.HeldAsync("GD-HOLD-CEMENT"), await m.HeldAsync("GD-HOLD-POWER")));
        Assert.Equal((1_000_000m - 82_500m, 0m), ((await m.CashOfAsync("cement-a")).Balance, (await m.CashOfAsync("cement-a")).Reserved));
        Assert.Equal((500_000m - 82_500m, 0m), ((await m.CashOfAsync("power-a")).Balance, (await m.CashOfAsync("power-a")).Reserved));
        Assert.Equal(165_000m, (await m.Store.ReadAsync(s => s.Cash.SystemAccountAsync(CashAccountKind.AuctionProceeds), Ct)).Balance);
        Assert.Equal(0m, await m.FeesAsync());
        Assert.Empty(day.Mismatches);
        Assert.Equal("GDEA-2017", Assert.Single(day.Closed).Instrument);
        Assert.Equal(new ClosedAuction(ClosedAuction.Allowance, id, "GDEA-2017", 10_000, 1_650, 2, 16_500_000), Assert.Single(day.Auctions));
        var detail = await new AuctionQueries(m.Store).DetailAsync(null, id, Ct);
        Assert.Equal(new AuctionResults(16.50m, 10_000, 0, 2, 2, 165_000m, true), detail!.Results);
    }

    [Fact]
    public async Task EndOfDay_AuctionBidDeliveryMissingInTheRegistry_HaltsTheInstrumentAndNamesTheBid()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var (auctions, id) = await AllowanceAuctionAsync(m);
        Assert.IsType<CashCommandOutcome.Completed>(await auctions.CloseAsync(await m.ActorOf("regulator"), id, Ct));
        // The registry no longer finds the cement company's award (bid 1: its request key), while the auction's figures stay.
        await using (var connection = await m.Store.OpenConnectionAsync(Ct))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM registry_keys WHERE key = 'auction/1/bid/1'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
        }

        var day = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new EndOfDay(TradingDay))).EndOfDay!;

        Assert.Empty(day.Closed);
        Assert.Equal("GDEA-2017 allowance auction 1 bid 1 units.delivered: expected 5000, found 0", Assert.Single(day.Mismatches).ToString());
        Assert.True((await m.Queries.InstrumentAsync("GDEA-2017", Ct))!.Halted);
    }

    [Fact]
    public async Task EndOfDay_OneWayAuctionBidPaymentMissing_HaltsTheInstrumentAndNamesTheBid()
    {
        await using var m = await OneWayMarketAsync(Db);
        var auction = (await OneWayDoneAsync(m, "power-a", AnnounceOneWay(1_000, 1_600, 100, "a1"))).Auction!;
        var bid = (await OneWayDoneAsync(m, "cement-a", OneWayBid(auction.Id, 2_000, 600, "b1"))).AuctionBids![0];
        m.At = Now.AddHours(1);
        await OneWayDoneAsync(m, "exchange", new CloseOneWayAuction(auction.Id));
        // The cash ledger no longer holds the bid's payment under its key.
        await using (var connection = await m.Store.OpenConnectionAsync(Ct))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE cash_entries SET idempotency_key = 'moved' WHERE idempotency_key = 'exchange/auction-bid/{bid.Id}/pay'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
        }

        var day = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new EndOfDay(TradingDay))).EndOfDay!;

        // 600 t at 20.00 (the only bid sets the uniform price): 1 200 000 fen.
        Assert.Empty(day.Closed);
        Assert.Equal($"GDEA-2017 auction bid {bid.Id} cash.paid: expected 1200000, found 0", Assert.Single(day.Mismatches).ToString());
        Assert.Equal(new ClosedAuction(ClosedAuction.OneWay, auction.Id, "GDEA-2017", 600, 2_000, 1, 1_200_000), Assert.Single(day.Auctions));
    }
}
