using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// An instrument's switchable rules through the API on the demo market (GDEA-2017 at 16.09, band 14.49–17.69): the
// exchange's staff switch them, a member may not. With T+1 on, what the cement company bought today cannot be sold today.
// The rules stay switched for this class's server, so the class has its own.
public sealed class ExchangeRulesApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json;
    }

    private static async Task<long> FreeAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/exchange/position", Ct)).GetProperty("lines").EnumerateArray()
            .Single(l => l.GetProperty("instrument").GetString() == "GDEA-2017").GetProperty("free").GetInt64();

    [Fact]
    public async Task Rules_ResaleNextDayOnByTheStaff_RefusesSellingTodaysPurchaseWith409NamingTheRule()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        using var staff = await server.SignedInAsync("exchange");

        using var byMember = await power.PostAsJsonAsync("/api/v1/exchange/instruments/GDEA-2017/rules", new { resaleNextDay = true }, Ct);
        var switched = await PostAsync(staff, "/api/v1/exchange/instruments/GDEA-2017/rules", new { resaleNextDay = true });
        var listed = (await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/instruments", Ct)).EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "GDEA-2017");
        // Park the cement company's allowances in sells at the top of the band until less than one order's worth is free.
        for (var i = 0; await FreeAsync(cement) > 99_999; i++)
        {
            await PostAsync(cement, "/api/v1/exchange/orders",
                new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 17.69m, quantity = 99_999, idempotencyKey = "api-t1-park-" + i });
        }
        var older = await FreeAsync(cement);
        await PostAsync(power, "/api/v1/exchange/orders", new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 16.50m, quantity = 100, idempotencyKey = "api-t1-s" });
        await PostAsync(cement, "/api/v1/exchange/orders", new { instrument = "GDEA-2017", side = "buy", type = "limit", price = 16.50m, quantity = 100, idempotencyKey = "api-t1-b" });
        using var resale = await cement.PostAsJsonAsync("/api/v1/exchange/orders",
            new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 16.60m, quantity = older + 1, idempotencyKey = "api-t1-sell" }, Ct);
        var problem = await resale.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal("exchange.instrument.rules-set", switched.GetProperty("event").GetString());
        Assert.Equal((true, false), (listed.GetProperty("resaleNextDay").GetBoolean(), listed.GetProperty("bestFiveLevels").GetBoolean()));
        Assert.Equal(HttpStatusCode.Conflict, resale.StatusCode);
        Assert.Equal(("ResaleNextDay", "quantity"), (problem.GetProperty("rule").GetString(), problem.GetProperty("field").GetString()));
        Assert.Equal(older + 100, await FreeAsync(cement));
    }

    [Fact]
    public async Task Rules_BestFiveLevelsOnThenOff_ShowOnTheInstrumentAndKeepTheOtherRule()
    {
        using var staff = await server.SignedInAsync("exchange");

        await PostAsync(staff, "/api/v1/exchange/instruments/GDEA-2017/rules", new { bestFiveLevels = true });
        var on = await InstrumentAsync(staff);
        await PostAsync(staff, "/api/v1/exchange/instruments/GDEA-2017/rules", new { bestFiveLevels = false });
        var off = await InstrumentAsync(staff);
        using var unlisted = await staff.PostAsJsonAsync("/api/v1/exchange/instruments/CEA-2099/rules", new { bestFiveLevels = true }, Ct);

        Assert.True(on.GetProperty("bestFiveLevels").GetBoolean());
        Assert.False(off.GetProperty("bestFiveLevels").GetBoolean());
        Assert.Equal(on.GetProperty("resaleNextDay").GetBoolean(), off.GetProperty("resaleNextDay").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, unlisted.StatusCode);
    }

    private static async Task<JsonElement> InstrumentAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/exchange/instruments", Ct)).EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "GDEA-2017");
}
