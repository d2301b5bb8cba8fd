using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// The exchange's API on the demo market: GDEA-2017 listed at 16.09 on the all-day calendar, the power and cement
// companies with trading accounts and demo cash.
public sealed class ExchangeApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json;
    }

    [Fact]
    public async Task Orders_SellThenCrossingBuyThenCancel_WriteEnumValuesInCamelCaseAndPrintTheTradeOfTheLastDay()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");

        var sell = (await PostAsync(power, "/api/v1/exchange/orders",
            new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 16.48m, quantity = 300, idempotencyKey = "api-enum-s1" })).GetProperty("order");
        var buy = await PostAsync(cement, "/api/v1/exchange/orders",
            new { instrument = "GDEA-2017", side = "BUY", type = "Limit", price = 16.55m, quantity = 100, idempotencyKey = "api-enum-b1" });
        var cancelled = (await PostAsync(power, $"/api/v1/exchange/orders/{sell.GetProperty("id").GetInt64()}/cancel", new { })).GetProperty("order");
        var prints = await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/instruments/GDEA-2017/trades", Ct);

        Assert.Equal(("sell", "limit", "open"), (sell.GetProperty("side").GetString(), sell.GetProperty("type").GetString(), sell.GetProperty("status").GetString()));
        Assert.Equal("filled", buy.GetProperty("order").GetProperty("status").GetString());
        var trade = Assert.Single(buy.GetProperty("trades").EnumerateArray());
        // 100 t at the resting sell's 16.48 = 1 648.00 yuan; the buyer's fee 0.05 % = 0.824, rounded down to 0.82.
        Assert.Equal(("buy", 16.48m, 1_648m, 0.82m), (trade.GetProperty("side").GetString(), trade.GetProperty("price").GetDecimal(),
            trade.GetProperty("value").GetDecimal(), trade.GetProperty("fee").GetDecimal()));
        Assert.Equal(("cancelled", "cancelled", 200L), (cancelled.GetProperty("status").GetString(), cancelled.GetProperty("reason").GetString(),
            cancelled.GetProperty("cancelled").GetInt64()));
        Assert.Contains(prints.EnumerateArray(), p => p.GetProperty("price").GetDecimal() == 16.48m && p.GetProperty("quantity").GetInt64() == 100);
        // Each print has a number of its own, increasing: the book's trades and the listings' picks in one series.
        var sequences = prints.EnumerateArray().Select(p => p.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order().Distinct(), sequences);
    }

    [Fact]
    public async Task Amend_LowerQuantityThenNothingToAmend_ReportsTheReductionThen409()
    {
        using var power = await server.SignedInAsync("power-a");
        var sell = (await PostAsync(power, "/api/v1/exchange/orders",
            new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 17.60m, quantity = 500, idempotencyKey = "api-amend-s1" })).GetProperty("order");
        var id = sell.GetProperty("id").GetInt64();

        var amended = (await PostAsync(power, $"/api/v1/exchange/orders/{id}/amend", new { price = (decimal?)null, quantity = 200 })).GetProperty("order");
        await PostAsync(power, $"/api/v1/exchange/orders/{id}/cancel", new { });
        using var afterCancel = await power.PostAsJsonAsync($"/api/v1/exchange/orders/{id}/amend", new { price = 17.50m, quantity = 100 }, Ct);
        var problem = await afterCancel.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal((200L, 300L, 17.60m, "open"), (amended.GetProperty("resting").GetInt64(), amended.GetProperty("cancelled").GetInt64(),
            amended.GetProperty("price").GetDecimal(), amended.GetProperty("status").GetString()));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, afterCancel.StatusCode);
        Assert.Equal("UnknownOrder", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Amend_WithoutAPrice_ChangesTheQuantityAndKeepsThePrice()
    {
        using var power = await server.SignedInAsync("power-a");
        var sell = (await PostAsync(power, "/api/v1/exchange/orders",
            new { instrument = "GDEA-2017", side = "sell", price = 17.65m, quantity = 500, idempotencyKey = "api-amend-noprice" })).GetProperty("order");
        var id = sell.GetProperty("id").GetInt64();

        var amended = (await PostAsync(power, $"/api/v1/exchange/orders/{id}/amend", new { quantity = 300 })).GetProperty("order");
        using var noQuantity = await power.PostAsJsonAsync($"/api/v1/exchange/orders/{id}/amend", new { price = 17.66m }, Ct);
        var problem = await noQuantity.Content.ReadFromJsonAsync<JsonElement>(Ct);
        await PostAsync(power, $"/api/v1/exchange/orders/{id}/cancel", new { });

        Assert.Equal((300L, 200L, 17.65m), (amended.GetProperty("resting").GetInt64(), amended.GetProperty("cancelled").GetInt64(),
            amended.GetProperty("price").GetDecimal()));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, noQuantity.StatusCode);
        Assert.Equal(("quantity", "Quantity"), (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
    }

    [Fact]
    public async Task Trades_UnlistedInstrument_Is404()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/api/v1/exchange/instruments/CEA-1999/trades", Ct);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
