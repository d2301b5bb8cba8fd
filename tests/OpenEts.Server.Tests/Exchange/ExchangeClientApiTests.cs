using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// A member trading for a client (客户) through the API on the demo market: the power company, a member with its own
// trading account, opens a client account for the steel company (its own GD-HOLD-STEEL) and sells for it; the cement
// company buys; the steel company's user sees the trade but cannot enter orders; another member cannot act for the client.
public sealed class ExchangeClientApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string SteelCode = "91440200MA5CY1003";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonElement Json)> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }

    [Fact]
    public async Task Client_MemberSellsForItAndAnotherBuys_TheClientSeesTheTradeAndOthersAreRefused()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        using var steel = await server.SignedInAsync("steel-a");
        var code = SteelCode + Domain.Organisations.CreditCode.CheckCharacter(SteelCode);

        var (openStatus, opened) = await PostAsync(power, "/api/v1/exchange/clients", new { client = code, holdingAccount = "GD-HOLD-STEEL" });
        var account = long.Parse(opened.GetProperty("subject").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        await ClientAccounts.ConfirmAsync(steel, account, Ct);
        var clients = await power.GetFromJsonAsync<JsonElement>("/api/v1/exchange/clients", Ct);
        var (sellStatus, sell) = await PostAsync(power, "/api/v1/exchange/orders",
            new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 16.50m, quantity = 200, idempotencyKey = "client-api-s1", account });
        var (_, buy) = await PostAsync(cement, "/api/v1/exchange/orders",
            new { instrument = "GDEA-2017", side = "buy", type = "limit", price = 16.60m, quantity = 100, idempotencyKey = "client-api-b1" });
        var (byClientStatus, byClient) = await PostAsync(steel, "/api/v1/exchange/orders",
            new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 16.50m, quantity = 100, idempotencyKey = "client-api-s2" });
        var (otherStatus, other) = await PostAsync(cement, "/api/v1/exchange/orders",
            new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 16.50m, quantity = 100, idempotencyKey = "client-api-s3", account });
        var steelTrades = await steel.GetFromJsonAsync<JsonElement>("/api/v1/exchange/trades", Ct);
        var memberView = await power.GetFromJsonAsync<JsonElement>($"/api/v1/exchange/position?account={account}", Ct);
        var day = BeijingTime.TradingDay(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var report = await power.GetFromJsonAsync<JsonElement>($"/api/v1/exchange/reports/{day}", Ct);
        using var foreign = await cement.GetAsync($"/api/v1/exchange/position?account={account}", Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (openStatus, sellStatus));
        Assert.Equal(("GD-HOLD-STEEL", code), (clients[0].GetProperty("holdingAccount").GetString(), clients[0].GetProperty("client").GetString()));
        Assert.Equal(account, sell.GetProperty("order").GetProperty("account").GetInt64());
        var trade = Assert.Single(buy.GetProperty("trades").EnumerateArray());
        var seen = Assert.Single(steelTrades.EnumerateArray());
        Assert.Equal((trade.GetProperty("id").GetInt64(), "sell", 100L),
            (seen.GetProperty("id").GetInt64(), seen.GetProperty("side").GetString(), seen.GetProperty("quantity").GetInt64()));
        Assert.Equal((HttpStatusCode.Forbidden, "ClientAccount"), (byClientStatus, byClient.GetProperty("rule").GetString()));
        Assert.Equal((HttpStatusCode.Forbidden, "NotYourClient"), (otherStatus, other.GetProperty("rule").GetString()));
        Assert.Equal((account, "GD-HOLD-STEEL"), (memberView.GetProperty("account").GetInt64(), memberView.GetProperty("holdingAccount").GetString()));
        var line = Assert.Single(report.GetProperty("clients").EnumerateArray());
        Assert.Equal((account, 100L), (line.GetProperty("account").GetInt64(), line.GetProperty("soldTonnes").GetInt64()));
        // The client's trade is in the client's report, as a sell, and not in the member's own.
        static long[] Trades(JsonElement r) => [.. r.GetProperty("trades").EnumerateArray().Select(t => t.GetProperty("trade").GetInt64())];
        Assert.Equal([trade.GetProperty("id").GetInt64()], Trades(line));
        Assert.Equal("sell", line.GetProperty("trades")[0].GetProperty("side").GetString());
        Assert.DoesNotContain(trade.GetProperty("id").GetInt64(), Trades(report));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
