using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OpenEts.Application.Demo;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// Carbon inclusion's operational pages in real Chromium, on the demo: a shop confirms a citizen's redemption code
/// (/Inclusion/Merchants), the regulator issues and revokes a partner's key (/Inclusion/Partners), and answers a
/// citizen's request for their data and its erasure (/Inclusion/Requests).
/// </summary>
public sealed class InclusionOperationsPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Merchants_DemoShopConfirmsTheCitizensMovieTicketCode_TheCodeIsUsedAndTheTotalsCountIt()
    {
        var citizen = await server.SignInAsync("citizen-fz", width: 390);
        await citizen.GotoAsync("/Inclusion/Me");
        var row = citizen.Locator("#codes .code-row[data-item='movie-ticket']");
        Assert.Equal("open", await row.GetAttributeAsync("data-state"));
        var code = (await row.Locator(".redemption-code").InnerTextAsync()).Trim();
        // At the shop's counter, on a phone: the code is in view without scrolling the table sideways.
        var codeBox = await row.Locator(".redemption-code").BoundingBoxAsync();
        Assert.True(codeBox!.X >= 0 && codeBox.X + codeBox.Width <= 390, $"the code spans {codeBox.X}–{codeBox.X + codeBox.Width} px of a 390 px screen");
        Assert.Equal(0, await citizen.Locator("#codes").Locator("xpath=..").EvaluateAsync<int>("w => w.scrollWidth - w.clientWidth"));

        var shop = await server.SignInAsync("paper-a");
        await shop.GotoAsync("/Inclusion/Merchants");
        var merchant = shop.Locator("section.merchant", new PageLocatorOptions { HasText = "佛山纸业职工影院（演示商户）" });
        Assert.Equal("0", await merchant.Locator(".merchant-confirmed").InnerTextAsync());
        await shop.FillAsync("#confirm-code", code);
        await shop.ClickAsync("#confirm-submit");

        Assert.Equal("105", await shop.InnerTextAsync("#confirmed-coins"));
        Assert.Equal("1", await merchant.Locator(".merchant-confirmed").InnerTextAsync());
        Assert.Equal("105", await merchant.Locator(".merchant-coins").InnerTextAsync());
        await shop.FillAsync("#confirm-code", code);
        await shop.ClickAsync("#confirm-submit");
        Assert.NotNull(await shop.WaitForSelectorAsync("#incl-error"));
        Assert.Equal("1", await merchant.Locator(".merchant-confirmed").InnerTextAsync());
        await citizen.ReloadAsync();
        Assert.Equal("used", await row.GetAttributeAsync("data-state"));
        await citizen.Context.CloseAsync();
        await shop.Context.CloseAsync();
    }

    [Fact]
    public async Task Partners_RegulatorIssuesAKey_ShownOnceThenRevokedAfterConfirmingBesideTheDemoPartner()
    {
        var page = await server.SignInAsync("regulator");
        await page.GotoAsync("/Inclusion/Partners");
        Assert.Contains(DemoInclusion.Partner.Name, await page.InnerTextAsync("#partners"), StringComparison.Ordinal);

        await page.FillAsync("#issue-name", "羊城通（浏览器测试）");
        await page.SelectOptionAsync("#issue-programme", "guangdong-tanpuhui");
        await page.CheckAsync("#issue-b-metro");
        await page.ClickAsync("#issue-submit");
        var key = (await page.InnerTextAsync("#issued-key")).Trim();
        Assert.Matches("^oetsp_[a-z2-7]{32}$", key);

        await page.GotoAsync("/Inclusion/Partners");
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);
        var partner = page.Locator("#partners tr", new PageLocatorOptions { HasText = "羊城通（浏览器测试）" });
        Assert.Contains(key[..10], await partner.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("有效", (await partner.Locator(".partner-state").InnerTextAsync()).Trim());
        await partner.Locator("button[id^='revoke-']").ClickAsync();
        Assert.Contains("羊城通（浏览器测试）", await page.InnerTextAsync("#revoke-ask"), StringComparison.Ordinal);
        Assert.Equal("有效", (await page.Locator("#partners tr", new PageLocatorOptions { HasText = "羊城通（浏览器测试）" })
            .Locator(".partner-state").InnerTextAsync()).Trim());
        await page.ClickAsync("#revoke-confirm");

        Assert.StartsWith("已吊销“羊城通（浏览器测试）”的密钥", await page.InnerTextAsync("#revoked"), StringComparison.Ordinal);

        Assert.StartsWith("已吊销", (await page.Locator("#partners tr", new PageLocatorOptions { HasText = "羊城通（浏览器测试）" })
            .Locator(".partner-state").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#partners tr", new PageLocatorOptions { HasText = "羊城通（浏览器测试）" }).Locator("button").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Requests_RegulatorExportsThenErasesACitizen_TheExportHoldsTheirActionsAndTheAccountIsErased()
    {
        var page = await server.SignInAsync("regulator");
        await page.GotoAsync("/Inclusion/Requests");
        await page.FillAsync("#lookup-user", "citizen-sz");
        await page.ClickAsync("#lookup-submit");
        Assert.Equal("citizen-sz", (await page.InnerTextAsync("#citizen-user")).Trim());

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-json"));
        var json = await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Contains("\"userName\":\"citizen-sz\"", json, StringComparison.Ordinal);
        Assert.Contains("solar-pv", json, StringComparison.Ordinal);

        await page.FillAsync("#erase-confirm", "citizen-sz");
        await page.ClickAsync("#erase-submit");
        Assert.Contains("citizen-sz", await page.InnerTextAsync("#erased"), StringComparison.Ordinal);
        await page.FillAsync("#lookup-user", "citizen-sz");
        await page.ClickAsync("#lookup-submit");
        Assert.Equal(0, await page.Locator("#erase-confirm").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Quality_DemoPartnerPostsAnImpossibleRide_TheRegulatorSeesTheRejectionByReasonWithTheChart()
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var at = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inclusion/partner/actions")
        {
            Content = JsonContent.Create(new
            {
                programme = DemoInclusion.Partner.Programme,
                actions = new object[]
                {
                    new { eventId = "quality-1", source = "gate-9", behaviour = "metro", occurredAt = at, quantity = 12m, minutes = 25m, user = "citizen-sz" },
                    new { eventId = "quality-2", source = "gate-9", behaviour = "metro", occurredAt = at, quantity = 100m, minutes = 5m, user = "citizen-sz" },
                },
            }),
        };
        request.Headers.Add("X-Partner-Key", DemoInclusion.PartnerKeyText);
        using var posted = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var page = await server.SignInAsync("regulator");
        await page.GotoAsync("/Inclusion/Quality");
        var partner = page.Locator("#quality-partners tr", new PageLocatorOptions { HasText = DemoInclusion.Partner.Name });
        Assert.Equal("1", (await partner.Locator("td[data-reason='ImpossibleSpeed']").InnerTextAsync()).Trim());
        Assert.Contains("不可能的速度", await page.InnerTextAsync("#quality-partners"), StringComparison.Ordinal);
        Assert.NotNull(await page.WaitForSelectorAsync("#quality-chart[data-chart-ready]"));
        Assert.Equal("quality-days", await page.GetAttributeAsync("#quality-chart", "aria-describedby"));
        // The programme is named, and every reason of the stacked chart has a colour of its own.
        Assert.Equal("深圳碳普惠（低碳出行与居民用电）", (await partner.Locator("td.programme").InnerTextAsync()).Trim());
        var chart = JsonDocument.Parse((await page.Locator("#chart-quality").TextContentAsync())!).RootElement;
        var colours = chart.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("color").GetString()).ToList();
        Assert.Equal(colours.Count, colours.Distinct().Count());
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(1, await page.Locator($"#quality-days tr[data-day='{today}']").CountAsync());
        // The demo's capped days (citizen-sz's rooftop PV past the 50-coin day) are counted apart among the accepted.
        var capped = long.Parse((await page.InnerTextAsync("#quality-coins-cut")).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var accepted = long.Parse((await page.InnerTextAsync("#quality-accepted")).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        Assert.InRange(capped, 1, accepted);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#quality-export"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
