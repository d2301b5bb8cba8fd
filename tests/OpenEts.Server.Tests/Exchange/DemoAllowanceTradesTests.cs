using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// The demo's GDEA-2017 trading history (DemoAllowanceTrades, demo choices): 11 trades, 290 000 t for 4 614 000.00 yuan,
// sold by the aviation company to the paper company over the five days before the demo is first seeded, a gentle rise
// from 15.72 to a last day closing on 16.09, the demo's documented previous close.
public sealed partial class DemoAllowanceTradesTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InstrumentPage_DemoAllowances_ShowsOneDailyBarPerSeededDayAndOpensOnTheLastClose()
    {
        using var anyone = server.CreateClient();

        var page = WebUtility.HtmlDecode(await anyone.GetStringAsync(new Uri("/Market/Instrument/GDEA-2017", UriKind.Relative), Ct));

        using var chart = JsonDocument.Parse(KLineData().Match(page).Groups[1].Value);
        Assert.Equal("1d", chart.RootElement.GetProperty("interval").GetString());
        var bars = chart.RootElement.GetProperty("bars").EnumerateArray().ToList();
        var today = BeijingTime.TradingDay(server.Clock.GetUtcNow());
        Assert.Equal([.. Enumerable.Range(1, 5).Reverse().Select(d => today.AddDays(-d))],
            bars.Select(b => BeijingTime.TradingDay(b.GetProperty("start").GetDateTimeOffset())).ToList());
        Assert.Equal([2, 3, 2, 2, 2], bars.Select(b => b.GetProperty("trades").GetInt32()).ToList());
        Assert.Equal(290_000, bars.Sum(b => b.GetProperty("volume").GetInt64()));
        Assert.Equal(4_614_000.00m, bars.Sum(b => b.GetProperty("turnover").GetDecimal()));
        // The first day opens at 15.72; the last closes on 16.09 (its VWAP, 16.086, is 16.09 too), which the ticker shows as 前收盘价（元/吨）.
        Assert.Equal((15.72m, 16.09m), (bars[0].GetProperty("open").GetDecimal(), bars[^1].GetProperty("close").GetDecimal()));
        Assert.All(bars.Zip(bars.Skip(1)), p => Assert.True(p.Second.GetProperty("close").GetDecimal() > p.First.GetProperty("close").GetDecimal()));
        Assert.Contains("前收盘价（元/吨） <strong>16.09</strong>", page, StringComparison.Ordinal);
        var closes = await anyone.GetFromJsonAsync<List<JsonElement>>($"/api/v1/exchange/closes?day={today.AddDays(-1):yyyy-MM-dd}", Ct);
        Assert.Equal(16.09m, closes!.Single(c => c.GetProperty("instrument").GetString() == "GDEA-2017").GetProperty("close").GetDecimal());
    }

    [Fact]
    public async Task Registry_AfterTheDemoAllowanceTrades_MovedTheTonnesFromTheAviationToThePaperCompany()
    {
        using var regulator = await server.SignedInAsync("regulator");

        // Allocated 800 000 (aviation) and 400 000 (paper); 290 000 t traded.
        Assert.Equal(510_000, await HeldAsync(regulator, "GD-HOLD-AVIATION"));
        Assert.Equal(690_000, await HeldAsync(regulator, "GD-HOLD-PAPER"));
    }

    private static async Task<long> HeldAsync(HttpClient client, string account)
    {
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/registry/accounts/{account}/holdings", Ct);
        return view.GetProperty("holdings").EnumerateArray().Single(h => h.GetProperty("class").GetString() == "GDEA-2017").GetProperty("quantity").GetInt64();
    }

    [GeneratedRegex("<script type=\"application/json\" id=\"kline-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex KLineData();
}
