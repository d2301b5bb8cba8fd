using Microsoft.Playwright;
using OpenEts.Application.Demo;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>The public statistics of carbon inclusion in real Chromium, signed out: the demo's programme published, its
/// charts drawn, and the one cell of too few citizens withheld and said so.</summary>
public sealed class InclusionTotalsPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Totals_Anonymous_ShowTheDemoCrowdsFiguresAndChartsAndSayWhichMonthsAreWithheld()
    {
        server.RequireBrowser();
        var context = await server.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Inclusion");
        await page.ClickAsync("#to-totals-guangdong-tanpuhui");

        // Guangdong: citizen-gz, citizen-fs and ten of the crowd, more than the minimum group of 5: the totals are
        // published; seven citizens bought a 50-coin bus-fare coupon.
        Assert.Equal((2 + DemoInclusion.CrowdSize).ToString(System.Globalization.CultureInfo.InvariantCulture),
            await page.InnerTextAsync("#totals-citizens"));
        Assert.Equal("350", await page.InnerTextAsync("#totals-redeemed"));
        // The reduction is given in kilograms, and its label names no other unit.
        Assert.EndsWith(" kg", await page.InnerTextAsync("#totals-reduction"), StringComparison.Ordinal);
        Assert.Equal("累计减排", await page.InnerTextAsync("#totals-tiles .tile:has(#totals-reduction) > span"));
        Assert.Contains("5", await page.InnerTextAsync("#totals-minimum"), StringComparison.Ordinal);
        // Both charts are drawn; the rooftop PV, reported by citizen-fs alone, leaves gaps, which a note explains.
        await page.Locator("#reductions-chart canvas").First.WaitForAsync();
        await page.Locator("#coins-chart canvas").First.WaitForAsync();
        Assert.StartsWith("图中空缺的月份涉及少于 5 人，不公开", await page.InnerTextAsync("#reductions-note"), StringComparison.Ordinal);
        await context.CloseAsync();
    }
}
