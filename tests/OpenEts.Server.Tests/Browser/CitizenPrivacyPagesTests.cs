using Microsoft.Playwright;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// A person's whole life as a citizen in real Chromium, on a phone-sized screen: sign-up with explicit consent, an
/// action, the download of everything held, and erasure, after which the pseudonym no longer signs in.
/// </summary>
public sealed class CitizenPrivacyPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Citizen_SignsUpRecordsExportsAndErases_TheExportHoldsTheirDataAndTheAccountIsGone()
    {
        server.RequireBrowser();
        var context = await server.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Inclusion");
        await page.ClickAsync("#to-signup");

        Assert.Contains("400", await page.InnerTextAsync("#notice-actions"), StringComparison.Ordinal);
        await page.FillAsync("#signup-nickname", "小林");
        await page.FillAsync("#signup-contact", "13800138000");
        await page.FillAsync("#signup-password", "walk-to-work-2026");
        await page.ClickAsync("#signup-submit");
        Assert.NotNull(await page.WaitForSelectorAsync("#incl-error"));
        await page.FillAsync("#signup-password", "walk-to-work-2026");
        await page.CheckAsync("#signup-agree");
        await page.ClickAsync("#signup-submit");
        var id = (await page.InnerTextAsync("#signed-up-id")).Trim();
        Assert.Matches("^c[a-z2-7]{12}$", id);

        await page.ClickAsync("#to-login");
        await page.FillAsync("#UserName", id);
        await page.FillAsync("#Password", "walk-to-work-2026");
        await page.ClickAsync("#signin");
        await BrowserServer.WaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/Inclusion/Me");
        await page.SelectOptionAsync("#record-programme", "shenzhen-tanpuhui");
        await page.SelectOptionAsync("#record-behaviour", "bus");
        await page.FillAsync("#record-quantity", "12.5");
        await page.FillAsync("#record-minutes", "30");
        await page.ClickAsync("#record-submit");
        // Shenzhen's battery-electric bus: 26.9 g/person-km × 12.5 km = 336.25 g.
        Assert.Equal("336.25", await page.InnerTextAsync("#recorded-grams"));

        await page.ClickAsync("#to-privacy");
        Assert.Equal("given", await page.GetAttributeAsync("#consent-status", "data-state"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-json"));
        var json = await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Contains("\"nickname\":\"小林\"", json, StringComparison.Ordinal);
        Assert.Contains("\"contact\":\"13800138000\"", json, StringComparison.Ordinal);
        Assert.Contains("\"reductionGrams\":336.25", json, StringComparison.Ordinal);
        Assert.Contains("inclusion.citizen.signed-up", json, StringComparison.Ordinal);

        await page.ClickAsync("#consent-withdraw");
        Assert.Equal("given", await page.GetAttributeAsync("#consent-status", "data-state"));
        Assert.Contains("不再记录", await page.InnerTextAsync("#withdraw-ask"), StringComparison.Ordinal);
        await page.ClickAsync("#withdraw-confirm");
        Assert.Equal("none", await page.GetAttributeAsync("#consent-status", "data-state"));
        Assert.StartsWith("已撤回同意", await page.InnerTextAsync("#consent-changed"), StringComparison.Ordinal);
        await page.FillAsync("#erase-confirm", id);
        await page.ClickAsync("#erase-submit");
        await page.WaitForSelectorAsync("#erased");

        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#UserName", id);
        await page.FillAsync("#Password", "walk-to-work-2026");
        await page.ClickAsync("#signin");
        Assert.EndsWith("/Account/Login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await context.CloseAsync();
    }
}
