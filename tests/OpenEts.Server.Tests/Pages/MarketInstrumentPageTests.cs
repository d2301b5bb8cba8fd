using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// An instrument's public market page as a visitor reads it: a heading naming it, the ticker's open, trade count, last
// trade time and block turnover, an empty book said so, and an interval the chart does not offer said so.
public sealed class MarketInstrumentPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // 100 t of GDEA-2017 offered by one company and bid for by another at price (the keys named by key).
    private async Task TradeAsync(decimal price, string key)
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        using var sold = await power.PostAsJsonAsync("/api/v1/exchange/orders",
            new { instrument = "GDEA-2017", side = "sell", type = "limit", price, quantity = 100, idempotencyKey = key + "-sell" }, Ct);
        using var bought = await cement.PostAsJsonAsync("/api/v1/exchange/orders",
            new { instrument = "GDEA-2017", side = "buy", type = "limit", price, quantity = 100, idempotencyKey = key + "-buy" }, Ct);
        Assert.True(sold.IsSuccessStatusCode && bought.IsSuccessStatusCode);
    }

    [Fact]
    public async Task MarketPage_ChartsEachInstrumentsOfficialCloses_TheSameAsThePublishedCloses_OnAnAxisFittedToThePrices()
    {
        using var anonymous = server.CreateClient();

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/Market", UriKind.Relative), Ct));
        var closes = await anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/exchange/closes", Ct);

        var json = Regex.Match(page, "<script type=\"application/json\" id=\"chart-close-trend\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        var chart = System.Text.Json.JsonDocument.Parse(json).RootElement;
        var days = chart.GetProperty("categories").EnumerateArray().Select(d => d.GetString()!).ToList();
        var charted = chart.GetProperty("series").EnumerateArray()
            .SelectMany(s => s.GetProperty("data").EnumerateArray().Select((v, i) => (Instrument: s.GetProperty("name").GetString()!, Day: days[i], v)))
            .Where(p => p.v.ValueKind == System.Text.Json.JsonValueKind.Number)
            .Select(p => (p.Instrument, p.Day, Close: p.v.GetDecimal())).Order().ToList();
        var published = closes.EnumerateArray()
            .Select(c => (Instrument: c.GetProperty("instrument").GetString()!, Day: c.GetProperty("day").GetString()!, Close: c.GetProperty("close").GetDecimal()))
            .Order().ToList();

        // The demo's five days of closes of its three instruments, oldest day first.
        Assert.NotEmpty(published);
        Assert.Equal(published, charted);
        Assert.Equal(days.Order(StringComparer.Ordinal), days);
        Assert.Equal("line", chart.GetProperty("kind").GetString());
        Assert.True(chart.GetProperty("scale").GetBoolean());
        Assert.Contains("<h2 id=\"close-trend-title\">收盘价走势</h2>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstrumentPage_WithAnEmptyBook_SaysThereAreNoOrders()
    {
        using var anonymous = server.CreateClient();

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/Market/Instrument/FFCER-FJ0001-2016", UriKind.Relative), Ct));

        Assert.Contains("<h1>品种行情 <span class=\"mono\" id=\"instrument-code\">FFCER-FJ0001-2016</span></h1>", page, StringComparison.Ordinal);
        Assert.Contains("<tr id=\"depth-empty\"><td colspan=\"4\">暂无委托。</td></tr>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstrumentPage_AfterATrade_ShowsTheOpenTheTradeCountAndWhenItTraded()
    {
        await TradeAsync(16.50m, "ticker");
        using var anonymous = server.CreateClient();

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/Market/Instrument/GDEA-2017", UriKind.Relative), Ct));

        Assert.Contains("开盘价（元/吨） <strong id=\"ticker-open\">16.50</strong>", page, StringComparison.Ordinal);
        // Every price in the ticker names its unit, as the last price does.
        Assert.Contains("最高（元/吨） <strong id=\"ticker-high\">", page, StringComparison.Ordinal);
        Assert.Contains("最低（元/吨） <strong id=\"ticker-low\">", page, StringComparison.Ordinal);
        Assert.Contains("前收盘价（元/吨） <strong>", page, StringComparison.Ordinal);
        var market = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/Market", UriKind.Relative), Ct));
        Assert.Contains("<th class=\"num\">最高（元/吨）</th><th class=\"num\">最低（元/吨）</th>", market, StringComparison.Ordinal);
        Assert.Contains("<th class=\"num\">前收盘价（元/吨）</th>", market, StringComparison.Ordinal);
        Assert.Matches("成交笔数 <strong id=\"ticker-trades\">[1-9][0-9]*</strong>", page);
        // The display zone's offset rides along for the live updates, which write the time as the server does.
        Assert.Matches("最新成交时间 <strong id=\"ticker-last-at\" data-zone-minutes=\"480\">[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}", page);
        Assert.Contains("大宗成交额（元） <strong id=\"ticker-block-turnover\">0.00</strong>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarketPages_AfterATrade_ShowTheChangeInYuanBesideThePercentage()
    {
        await TradeAsync(16.80m, "change");
        using var anonymous = server.CreateClient();
        var ticker = await anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/market/GDEA-2017/ticker", Ct);
        var change = ticker.GetProperty("last").GetDecimal() - ticker.GetProperty("previousClose").GetDecimal();
        var shown = (change > 0 ? "+" : "") + change.ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("zh-CN"));

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/Market/Instrument/GDEA-2017", UriKind.Relative), Ct));
        var market = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/Market", UriKind.Relative), Ct));

        Assert.NotEqual(0m, change);
        Assert.Contains($"涨跌（元/吨） <strong id=\"ticker-change-yuan\">{shown}</strong>", page, StringComparison.Ordinal);
        Assert.Contains("<span>涨跌幅 <strong id=\"ticker-change\">", page, StringComparison.Ordinal);
        Assert.Contains("<th class=\"num\">涨跌（元/吨）</th><th class=\"num\">涨跌幅</th>", market, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"num ticker-change-yuan\">{shown}</td>", market, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstrumentPage_ACodeNotListed_IsAPageNamingItAndLinkingTheListedInstruments()
    {
        using var anonymous = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        anonymous.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var response = await anonymous.GetAsync(new Uri("/Market/Instrument/CEA-2099", UriKind.Relative), Ct);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<p class=\"alert bad\" role=\"alert\" id=\"instrument-unlisted\">“CEA-2099”不是挂牌交易的品种", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Market/Instrument/GDEA-2017\" class=\"mono\">GDEA-2017</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstrumentPage_ACodeInOtherLetterCase_GoesToThatInstrumentKeepingTheInterval()
    {
        using var anonymous = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync(new Uri("/Market/Instrument/gdea-2017?interval=1d", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Market/Instrument/GDEA-2017?interval=1d", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task InstrumentPage_AnIntervalNotOffered_SaysSoAndNamesTheOnesThatAre()
    {
        using var anonymous = server.CreateClient();

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/Market/Instrument/GDEA-2017?interval=5m", UriKind.Relative), Ct));

        var alert = Regex.Match(page, "<p class=\"alert bad\" role=\"alert\" id=\"interval-refused\">[^<]*</p>").Value;
        Assert.Contains("“5m”", alert, StringComparison.Ordinal);
        Assert.Contains("1m", alert, StringComparison.Ordinal);
        Assert.Contains("1d", alert, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstrumentPage_ThinMarket_OpensOnTheDailyChart_AndTheMinuteChartWhenAskedFor()
    {
        using var anonymous = server.CreateClient();

        // The demo's FJ0001 traded on four days before today, a few trades a day: its days show on the daily chart.
        var opened = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/Market/Instrument/FFCER-FJ0001-2016", UriKind.Relative), Ct));
        var minutes = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/Market/Instrument/FFCER-FJ0001-2016?interval=1m", UriKind.Relative), Ct));

        Assert.Contains("\"interval\":\"1d\"", opened, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(opened, "\"volume\":"));
        Assert.Contains("id=\"interval-1d\" aria-current=\"true\"", opened, StringComparison.Ordinal);
        Assert.Contains("\"interval\":\"1m\"", minutes, StringComparison.Ordinal);
        Assert.Contains("id=\"interval-1m\" aria-current=\"true\"", minutes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstrumentPage_DailyKLines_AreAlsoATableOfTheSameBarsAsTheApi()
    {
        using var anonymous = server.CreateClient();
        // The demo's settled trades over the days before the first start make the daily bars.
        var api = await anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/market/GDEA-2017/klines?interval=1d", Ct);

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/Market/Instrument/GDEA-2017?interval=1d", UriKind.Relative), Ct));

        var bars = api.GetProperty("bars").EnumerateArray().ToList();
        Assert.NotEmpty(bars);
        var rows = Regex.Matches(page, "<tr class=\"kline-bar\"><th scope=\"row\" class=\"nowrap\">([0-9-]+)</th>\\s*<td class=\"num\">([0-9.,]+)</td><td class=\"num\">([0-9.,]+)</td><td class=\"num\">([0-9.,]+)</td><td class=\"num\">([0-9.,]+)</td>\\s*<td class=\"num\">([0-9,]+)</td>")
            .Select(m => (Day: m.Groups[1].Value, Open: m.Groups[2].Value, Close: m.Groups[5].Value, Volume: m.Groups[6].Value)).ToList();
        // One row a bar, each the bar's day in Beijing, its open and close in yuan and its volume in tonnes.
        Assert.Equal(bars.Select(b => (
                b.GetProperty("start").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                b.GetProperty("open").GetDecimal().ToString("N2", System.Globalization.CultureInfo.InvariantCulture),
                b.GetProperty("close").GetDecimal().ToString("N2", System.Globalization.CultureInfo.InvariantCulture),
                b.GetProperty("volume").GetInt64().ToString("N0", System.Globalization.CultureInfo.InvariantCulture))),
            rows);
        Assert.Contains("<summary>图表数据（表格）</summary>", page, StringComparison.Ordinal);
    }
}
