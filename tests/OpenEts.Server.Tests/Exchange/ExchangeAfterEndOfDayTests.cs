using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// What a user sees once the exchange has run today's end of day (GDEA-2017 traded at 16.52 against a previous close of
// 16.09): the ticker still compares today with 16.09, the trading page shows the day closed, and a one-way auction is
// refused like an order; an order left open says it expired. One test, since the end of day runs once on this class's own server.
public sealed class ExchangeAfterEndOfDayTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task PostOkAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        Assert.True(response.IsSuccessStatusCode, path + ": " + await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task AfterTheEndOfDay_TickerKeepsThePreviousCloseThePageShowsTheDayClosedAnOpenOrderExpiredAndAuctionsAreRefused()
    {
        using var exchange = await server.SignedInAsync("exchange");
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        using var anonymous = server.CreateClient();
        var now = server.Clock.GetUtcNow();
        var today = BeijingTime.TradingDay(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await PostOkAsync(power, "/api/v1/exchange/orders", new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 16.52m, quantity = 100, idempotencyKey = "eod-sell" });
        await PostOkAsync(cement, "/api/v1/exchange/orders", new { instrument = "GDEA-2017", side = "buy", type = "limit", price = 16.52m, quantity = 100, idempotencyKey = "eod-buy" });
        await PostOkAsync(power, "/api/v1/exchange/orders", new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 17.00m, quantity = 100, idempotencyKey = "eod-left-open" });
        await PostOkAsync(exchange, "/api/v1/exchange/end-of-day", new { day = today });

        var ticker = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/market/GDEA-2017/ticker", Ct);
        var page = WebUtility.HtmlDecode(await power.GetStringAsync(new Uri("/Exchange", UriKind.Relative), Ct));
        using var announced = await power.PostAsJsonAsync("/api/v1/exchange/auctions", new
        {
            instrument = "FFCER-FJ0002-2016", quantity = 10, reservePrice = 19m,
            closes = now.AddMinutes(30).ToString("O", CultureInfo.InvariantCulture), idempotencyKey = "b11-after-eod",
        }, Ct);
        var refusal = await announced.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal((today, 16.09m, 16.52m, 0.43m), (ticker.GetProperty("day").GetString(), ticker.GetProperty("previousClose").GetDecimal(),
            ticker.GetProperty("last").GetDecimal(), ticker.GetProperty("change").GetDecimal()));
        var row = Regex.Match(page, "<tr class=\"instrument\" data-instrument=\"GDEA-2017\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("data-state=\"dayClosed\"", row, StringComparison.Ordinal);
        Assert.Contains("今日已收市", row, StringComparison.Ordinal);
        Assert.DoesNotContain("交易中", row, StringComparison.Ordinal);
        var expired = Regex.Match(page, "<tr class=\"order\"[^>]*>(?:(?!</tr>).)*<td class=\"num\">17.00</td>.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("data-reason=\"Expired\">日终未成交，委托失效</span>", expired, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Conflict, "DayClosed"), (announced.StatusCode, refusal.GetProperty("rule").GetString()));
    }
}
