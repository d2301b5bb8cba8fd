using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// Block trades (大宗协议) through the API on the demo market (GDEA-2017 at 16.09, the power and cement companies with
// trading accounts and demo cash): proposed, accepted and settled at once, counted as block volume, refusals naming their
// rule; proposed by a member for its client (客户) and listed under the client's account.
public sealed class ExchangeBlockApiTests(ServerFactory server) : IClassFixture<ServerFactory>
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
    public async Task BlockTrade_ProposedThenAccepted_SettlesAtOnceAndCountsAsBlockVolumeNotAsTheLastPrice()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        var cementAccount = (await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/position", Ct)).GetProperty("account").GetInt64();
        var before = await cement.GetFromJsonAsync<JsonElement>("/api/v1/market/GDEA-2017/ticker", Ct);

        var proposed = (await PostAsync(power, "/api/v1/exchange/block-trades", new
        {
            instrument = "GDEA-2017", side = "sell", counterparty = cementAccount, price = 16.09m, quantity = 100_000, idempotencyKey = "api-block-1",
        })).GetProperty("block");
        var accepted = await PostAsync(cement, $"/api/v1/exchange/block-trades/{proposed.GetProperty("id").GetInt64()}/accept", new { });
        var mine = await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/block-trades", Ct);
        var after = await cement.GetFromJsonAsync<JsonElement>("/api/v1/market/GDEA-2017/ticker", Ct);

        Assert.Equal(("sell", "proposed"), (proposed.GetProperty("side").GetString(), proposed.GetProperty("status").GetString()));
        var block = accepted.GetProperty("block");
        // 100 000 t × 16.09 = 1 609 000.00 yuan; each side's fee 0.05 % = 804.50 yuan.
        Assert.Equal(("exchange.block.settled", "settled", 1_609_000m, 804.50m), (accepted.GetProperty("event").GetString(),
            block.GetProperty("status").GetString(), block.GetProperty("value").GetDecimal(), block.GetProperty("buyerFee").GetDecimal()));
        Assert.Contains(mine.EnumerateArray(), b => b.GetProperty("id").GetInt64() == block.GetProperty("id").GetInt64());
        Assert.Equal(before.GetProperty("blockVolume").GetInt64() + 100_000, after.GetProperty("blockVolume").GetInt64());
        Assert.Equal(before.GetProperty("volume").GetInt64(), after.GetProperty("volume").GetInt64());
    }

    [Fact]
    public async Task BlockTrade_OutsideTheBandOrToNobody_IsRefusedNamingTheRule()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        var cementAccount = (await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/position", Ct)).GetProperty("account").GetInt64();

        // The band is ±30 % of 16.09: 11.27–20.91 (unconfirmed).
        using var band = await power.PostAsJsonAsync("/api/v1/exchange/block-trades", new
        {
            instrument = "GDEA-2017", side = "sell", counterparty = cementAccount, price = 20.92m, quantity = 100_000, idempotencyKey = "api-block-band",
        }, Ct);
        using var nobody = await power.PostAsJsonAsync("/api/v1/exchange/block-trades", new
        {
            instrument = "GDEA-2017", side = "sell", counterparty = 999, price = 16.09m, quantity = 100_000, idempotencyKey = "api-block-nobody",
        }, Ct);
        using var accept = await power.PostAsJsonAsync("/api/v1/exchange/block-trades/999999/accept", new { }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, band.StatusCode);
        Assert.Contains("BlockTradeBand", await band.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, nobody.StatusCode);
        Assert.Contains("UnknownCounterparty", await nobody.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
        Assert.Contains("UnknownProposal", await accept.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlockTrade_ProposedByAMemberForItsClient_SettlesForTheClientWhoSeesIt()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        using var steel = await server.SignedInAsync("steel-a");
        var client = await ClientAccounts.OpenSteelAsync(power, steel, Ct);
        var cementAccount = (await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/position", Ct)).GetProperty("account").GetInt64();

        var proposed = (await PostAsync(power, "/api/v1/exchange/block-trades", new
        {
            instrument = "GDEA-2017", side = "buy", counterparty = cementAccount, price = 16.09m, quantity = 100_000, idempotencyKey = "api-client-block",
            account = client,
        })).GetProperty("block");
        var id = proposed.GetProperty("id").GetInt64();
        using var byClient = await steel.PostAsJsonAsync($"/api/v1/exchange/block-trades/{id}/cancel", new { }, Ct);
        var accepted = (await PostAsync(cement, $"/api/v1/exchange/block-trades/{id}/accept", new { })).GetProperty("block");
        var forClient = await power.GetFromJsonAsync<JsonElement>($"/api/v1/exchange/block-trades?account={client}", Ct);
        var clientsOwn = await steel.GetFromJsonAsync<JsonElement>("/api/v1/exchange/block-trades", Ct);
        var byOthers = await cement.GetFromJsonAsync<JsonElement>($"/api/v1/exchange/block-trades?account={client}", Ct);

        Assert.Equal((client, "buy"), (proposed.GetProperty("proposerAccount").GetInt64(), proposed.GetProperty("side").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, byClient.StatusCode);
        Assert.Contains("ClientAccount", await byClient.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("settled", accepted.GetProperty("status").GetString());
        Assert.Equal([id], forClient.EnumerateArray().Select(b => b.GetProperty("id").GetInt64()));
        Assert.Equal([id], clientsOwn.EnumerateArray().Select(b => b.GetProperty("id").GetInt64()));
        Assert.Empty(byOthers.EnumerateArray());
    }
}
