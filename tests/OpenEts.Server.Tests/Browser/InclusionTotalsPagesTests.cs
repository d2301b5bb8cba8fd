using Microsoft.Playwright;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>The public statistics of carbon inclusion in real Chromium, signed out: tiles from the demo citizens and both charts drawn.</summary>
public sealed class InclusionTotalsPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Totals_Anonymous_WithholdsTheTwoDemoCitizensFiguresAndStillDrawsBothCharts()
    {
        server.RequireBrowser();
        var context = await server.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Inclusion");
        await page.ClickAsync("#to-totals-guangdong-tanpuhui");

        // Guangdong has two demo citizens, fewer than the minimum group of 5: no figure about them is published.
        Assert.Equal("少于 5 人，不公开", await page.InnerTextAsync("#totals-citizens"));
        Assert.Equal("少于 5 人，不公开", await page.InnerTextAsync("#totals-redeemed"));
        Assert.Contains("5", await page.InnerTextAsync("#totals-minimum"), StringComparison.Ordinal);
        Assert.NotNull(await page.WaitForSelectorAsync("#reductions-chart[data-chart-ready]"));
        Assert.NotNull(await page.WaitForSelectorAsync("#coins-chart[data-chart-ready]"));
        Assert.True(int.Parse(await page.GetAttributeAsync("#reductions-chart", "data-chart-ready") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0);
        await context.CloseAsync();
    }
}
