using Microsoft.Playwright;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>The public statistics of carbon inclusion in real Chromium, signed out: the demo citizens' figures withheld, and a note where
/// a chart of withheld months would be empty.</summary>
public sealed class InclusionTotalsPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Totals_Anonymous_WithholdsTheTwoDemoCitizensFiguresAndSaysSoInsteadOfEmptyCharts()
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
        // Every month of both charts is withheld: a note says so where empty axes were drawn.
        Assert.StartsWith("本图各月的数据都涉及少于 5 人，不公开", await page.InnerTextAsync("#reductions-note"), StringComparison.Ordinal);
        Assert.StartsWith("本图各月的数据都涉及少于 5 人，不公开", await page.InnerTextAsync("#coins-note"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#reductions-chart, #coins-chart").CountAsync());
        await context.CloseAsync();
    }
}
