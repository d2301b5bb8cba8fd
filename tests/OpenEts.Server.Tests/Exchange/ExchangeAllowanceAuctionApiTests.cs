using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// An allowance auction (有偿发放) through the API, settled on the exchange: the regulator announces and closes it, a
// company bids, the exchange's end of day reconciles the award and reports the auction, and the exchange's auctions page
// lists it.
public sealed class ExchangeAllowanceAuctionApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AllowanceAuction_ClosedThenEndOfDay_ReconcilesTheAwardAndReportsTheAuction()
    {
        await AllowanceAuctionApi.ApprovePlanAsync(server, Ct);
        using var regulator = await server.SignedInAsync("regulator");
        using var cement = await server.SignedInAsync("cement-a");
        using var exchange = await server.SignedInAsync("exchange");

        // Turnover 6 436 000 yuan over 400 000 t: the reserve is 16.09 yuan/t (guangdong.md §1.6).
        using var announced = await AllowanceAuctionApi.AnnounceAsync(server, regulator, 100_000, "api-allowance-1", Ct);
        var id = (await announced.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        using var bid = await cement.PostAsJsonAsync($"/api/v1/auctions/{id}/bids",
            new { account = "GD-HOLD-CEMENT", tonnes = 30_000, price = 17.50m, idempotencyKey = "api-allowance-bid-1" }, Ct);
        server.Clock.Advance(TimeSpan.FromMinutes(31));
        using var closed = await regulator.PostAsJsonAsync($"/api/v1/auctions/{id}/close", new { }, Ct);
        var day = BeijingTime.TradingDay(server.Clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var done = await exchange.PostAsJsonAsync("/api/v1/exchange/end-of-day", new { day }, Ct);
        var endOfDay = (await done.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("endOfDay");
        var page = await cement.GetStringAsync("/Exchange/Auctions", Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            (announced.StatusCode, bid.StatusCode, closed.StatusCode, done.StatusCode));
        Assert.Equal(0, endOfDay.GetProperty("mismatches").GetArrayLength());
        var auction = endOfDay.GetProperty("auctions").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "allowance");
        // Undersubscribed: 30 000 t at the only bid's 17.50 = 525 000.00 yuan.
        Assert.Equal((id, "GDEA-2017", 30_000L, 17.50m, 1, 525_000m),
            (auction.GetProperty("auction").GetInt64(), auction.GetProperty("instrument").GetString(), auction.GetProperty("sold").GetInt64(),
                auction.GetProperty("clearingPrice").GetDecimal(), auction.GetProperty("winners").GetInt32(), auction.GetProperty("proceeds").GetDecimal()));
        Assert.Contains("id=\"allowance-auctions\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Auctions/Detail/{id}\"", page, StringComparison.Ordinal);
    }
}
