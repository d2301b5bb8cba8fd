using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// The demo's FFCER trades (offsets-and-inclusion.md §4.2: 274 200 t traded for 5.25 M yuan by 2017-11-30), replayed on
// the exchange over the five days before the demo is first seeded: FFCER-FJ0001-2016 and FFCER-FJ0002-2016 sold by the paper
// company (their owner) to the power and cement companies.
public sealed class DemoForestryTradesTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static readonly string[] Instruments = ["FFCER-FJ0001-2016", "FFCER-FJ0002-2016"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Market_DemoForestryInstruments_ShowTheSourcesVolumeAndValueAsDailyBars()
    {
        using var anyone = server.CreateClient();

        var market = await anyone.GetStringAsync("/Market", Ct);
        var bars = new List<JsonElement>();
        foreach (var code in Instruments)
        {
            var view = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/market/{code}/klines?interval=1d", Ct);
            bars.AddRange(view.GetProperty("bars").EnumerateArray());
            Assert.Contains($"/Market/Instrument/{code}", market, StringComparison.Ordinal);
        }

        // Four trading days each (FJ0001 the 5th to 2nd day before, FJ0002 the 4th to the last), ten trades in all.
        Assert.Equal(8, bars.Count);
        Assert.Equal(10, bars.Sum(b => b.GetProperty("trades").GetInt32()));
        Assert.Equal(274_200, bars.Sum(b => b.GetProperty("volume").GetInt64()));
        Assert.Equal(5_250_000.00m, bars.Sum(b => b.GetProperty("turnover").GetDecimal()));
        Assert.All(bars, b => Assert.InRange(b.GetProperty("close").GetDecimal(), 18.60m, 19.60m));
    }

    [Fact]
    public async Task Market_DemoForestryInstruments_OpenOnTheirLastSeededCloseWithItsBand()
    {
        using var anyone = server.CreateClient();
        using var power = await server.SignedInAsync("power-a");

        var fj0001 = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/market/{Instruments[0]}/ticker", Ct);
        var fj0002 = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/market/{Instruments[1]}/ticker", Ct);
        var page = System.Net.WebUtility.HtmlDecode(await power.GetStringAsync(new Uri("/Exchange", UriKind.Relative), Ct));

        // FJ0001 last traded 35 000 t at 19.45 two days before; FJ0002 the day before, 23 100 t at 19.40 and 14 100 t at
        // 19.60: VWAP 724 500 / 37 200 = 19.4758… → 19.48, band ±10 % → 17.54–21.42.
        Assert.Equal(19.45m, fj0001.GetProperty("previousClose").GetDecimal());
        Assert.Equal(19.48m, fj0002.GetProperty("previousClose").GetDecimal());
        var row = System.Text.RegularExpressions.Regex.Match(page, $"<tr class=\"instrument\" data-instrument=\"{Instruments[1]}\">.*?</tr>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("<td class=\"num\">19.48</td><td>17.54–21.42</td>", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_AfterTheDemoForestryTrades_HoldsTheBoughtUnitsWithTheBuyersAndTheRestWithTheOwner()
    {
        using var paper = await server.SignedInAsync("paper-a");
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");

        var paperHeld = await HeldAsync(paper, "GD-HOLD-PAPER");
        var powerHeld = await HeldAsync(power, "GD-HOLD-POWER");
        var cementHeld = await HeldAsync(cement, "GD-HOLD-CEMENT");

        // FJ0001: 180 000 issued, 36 000 to the buffer, 144 000 to the owner; 142 000 sold (95 000 + 47 000).
        // FJ0002: 166 427 issued, 33 286 to the buffer, 133 141 to the owner; 132 200 sold (89 100 + 43 100).
        Assert.Equal((2_000L, 941L), (paperHeld[Instruments[0]], paperHeld[Instruments[1]]));
        Assert.Equal((95_000L, 89_100L), (powerHeld[Instruments[0]], powerHeld[Instruments[1]]));
        Assert.Equal((47_000L, 43_100L), (cementHeld[Instruments[0]], cementHeld[Instruments[1]]));
    }

    private static async Task<Dictionary<string, long>> HeldAsync(HttpClient client, string account)
    {
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/registry/accounts/{account}/holdings", Ct);
        return view.GetProperty("holdings").EnumerateArray()
            .ToDictionary(h => h.GetProperty("class").GetString()!, h => h.GetProperty("quantity").GetInt64());
    }
}
