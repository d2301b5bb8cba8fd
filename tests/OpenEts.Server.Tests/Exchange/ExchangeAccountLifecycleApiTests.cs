using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// A client account's life through the API on the demo market: the power company, a member, suspends its client the steel
// company (its resting sell cancelled, new orders refused naming AccountSuspended), reinstates it and offers it to the
// cement company; the steel company confirms and the cement company accepts; another member cannot touch the client.
public sealed class ExchangeAccountLifecycleApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonElement Json)> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }

    private static Task<(HttpStatusCode Status, JsonElement Json)> SellAsync(HttpClient client, long account, string key) =>
        PostAsync(client, "/api/v1/exchange/orders",
            new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 17.50m, quantity = 100, idempotencyKey = key, account });

    [Fact]
    public async Task ClientAccount_SuspendedReinstatedAndMoved_RefusesOrdersWhileSuspendedAndEndsWithTheNewMember()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        using var steel = await server.SignedInAsync("steel-a");
        var account = await ClientAccounts.OpenSteelAsync(power, steel, Ct);
        var cementAccount = (await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/position", Ct)).GetProperty("account").GetInt64();
        var (_, resting) = await SellAsync(power, account, "life-s1");

        var (foreignStatus, foreign) = await PostAsync(cement, $"/api/v1/exchange/accounts/{account}/suspend", new { });
        var (suspendStatus, suspended) = await PostAsync(power, $"/api/v1/exchange/accounts/{account}/suspend", new { reason = "KYC review" });
        var (refusedStatus, refused) = await SellAsync(power, account, "life-s2");
        var orders = await power.GetFromJsonAsync<JsonElement>($"/api/v1/exchange/orders?account={account}", Ct);
        var (reinstateStatus, _) = await PostAsync(power, $"/api/v1/exchange/accounts/{account}/reinstate", new { });
        var (offerStatus, offer) = await PostAsync(power, $"/api/v1/exchange/accounts/{account}/transfer", new { toMember = cementAccount });
        var offered = await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/clients/offered", Ct);
        var (confirmStatus, _) = await PostAsync(steel, $"/api/v1/exchange/accounts/{account}/transfer/confirm", new { });
        var (acceptStatus, accepted) = await PostAsync(cement, $"/api/v1/exchange/accounts/{account}/transfer/accept", new { });
        var cementClients = await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/clients", Ct);
        var powerClients = await power.GetFromJsonAsync<JsonElement>("/api/v1/exchange/clients", Ct);

        Assert.Equal((HttpStatusCode.Forbidden, "NotYourClient"), (foreignStatus, foreign.GetProperty("rule").GetString()));
        Assert.Equal((HttpStatusCode.OK, "exchange.account.suspended", "suspended"),
            (suspendStatus, suspended.GetProperty("event").GetString(), suspended.GetProperty("account").GetProperty("state").GetString()));
        Assert.Equal((HttpStatusCode.Conflict, "AccountSuspended"), (refusedStatus, refused.GetProperty("rule").GetString()));
        var order = orders.EnumerateArray().Single(o => o.GetProperty("id").GetInt64() == resting.GetProperty("order").GetProperty("id").GetInt64());
        Assert.Equal(("cancelled", "accountSuspended"), (order.GetProperty("status").GetString(), order.GetProperty("reason").GetString()));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (reinstateStatus, offerStatus, confirmStatus, acceptStatus));
        Assert.Equal(cementAccount, offer.GetProperty("account").GetProperty("transferTo").GetInt64());
        Assert.Equal(account, Assert.Single(offered.EnumerateArray()).GetProperty("account").GetInt64());
        Assert.Equal(("exchange.client.transferred", cementAccount),
            (accepted.GetProperty("event").GetString(), accepted.GetProperty("account").GetProperty("member").GetInt64()));
        var moved = Assert.Single(cementClients.EnumerateArray());
        Assert.Equal((account, "open"), (moved.GetProperty("account").GetInt64(), moved.GetProperty("state").GetString()));
        Assert.Equal(0, powerClients.GetArrayLength());
    }
}
