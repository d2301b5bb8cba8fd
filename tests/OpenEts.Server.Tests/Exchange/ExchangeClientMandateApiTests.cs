using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// The client's mandate through the API on the demo market (the steel company is the one company without a trading account,
// so the story is told in order): the power company, a member, opens a client account for the steel company, which declines
// it; the cement company asks and withdraws; the power company asks again, and the account trades nothing until the steel
// company's representative confirms it. Only the client answers.
public sealed class ExchangeClientMandateApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, string? Rule)> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (response.StatusCode, json.TryGetProperty("rule", out var rule) ? rule.GetString() : json.GetProperty("event").GetString());
    }

    private static Task<(HttpStatusCode Status, string? Rule)> SellAsync(HttpClient member, long account, string key) =>
        PostAsync(member, "/api/v1/exchange/orders",
            new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 17.50m, quantity = 100, idempotencyKey = key, account });

    // The client's GDEA-2017 free in its holding account, as its own position shows it.
    private static async Task<long> HeldAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/exchange/position", Ct)).GetProperty("lines").EnumerateArray()
            .Single(l => l.GetProperty("instrument").GetString() == "GDEA-2017").GetProperty("free").GetInt64();

    [Fact]
    public async Task ClientAccount_DeclinedWithdrawnThenConfirmed_TradesOnlyOnceTheClientConfirms()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        using var steel = await server.SignedInAsync("steel-a");
        using var steelB = await server.SignedInAsync("steel-b");
        var powerAccount = (await power.GetFromJsonAsync<JsonElement>("/api/v1/exchange/position", Ct)).GetProperty("account").GetInt64();

        var first = await ClientAccounts.OpenSteelUnconfirmedAsync(power, Ct);
        var declinedByMember = await PostAsync(power, $"/api/v1/exchange/accounts/{first}/decline", new { });
        var declined = await PostAsync(steelB, $"/api/v1/exchange/accounts/{first}/decline", new { });
        using var noPosition = await steel.GetAsync("/api/v1/exchange/position", Ct);
        var orderForGone = await SellAsync(power, first, "mandate-gone");
        var second = await ClientAccounts.OpenSteelUnconfirmedAsync(cement, Ct);
        var withdrawn = await PostAsync(cement, $"/api/v1/exchange/accounts/{second}/close", new { });
        var account = await ClientAccounts.OpenSteelUnconfirmedAsync(power, Ct);
        var steelHeld = await HeldAsync(steel);
        var before = await SellAsync(power, account, "mandate-s1");
        var listing = await PostAsync(power, "/api/v1/exchange/listings",
            new { instrument = "GDEA-2017", side = "sell", price = 17.50m, quantity = 100, idempotencyKey = "mandate-l1", account });
        var suspend = await PostAsync(power, $"/api/v1/exchange/accounts/{account}/suspend", new { });
        var byMember = await PostAsync(power, $"/api/v1/exchange/accounts/{account}/confirm", new { });
        var byOther = await PostAsync(cement, $"/api/v1/exchange/accounts/{account}/confirm", new { });
        using var noneForMember = await power.GetAsync("/api/v1/exchange/clients/mandate", Ct);
        var waiting = await steel.GetFromJsonAsync<JsonElement>("/api/v1/exchange/clients/mandate", Ct);
        var listed = await power.GetFromJsonAsync<JsonElement>("/api/v1/exchange/clients", Ct);
        var heldBefore = await HeldAsync(steel);
        var confirmed = await PostAsync(steel, $"/api/v1/exchange/accounts/{account}/confirm", new { });
        var again = await PostAsync(steel, $"/api/v1/exchange/accounts/{account}/decline", new { });
        var after = await SellAsync(power, account, "mandate-s2");

        Assert.Equal((HttpStatusCode.Forbidden, "NotTheClient"), declinedByMember);
        Assert.Equal((HttpStatusCode.OK, "exchange.client.declined"), declined);
        Assert.Equal(HttpStatusCode.NotFound, noPosition.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, "NotYourClient"), orderForGone);
        Assert.Equal((HttpStatusCode.OK, "exchange.client.withdrawn"), withdrawn);
        Assert.Equal(3, new[] { first, second, account }.Distinct().Count());
        Assert.Equal((HttpStatusCode.Conflict, "AwaitingClient"), before);
        Assert.Equal((HttpStatusCode.Conflict, "AwaitingClient"), listing);
        Assert.Equal((HttpStatusCode.Conflict, "AwaitingClient"), suspend);
        Assert.Equal(steelHeld, heldBefore);
        Assert.Equal((HttpStatusCode.Forbidden, "NotTheClient"), byMember);
        Assert.Equal((HttpStatusCode.Forbidden, "NotTheClient"), byOther);
        Assert.Equal(HttpStatusCode.NotFound, noneForMember.StatusCode);
        Assert.Equal((account, powerAccount, "GD-HOLD-STEEL", true),
            (waiting.GetProperty("account").GetInt64(), waiting.GetProperty("member").GetInt64(), waiting.GetProperty("holdingAccount").GetString(),
                waiting.GetProperty("mayAnswer").GetBoolean()));
        Assert.Equal("awaitingClient", Assert.Single(listed.EnumerateArray()).GetProperty("state").GetString());
        Assert.Equal((HttpStatusCode.OK, "exchange.client.confirmed"), confirmed);
        Assert.Equal((HttpStatusCode.Conflict, "AccountState"), again);
        Assert.Equal((HttpStatusCode.OK, "exchange.order.placed"), after);
    }
}
