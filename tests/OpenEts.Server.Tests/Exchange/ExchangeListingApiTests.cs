using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// Click-on-listing (挂牌点选) through the API on the demo market (GDEA-2017 at 16.09, the power and cement companies with
// trading accounts and demo cash): listed, seen by the other member, picked in part and settled at once, withdrawn;
// refusals naming their rule; a member listing for its client (客户).
public sealed class ExchangeListingApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json;
    }

    private static async Task<(HttpStatusCode Status, string Body)> TryPostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Listing_PostedThenPickedInPart_SettlesAtOnceAndTheListerWithdrawsTheRest()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");

        var listing = (await PostAsync(power, "/api/v1/exchange/listings", new
        {
            instrument = "GDEA-2017", side = "sell", price = 16.09m, quantity = 1_000, minimumTake = 100, idempotencyKey = "api-listing-1",
        })).GetProperty("listing");
        var id = listing.GetProperty("id").GetInt64();
        var seen = (await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/listings", Ct)).EnumerateArray().Single(l => l.GetProperty("id").GetInt64() == id);
        var picked = await PostAsync(cement, $"/api/v1/exchange/listings/{id}/pick", new { quantity = 400, idempotencyKey = "api-pick-1" });
        var trades = await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/listing-trades", Ct);
        var withdrawn = await PostAsync(power, $"/api/v1/exchange/listings/{id}/withdraw", new { });

        Assert.Equal(("sell", "open", true), (listing.GetProperty("side").GetString(), listing.GetProperty("status").GetString(), listing.GetProperty("mine").GetBoolean()));
        Assert.False(seen.GetProperty("mine").GetBoolean());
        var trade = picked.GetProperty("listingTrade");
        // 400 t × 16.09 = 6 436.00 yuan; the buyer's fee 0.05 % = 3.218, rounded down to 3.21 yuan.
        Assert.Equal(("exchange.listing.picked", "buy", 6_436m, 3.21m, 600L), (picked.GetProperty("event").GetString(), trade.GetProperty("side").GetString(),
            trade.GetProperty("value").GetDecimal(), trade.GetProperty("fee").GetDecimal(), picked.GetProperty("listing").GetProperty("left").GetInt64()));
        Assert.Contains(trades.EnumerateArray(), t => t.GetProperty("id").GetInt64() == trade.GetProperty("id").GetInt64());
        Assert.Equal(("exchange.listing.withdrawn", "withdrawn"),
            (withdrawn.GetProperty("event").GetString(), withdrawn.GetProperty("listing").GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Listing_PicksAndTermsBreakingARule_AreRefusedNamingTheRule()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        using var anonymous = server.CreateClient();
        var id = (await PostAsync(power, "/api/v1/exchange/listings", new
        {
            instrument = "GDEA-2017", side = "sell", price = 16.50m, quantity = 1_000, minimumTake = 500, idempotencyKey = "api-listing-2",
        })).GetProperty("listing").GetProperty("id").GetInt64();

        // The band is ±10 % of 16.09: 14.49–17.69.
        var band = await TryPostAsync(power, "/api/v1/exchange/listings", new
        {
            instrument = "GDEA-2017", side = "sell", price = 17.70m, quantity = 100, idempotencyKey = "api-listing-band",
        });
        var small = await TryPostAsync(cement, $"/api/v1/exchange/listings/{id}/pick", new { quantity = 100, idempotencyKey = "api-pick-small" });
        var own = await TryPostAsync(power, $"/api/v1/exchange/listings/{id}/pick", new { idempotencyKey = "api-pick-own" });
        await PostAsync(power, $"/api/v1/exchange/listings/{id}/withdraw", new { });
        var gone = await TryPostAsync(cement, $"/api/v1/exchange/listings/{id}/pick", new { idempotencyKey = "api-pick-gone" });
        using var unseen = await anonymous.GetAsync("/api/v1/exchange/listings", Ct);

        Assert.True(band.Status == HttpStatusCode.BadRequest, band.Body);
        Assert.True(band.Body.Contains("PriceBand", StringComparison.Ordinal), band.Body);
        Assert.Equal(HttpStatusCode.BadRequest, small.Status);
        Assert.Contains("MinimumTake", small.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, own.Status);
        Assert.Contains("SelfTrade", own.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, gone.Status);
        Assert.Contains("UnknownListing", gone.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, unseen.StatusCode);
    }

    [Fact]
    public async Task Pick_SameIdempotencyKeyHeaderTwice_TradesOnceAndAnswersTheSecondWithTheFirstPick()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        // Below every other sell listing of the class (band 14.49–17.69), so it is the one to pick.
        var id = (await PostAsync(power, "/api/v1/exchange/listings", new
        {
            instrument = "GDEA-2017", side = "sell", price = 14.50m, quantity = 300, idempotencyKey = "api-listing-keyed",
        })).GetProperty("listing").GetProperty("id").GetInt64();

        var first = await PickWithHeaderAsync(cement, id, "pick-double-click");
        var second = await PickWithHeaderAsync(cement, id, "pick-double-click");
        var otherListing = await TryPostAsync(cement, "/api/v1/exchange/listings/999999/pick", new { idempotencyKey = "pick-double-click" });
        var trades = (await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/listing-trades", Ct)).EnumerateArray()
            .Where(t => t.GetProperty("listing").GetInt64() == id).ToList();

        Assert.False(first.GetProperty("duplicate").GetBoolean());
        Assert.True(second.GetProperty("duplicate").GetBoolean());
        Assert.Equal(Settled(first), Settled(second));
        Assert.Equal(("filled", 300L), (second.GetProperty("listing").GetProperty("status").GetString(), second.GetProperty("listing").GetProperty("taken").GetInt64()));
        Assert.Single(trades);
        Assert.Equal(HttpStatusCode.Conflict, otherListing.Status);
        Assert.Contains("KeyReused", otherListing.Body, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> PickWithHeaderAsync(HttpClient client, long listing, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/exchange/listings/{listing}/pick") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json;
    }

    // What a pick settled as the answer shows it: the trade (its time to the stored millisecond) and the listing's state.
    private static (string?, long, long, decimal, decimal, decimal, long, string?, long, DateTimeOffset) Settled(JsonElement answer)
    {
        var t = answer.GetProperty("listingTrade");
        var l = answer.GetProperty("listing");
        var at = t.GetProperty("at").GetDateTimeOffset();
        return (answer.GetProperty("subject").GetString(), t.GetProperty("id").GetInt64(), t.GetProperty("quantity").GetInt64(),
            t.GetProperty("price").GetDecimal(), t.GetProperty("value").GetDecimal(), t.GetProperty("fee").GetDecimal(), l.GetProperty("left").GetInt64(),
            l.GetProperty("status").GetString(), l.GetProperty("taken").GetInt64(), DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()));
    }

    [Fact]
    public async Task Listing_PostedByAMemberForItsClient_SettlesForTheClientWhoSeesTheTrade()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        using var steel = await server.SignedInAsync("steel-a");
        var client = await ClientAccounts.OpenSteelAsync(power, steel, Ct);

        // A buy listing at the top of the band (16.09 ± 10 %: 17.69 at most): the best buy, whatever the other tests listed.
        var listing = (await PostAsync(power, "/api/v1/exchange/listings", new
        {
            instrument = "GDEA-2017", side = "buy", price = 17.65m, quantity = 200, idempotencyKey = "api-client-listing", account = client,
        })).GetProperty("listing");
        var id = listing.GetProperty("id").GetInt64();
        var forClient = (await power.GetFromJsonAsync<JsonElement>($"/api/v1/exchange/listings?account={client}", Ct)).EnumerateArray()
            .Single(l => l.GetProperty("id").GetInt64() == id);
        var forMember = (await power.GetFromJsonAsync<JsonElement>("/api/v1/exchange/listings", Ct)).EnumerateArray()
            .Single(l => l.GetProperty("id").GetInt64() == id);
        var picked = await PostAsync(cement, $"/api/v1/exchange/listings/{id}/pick", new { idempotencyKey = "api-client-pick" });
        var clientTrades = await power.GetFromJsonAsync<JsonElement>($"/api/v1/exchange/listing-trades?account={client}", Ct);
        var clientsOwn = await steel.GetFromJsonAsync<JsonElement>("/api/v1/exchange/listing-trades", Ct);
        var byOthers = await cement.GetFromJsonAsync<JsonElement>($"/api/v1/exchange/listing-trades?account={client}", Ct);

        Assert.True(forClient.GetProperty("mine").GetBoolean());
        Assert.False(forMember.GetProperty("mine").GetBoolean());
        var trade = picked.GetProperty("listingTrade").GetProperty("id").GetInt64();
        var seen = Assert.Single(clientTrades.EnumerateArray());
        Assert.Equal((trade, "buy", 200L), (seen.GetProperty("id").GetInt64(), seen.GetProperty("side").GetString(), seen.GetProperty("quantity").GetInt64()));
        Assert.Equal([trade], clientsOwn.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
        Assert.Empty(byOthers.EnumerateArray());
    }
}
