using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// A client's move offered and ended through the API on the demo market: the power company, a member, offers its client the
// steel company to the cement company, which declines it; the power company offers it again and withdraws; the steel
// company refuses a third offer; a fourth is accepted once the steel company confirms it. Each refusal names its rule: the
// wrong member or not the client answering, nothing offered, the client not yet confirmed.
public sealed class ExchangeClientMoveApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonElement Json)> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }

    private static (HttpStatusCode, string?) Rule((HttpStatusCode Status, JsonElement Json) answer) =>
        (answer.Status, answer.Json.TryGetProperty("rule", out var rule) ? rule.GetString() : answer.Json.GetProperty("event").GetString());

    [Fact]
    public async Task ClientMove_DeclinedThenWithdrawn_EndsEachOfferAndTheClientStaysUntilALaterOfferIsAccepted()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        using var steel = await server.SignedInAsync("steel-a");
        var account = await ClientAccounts.OpenSteelAsync(power, steel, Ct);
        var cementAccount = (await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/position", Ct)).GetProperty("account").GetInt64();
        var path = $"/api/v1/exchange/accounts/{account}/transfer";

        var offered = await PostAsync(power, path, new { toMember = cementAccount });
        var withdrawByCement = await PostAsync(cement, path + "/withdraw", new { });
        var declineByPower = await PostAsync(power, path + "/decline", new { reason = "not ours" });
        var declineWithoutReason = await PostAsync(cement, path + "/decline", new { });
        var declined = await PostAsync(cement, path + "/decline", new { reason = "no capacity" });
        var declinedAgain = await PostAsync(cement, path + "/decline", new { reason = "no capacity" });
        var offeredAfterDecline = await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/clients/offered", Ct);
        await PostAsync(power, path, new { toMember = cementAccount });
        var withdrawn = await PostAsync(power, path + "/withdraw", new { });
        var acceptWithdrawn = await PostAsync(cement, path + "/accept", new { });
        var powerClients = await power.GetFromJsonAsync<JsonElement>("/api/v1/exchange/clients", Ct);
        await PostAsync(power, path, new { toMember = cementAccount });
        var refusedByClient = await PostAsync(steel, path + "/refuse", new { });
        using var noMoveAfterRefusal = await steel.GetAsync("/api/v1/exchange/clients/move", Ct);
        await PostAsync(power, path, new { toMember = cementAccount });
        var acceptBeforeClient = await PostAsync(cement, path + "/accept", new { });
        var confirmByMember = await PostAsync(power, path + "/confirm", new { });
        var move = await steel.GetFromJsonAsync<JsonElement>("/api/v1/exchange/clients/move", Ct);
        var confirmed = await PostAsync(steel, path + "/confirm", new { });
        var offeredConfirmed = await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/clients/offered", Ct);
        var accepted = await PostAsync(cement, path + "/accept", new { });

        Assert.Equal((HttpStatusCode.OK, "exchange.client.transfer.offered"), Rule(offered));
        Assert.Equal((HttpStatusCode.Forbidden, "NotYourClient"), Rule(withdrawByCement));
        Assert.Equal((HttpStatusCode.Forbidden, "NotOfferedMember"), Rule(declineByPower));
        Assert.Equal((HttpStatusCode.BadRequest, "Required"), Rule(declineWithoutReason));
        Assert.Equal("reason", declineWithoutReason.Json.GetProperty("field").GetString());
        Assert.Equal((HttpStatusCode.OK, "exchange.client.transfer.declined"), Rule(declined));
        Assert.Equal(JsonValueKind.Null, declined.Json.GetProperty("account").GetProperty("transferTo").ValueKind);
        Assert.Equal((HttpStatusCode.Conflict, "NoTransferOffer"), Rule(declinedAgain));
        Assert.Equal(0, offeredAfterDecline.GetArrayLength());
        Assert.Equal((HttpStatusCode.OK, "exchange.client.transfer.withdrawn"), Rule(withdrawn));
        Assert.Equal((HttpStatusCode.Conflict, "NoTransferOffer"), Rule(acceptWithdrawn));
        var stays = Assert.Single(powerClients.EnumerateArray());
        Assert.Equal((account, "open", JsonValueKind.Null),
            (stays.GetProperty("account").GetInt64(), stays.GetProperty("state").GetString(), stays.GetProperty("transferTo").ValueKind));
        Assert.Equal((HttpStatusCode.OK, "exchange.client.transfer.refused"), Rule(refusedByClient));
        Assert.Equal(JsonValueKind.Null, refusedByClient.Json.GetProperty("account").GetProperty("transferTo").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, noMoveAfterRefusal.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, "ClientMoveUnconfirmed"), Rule(acceptBeforeClient));
        Assert.Equal((HttpStatusCode.Forbidden, "NotTheClient"), Rule(confirmByMember));
        Assert.Equal((account, cementAccount, "北江示范水泥有限公司", false, true),
            (move.GetProperty("account").GetInt64(), move.GetProperty("toMember").GetInt64(), move.GetProperty("toMemberName").GetString(),
                move.GetProperty("confirmed").GetBoolean(), move.GetProperty("mayAnswer").GetBoolean()));
        Assert.Equal((HttpStatusCode.OK, "exchange.client.transfer.confirmed"), Rule(confirmed));
        Assert.True(Assert.Single(offeredConfirmed.EnumerateArray()).GetProperty("transferConfirmed").GetBoolean());
        Assert.Equal((HttpStatusCode.OK, "exchange.client.transferred"), Rule(accepted));
        Assert.Equal(cementAccount, accepted.Json.GetProperty("account").GetProperty("member").GetInt64());
    }
}
