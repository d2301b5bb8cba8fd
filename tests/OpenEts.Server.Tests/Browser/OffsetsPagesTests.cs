using System.Globalization;
using Microsoft.Playwright;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>The offset project pages in real Chromium: a project from filing to issued credits, retired for a beneficiary.</summary>
public sealed class OffsetsPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Project_FiledValidatedRegisteredVerifiedIssued_CreditsReachTheOwnerAndARetirementIsListedPublicly()
    {
        var owner = await server.SignInAtHomeAsync("power-a");
        await owner.ClickAsync("nav.nav a[href='/Offsets']");
        await owner.ClickAsync("#submit-link");
        await owner.SelectOptionAsync("#programme", "CCER");
        await owner.SelectOptionAsync("#account", "GD-HOLD-POWER");
        await owner.FillAsync("#title", "阳江海上风电场（浏览器测试）");
        await owner.SelectOptionAsync("#methodology", "CM-001-V02");
        await owner.SelectOptionAsync("#category", "Wind");
        await owner.SelectOptionAsync("#province", "GD");
        await owner.FillAsync("#city", "阳江市");
        await owner.FillAsync("#crediting-start", "2019-01-01");
        await owner.FillAsync("#crediting-end", "2028-12-31");
        await owner.FillAsync("#expected", "60000");
        await owner.ClickAsync("#submit-project");
        await owner.WaitForSelectorAsync("#done");
        var projectUrl = new Uri(owner.Url).PathAndQuery.Split('&')[0];
        var reference = (await owner.Locator("h1").InnerTextAsync()).Split(' ')[0];

        var verifier = await server.SignInAsync("verifier");
        await verifier.GotoAsync(projectUrl);
        await verifier.FillAsync("#opinion", "项目符合 CM-001-V02 的适用条件，审定通过");
        await verifier.ClickAsync("#validate");
        await verifier.WaitForSelectorAsync("#done");

        var regulator = await server.SignInAsync("regulator");
        await regulator.GotoAsync(projectUrl);
        await regulator.ClickAsync("#register");
        await regulator.WaitForSelectorAsync("#done");

        await owner.GotoAsync(projectUrl);
        await owner.FillAsync("#period-start", "2019-01-01");
        await owner.FillAsync("#period-end", "2019-12-31");
        await owner.FillAsync("#claimed", "5000.5");
        await owner.ClickAsync("#file-report");
        await owner.WaitForSelectorAsync("#done");

        await verifier.GotoAsync(projectUrl);
        await verifier.FillAsync(".verify-opinion", "上网电量与电网结算单一致，核证减排量 4800 吨");
        await verifier.FillAsync(".verify-tonnes", "4800");
        await verifier.ClickAsync(".verify");
        await verifier.WaitForSelectorAsync("#done");

        await regulator.GotoAsync(projectUrl);
        await regulator.ClickAsync(".issue");
        await regulator.WaitForSelectorAsync("#done");
        var unitClass = reference + "-2019";
        var history = await regulator.Locator("#history").InnerTextAsync();

        await owner.GotoAsync("/Registry/Account/GD-HOLD-POWER");
        var account = await owner.Locator("body").InnerTextAsync();
        await owner.GotoAsync($"/Offsets/Retire?class={unitClass}");
        await owner.FillAsync("#retire-quantity", "100");
        await owner.FillAsync("#retire-beneficiary", "阳江马拉松组委会");
        await owner.FillAsync("#retire-purpose", "2020 年赛事碳中和");
        await owner.ClickAsync("#retire-submit");
        await BrowserServer.WaitForUrlAsync(owner, url => url.Contains("/Registry/Retirements", StringComparison.Ordinal));

        await using var publicContext = await server.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, Locale = "zh-CN" });
        var visitor = await publicContext.NewPageAsync();
        await visitor.GotoAsync("/Registry/Issuances");
        var issuances = await visitor.Locator("body").InnerTextAsync();
        await visitor.GotoAsync("/Registry/Retirements");
        var retirements = await visitor.Locator("body").InnerTextAsync();
        await visitor.GotoAsync(projectUrl);
        var publicProject = await visitor.Locator("#issuances").InnerTextAsync();
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "openets-offsets-project.png"), FullPage = true });

        Assert.StartsWith("CCER-", reference, StringComparison.Ordinal);
        Assert.Contains("项目备案", history, StringComparison.Ordinal);
        Assert.Contains("签发减排量", history, StringComparison.Ordinal);
        // Verified at the verifier's 4800 t; wind withholds no buffer, so the owner gets all 4800 (serials 1–4800).
        Assert.Contains(unitClass, account, StringComparison.Ordinal);
        Assert.Contains(unitClass + "-1-4800", issuances, StringComparison.Ordinal);
        Assert.Contains(unitClass + "-1-4800", publicProject, StringComparison.Ordinal);
        Assert.Contains("阳江马拉松组委会", retirements, StringComparison.Ordinal);
        Assert.Contains(unitClass + "-1-100", retirements, StringComparison.Ordinal);
        Assert.Contains(4800.ToString("N0", CultureInfo.InvariantCulture), account, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForestryProject_PublicPage_DrawsTheBoundaryAndShowsTheUnconfirmedParameters()
    {
        await using var context = await server.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Offsets?Programme=FFCER");
        await page.ClickAsync("#projects a:text('FFCER-FJ0001')");

        var points = await page.GetAttributeAsync("#boundary-map polygon", "points");
        var reports = await page.Locator("#reports").InnerTextAsync();
        var issuances = await page.Locator("#issuances").InnerTextAsync();

        Assert.Equal(4, points!.Split(' ').Length);
        Assert.Contains("[UNCONFIRMED: BEF, R, D, CF]", reports, StringComparison.Ordinal);
        // The demo registry's issuance of FFCER-FJ0001-2016: 180 000 t, 20 % (36 000 t) to the buffer.
        Assert.Contains("FFCER-FJ0001-2016-1-144000", issuances, StringComparison.Ordinal);
        Assert.Contains("FFCER-FJ0001-2016-144001-180000", issuances, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_10_ForestryProject_PublicPage_DrawsTheBoundaryPolygonWithTheVendoredMapLibrary()
    {
        await using var context = await server.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        var elsewhere = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) { violations.Add(m.Text); } };
        page.Request += (_, r) => { if (!r.Url.StartsWith(server.BaseUrl.TrimEnd('/'), StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) { elsewhere.Add(r.Url); } };
        await page.GotoAsync("/Offsets?Programme=FFCER");
        await page.ClickAsync("#projects a:text('FFCER-FJ0001')");

        var polygon = page.Locator("#boundary-leaflet path.leaflet-interactive");
        await polygon.WaitForAsync();
        var box = await polygon.BoundingBoxAsync();
        var map = await page.Locator("#boundary-leaflet").BoundingBoxAsync();

        Assert.Equal(1, await polygon.CountAsync());
        Assert.Equal("1", await page.GetAttributeAsync("#boundary-leaflet", "data-drawn"));
        Assert.False(string.IsNullOrEmpty(await polygon.GetAttributeAsync("d")));
        // Fitted to the map with its padding: the polygon fills most of one side of the map and lies inside it.
        Assert.True(box!.Width > map!.Width / 2 || box.Height > map.Height / 2, $"polygon {box.Width}x{box.Height} in map {map.Width}x{map.Height}");
        Assert.True(box.X >= map.X && box.X + box.Width <= map.X + map.Width + 1);
        Assert.False(await page.Locator("#boundary-map").IsVisibleAsync());
        Assert.Empty(violations);
        Assert.Empty(elsewhere);
    }
}
