using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenEts.Application.Exchange.MarketData;
using OpenEts.Application.Files;

namespace OpenEts.Server.Tests.Market;

/// <summary>
/// The public market pages in real Chromium: the statistics table shows the demo's published figures with the
/// inconsistent rows flagged, an import by the exchange operator adds a row that is flagged too, and an instrument's
/// K-line chart is drawn once it has trades.
/// </summary>
public sealed class MarketPagesTests(MarketBrowserServer server) : IClassFixture<MarketBrowserServer>
{
    private async Task<IPage> AnonymousAsync()
    {
        server.RequireBrowser();
        var context = await server.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, Locale = "zh-CN" });
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task Statistics_DemoAndImportedRows_ShowFiguresAndFlagTheInconsistentOnes()
    {
        var page = await AnonymousAsync();
        await page.GotoAsync("/Market/Statistics");

        var shenzhen = page.Locator("tr.stat[data-market='深圳']");
        Assert.Contains("20,623,286", await shenzhen.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("31.98", await shenzhen.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("tr.stat.flagged[data-market='深圳']").CountAsync());
        Assert.Equal(1, await page.Locator("tr.stat.flagged[data-market='天津']").CountAsync());
        Assert.Equal(1, await page.Locator("tr.stat.flagged[data-market='湖北']").CountAsync());
        Assert.Equal(0, await page.Locator("#do-import").CountAsync());

        var exchange = await server.SignInAsync("exchange");
        await exchange.GotoAsync("/Market/Statistics");
        var file = Path.Combine(Path.GetTempPath(), $"stats-{Guid.NewGuid():N}.xlsx");
        await using (var xlsx = File.Create(file))
        {
            // 1 000 万元 over 1 000 000 t is 10.00 元/t, not the 12.50 typed.
            TabularWriter.WriteXlsx(xlsx, StatisticsSheet.TemplateHeader, [["海南", "", "2017-07-19", 1_000_000, 1_000, 12.50m, "test"]]);
        }
        await exchange.SetInputFilesAsync("#upload", file);
        await exchange.ClickAsync("#do-import");
        await exchange.WaitForSelectorAsync("#import-result");
        // The import answered with a redirect: the page shown is a GET, so reloading it sends nothing again.
        Assert.Contains("/Market/Statistics?rows=1&added=1&", exchange.Url, StringComparison.Ordinal);
        // The file's one row, flagged; the demo's Tianjin and Hubei are flagged too, counted apart as the whole table's.
        Assert.Contains("已导入本文件 1 行：新增 1 行，替换 0 行；其中 1 行不一致，已标出。全表共有 3 行不一致。",
            await exchange.InnerTextAsync("#import-result"), StringComparison.Ordinal);

        var hainan = exchange.Locator("tr.stat.flagged[data-market='海南']");
        Assert.Equal(1, await hainan.CountAsync());
        Assert.Contains("10.00", await hainan.InnerTextAsync(), StringComparison.Ordinal);
        File.Delete(file);
    }

    [Fact]
    public async Task Instrument_WithTrades_DrawsTheKLineChart()
    {
        var now = server.Clock.GetUtcNow();
        for (var i = 0; i < 30; i++)
        {
            server.Feed.Add(now.AddMinutes(-30 + i), 6_000 + ((i % 7) * 10), 10 + i);
        }
        var page = await AnonymousAsync();

        await page.GotoAsync("/Market");
        await page.ClickAsync($"a[href='/Market/Instrument/{FakeMarketFeed.Instrument}']");
        await page.WaitForSelectorAsync("#kline[data-chart-ready]");

        Assert.Equal("30", await page.GetAttributeAsync("#kline", "data-chart-ready"));
        Assert.Equal(1, await page.Locator("#kline canvas").CountAsync());
        Assert.Equal(5, await page.Locator("#depth tr.bid").CountAsync());

        // A trade in a new minute arrives live: the ticker and the chart update without reloading the page.
        await page.WaitForSelectorAsync("#kline[data-stream-version]");
        server.Feed.Add(server.Clock.GetUtcNow(), 6_789, 3);
        await server.Services.GetRequiredService<MarketStream>().PublishAsync(FakeMarketFeed.Instrument, TestContext.Current.CancellationToken);
        await page.WaitForSelectorAsync("#kline[data-chart-ready='31']");

        Assert.Equal("67.89", await page.InnerTextAsync("#ticker-last"));
    }
}
