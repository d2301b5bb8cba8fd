using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// Two instruments of one unit class: the end of day of a day one of them has already closed counts, in the clearing
// account, the units the other still holds there for its open sells. Before, it counted only the open sells of the
// instruments it was closing, found the other's tonnes as a difference and halted the instrument it closed.
public sealed class ExchangeEndOfDaySharedClassApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EndOfDay_SecondInstrumentOfAClassWhoseFirstHoldsASellInClearing_ClosesWithoutADifference()
    {
        using var exchange = await server.SignedInAsync("exchange");
        using var power = await server.SignedInAsync("power-a");
        using var listed = await exchange.PostAsJsonAsync("/api/v1/exchange/instruments",
            new { code = "GDEA-2017-B", @class = "GDEA-2017", referencePrice = 16.09m, calendar = "all-day" }, Ct);
        Assert.True(listed.IsSuccessStatusCode, await listed.Content.ReadAsStringAsync(Ct));
        using var sell = await power.PostAsJsonAsync("/api/v1/exchange/orders",
            new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 17.50m, quantity = 1000, idempotencyKey = "eod-shared-sell" }, Ct);
        Assert.True(sell.IsSuccessStatusCode, await sell.Content.ReadAsStringAsync(Ct));
        // The demo ended its last seeded day for GDEA-2017; the new instrument has never been closed.
        var closedDay = (await exchange.GetFromJsonAsync<JsonElement>("/api/v1/exchange/closes", Ct)).EnumerateArray()
            .Where(c => c.GetProperty("instrument").GetString() == "GDEA-2017").Max(c => c.GetProperty("day").GetString())!;

        using var done = await exchange.PostAsJsonAsync("/api/v1/exchange/end-of-day", new { day = closedDay }, Ct);
        var outcome = (await done.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("endOfDay");
        var instruments = await exchange.GetFromJsonAsync<JsonElement>("/api/v1/exchange/instruments", Ct);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(0, outcome.GetProperty("mismatches").GetArrayLength());
        Assert.Equal(["GDEA-2017-B"], outcome.GetProperty("closed").EnumerateArray().Select(c => c.GetProperty("instrument").GetString()));
        Assert.False(instruments.EnumerateArray().Single(i => i.GetProperty("code").GetString() == "GDEA-2017-B").GetProperty("halted").GetBoolean());
    }
}
