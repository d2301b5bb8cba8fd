using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// The demo's GDEA-2017 (a Guangdong allowance, on the all-day calendar) closes by Guangzhou's 挂牌点选 rule: the day's
// click-on-listing trades count, with the book's beside them. One test, since the end of day runs once on this class's server.
public sealed class ExchangeGuangzhouCloseTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, path + ": " + json);
        return json;
    }

    [Fact]
    public async Task EndOfDay_GdeaWithAPickAndABookTrade_ClosesAtTheVwapOfBothByGuangzhousRule()
    {
        using var exchange = await server.SignedInAsync("exchange");
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        var today = BeijingTime.TradingDay(server.Clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var listing = (await PostAsync(power, "/api/v1/exchange/listings", new
        {
            instrument = "GDEA-2017", side = "sell", price = 16.20m, quantity = 400, minimumTake = 100, idempotencyKey = "gz-listing",
        })).GetProperty("listing").GetProperty("id").GetInt64();
        await PostAsync(cement, $"/api/v1/exchange/listings/{listing}/pick", new { quantity = 400, idempotencyKey = "gz-pick" });
        await PostAsync(power, "/api/v1/exchange/orders", new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 16.52m, quantity = 100, idempotencyKey = "gz-sell" });
        await PostAsync(cement, "/api/v1/exchange/orders", new { instrument = "GDEA-2017", side = "buy", type = "limit", price = 16.52m, quantity = 100, idempotencyKey = "gz-buy" });

        var done = await PostAsync(exchange, "/api/v1/exchange/end-of-day", new { day = today });

        var close = done.GetProperty("endOfDay").GetProperty("closed").EnumerateArray().Single(c => c.GetProperty("instrument").GetString() == "GDEA-2017");
        // (400 × 16.20 + 100 × 16.52) / 500 = 8 132 / 500 = 16.264 → 16.26; the book's trade alone would have closed at 16.52.
        Assert.Equal(("guangzhouClickListing", 16.26m, false), (close.GetProperty("rule").GetString(), close.GetProperty("close").GetDecimal(),
            close.GetProperty("referenceKept").GetBoolean()));
    }
}
