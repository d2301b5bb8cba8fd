using System.Globalization;
using Microsoft.Playwright;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// Guangdong's 2017 year end to end in real Chromium, every step through the pages as its users take it: the regulator
/// approves the demo's draft plan, pre-allocates on 2016 output, trues up on the approved 2017 reports (the demo's MRV
/// figures) and holds an auction; the steel company sees its calculation, bids and pays through its cash account, buys
/// Guangdong PHCER from the cement company (four eyes), sees its hydropower CCER listed with the rule that excludes it
/// and not offered to surrender, surrenders
/// allowances plus the offsets, and the public compliance list shows it compliant.
/// </summary>
public sealed class YearCyclePagesTests(Compliance2018Server server) : IClassFixture<Compliance2018Server>
{
    private const string Steel = "GD-HOLD-STEEL";
    private const string SteelName = "韶关示范钢铁有限公司";
    private const string Cement = "北江示范水泥有限公司";
    private const string Allowances = "GDEA-2017";
    private const string Phcer = "PHCER-GD0001-2017";
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static long Number(string text) => long.Parse(text.Replace(",", "", StringComparison.Ordinal).Replace("+", "", StringComparison.Ordinal)
        .Replace(" t", "", StringComparison.Ordinal).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static async Task<long> HeldAsync(IPage page, string unitClass)
    {
        await page.GotoAsync($"/Registry/Account/{Steel}");
        var total = await page.GetAttributeAsync($"tr[id='holding-{unitClass}'] td.total", "data-total");
        return total is null ? 0 : long.Parse(total, CultureInfo.InvariantCulture);
    }

    private static async Task<decimal> BalanceAsync(IPage page)
    {
        await page.GotoAsync("/Cash");
        return decimal.Parse(await page.InnerTextAsync("#cash-balance"), NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    private static async Task SurrenderAsync(IPage page, string unitClass, long quantity)
    {
        await page.SelectOptionAsync("#surrender-class", unitClass);
        await page.FillAsync("#surrender-quantity", quantity.ToString(CultureInfo.InvariantCulture));
        await page.ClickAsync("#surrender-submit");
    }

    // Runs a stage from the allocation page; the year's table then shows each entity's pre (3), final (4) and true-up (5).
    private static async Task RunAsync(IPage regulator, string button)
    {
        await regulator.ClickAsync(button);
        await regulator.WaitForSelectorAsync("#run-result");
    }

    private static async Task<long> CellAsync(IPage regulator, string company, int column) =>
        Number(await regulator.Locator("#allocations tr.allocation", new PageLocatorOptions { HasText = company })
            .Locator($"td:nth-child({column})").InnerTextAsync());

    private async Task<string> AnnounceAuctionAsync(IPage regulator, long volume)
    {
        var now = server.Clock.GetUtcNow().ToOffset(Beijing);
        await regulator.GotoAsync("/Auctions");
        await regulator.FillAsync("#announce-year", "2017");
        await regulator.FillAsync("#announce-class", Allowances);
        await regulator.FillAsync("#announce-volume", volume.ToString(CultureInfo.InvariantCulture));
        await regulator.FillAsync("#announce-opens", now.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        await regulator.FillAsync("#announce-closes", now.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        // Listed turnover 6 436 000 yuan over 400 000 t in the three months before the notice: a reserve of 16.09 yuan/t.
        string[][] months = [[Exchange.AllowanceAuctionApi.Month(now, -3), "1500000", "100000"], [Exchange.AllowanceAuctionApi.Month(now, -2), "3200000", "200000"], [Exchange.AllowanceAuctionApi.Month(now, -1), "1736000", "100000"]];
        for (var i = 0; i < months.Length; i++)
        {
            await regulator.FillAsync($"input[name='Months[{i}].Month']", months[i][0]);
            await regulator.FillAsync($"input[name='Months[{i}].Turnover']", months[i][1]);
            await regulator.FillAsync($"input[name='Months[{i}].Volume']", months[i][2]);
        }
        await regulator.ClickAsync("#announce");
        await regulator.WaitForSelectorAsync("#done");
        return new Uri(regulator.Url).AbsolutePath;
    }

    [Fact]
    public async Task Issue_11_GuangdongYear_ApprovedAllocatedTrueUpAuctionedSurrenderedAndListed()
    {
        server.RequireBrowser();
        var regulator = await server.SignInAtHomeAsync("regulator");
        var steel = await server.SignInAsync("steel-a");
        var steelHeldAtStart = await HeldAsync(steel, Allowances);

        // 1. The plan: the demo seeds it as a draft; the regulator approves it on the allocation page.
        await regulator.ClickAsync("nav.nav a[href='/Allocation']");
        await regulator.ClickAsync("tr.plan[data-plan='guangdong-2017'][data-version='1'] button.approve");
        await regulator.WaitForSelectorAsync("#done");
        var planStatus = await regulator.InnerTextAsync("tr.plan[data-plan='guangdong-2017'][data-version='1'] td.status");

        // 2. Pre-allocation on 2016 output, then 3. the true-up on the approved 2017 reports (the demo's MRV figures).
        await RunAsync(regulator, "#run-pre");
        var cementPre = await CellAsync(regulator, Cement, 3);
        await RunAsync(regulator, "#run-trueup");
        var cementTrueUp = await CellAsync(regulator, Cement, 5);
        var steelFinal = await CellAsync(regulator, SteelName, 4);
        var steelTrueUp = await CellAsync(regulator, SteelName, 5);
        await regulator.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "openets-year-allocation.png"), FullPage = true });
        var steelHeldAllocated = await HeldAsync(steel, Allowances);
        await steel.GotoAsync("/Allocation/Entity?jurisdiction=guangdong&year=2017");
        var calculation = await steel.InnerTextAsync("main");

        // 4. An auction of the paid share: announced, the steel company bids from its cash, the regulator closes it.
        // An auction offers no more than the issuance account holds after the true-up, less the demo's open auction (more
        // than 30 000 t), and one bidder wins at most half of it.
        var detail = await AnnounceAuctionAsync(regulator, 30_000);
        var cashBefore = await BalanceAsync(steel);
        await steel.GotoAsync(detail);
        await steel.SelectOptionAsync("#bid-account", Steel);
        await steel.FillAsync("#bid-tonnes", "15000");
        await steel.FillAsync("#bid-price", "17.00");
        await steel.ClickAsync("#place-bid");
        await steel.WaitForSelectorAsync("#done");
        server.Clock.Advance(TimeSpan.FromHours(2));
        await regulator.GotoAsync(detail);
        await regulator.ClickAsync("#close-auction");
        await regulator.WaitForSelectorAsync("#done");
        var auctionStatus = await regulator.InnerTextAsync("#auction-status");
        var steelHeldAfterAuction = await HeldAsync(steel, Allowances);
        var cashAfter = await BalanceAsync(steel);

        // 5. Offsets: the cement company sells 50 000 Guangdong PHCER to the steel company (cement-a proposes, cement-b approves).
        var cementA = await server.SignInAsync("cement-a");
        await cementA.GotoAsync("/Registry/Transfer");
        await cementA.SelectOptionAsync("#from", "GD-HOLD-CEMENT");
        await cementA.FillAsync("#to", Steel);
        await cementA.SelectOptionAsync("#class", Phcer);
        await cementA.FillAsync("#quantity", "50000");
        await cementA.ClickAsync("#propose");
        await BrowserServer.WaitForUrlAsync(cementA, url => url.Contains("/Registry/Account/GD-HOLD-CEMENT", StringComparison.Ordinal));
        var proposalId = await cementA.Locator("#proposals tr[id^='proposal-']").Last.GetAttributeAsync("id");
        var cementB = await server.SignInAsync("cement-b");
        await cementB.GotoAsync("/Registry/Account/GD-HOLD-CEMENT");
        await cementB.ClickAsync($"tr[id='{proposalId}'] button.approve");
        await cementB.WaitForSelectorAsync("#done");

        // 6. Surrender: the hydropower CCER is listed with the rule that excludes it and not offered; allowances plus PHCER
        // within the 10 % cap meet it.
        await steel.ClickAsync("nav.nav a[href='/Compliance/Own']");
        var required = long.Parse((await steel.GetAttributeAsync("#standing", "data-required"))!, CultureInfo.InvariantCulture);
        var hydroRule = await steel.GetAttributeAsync("#holding-CCER-000202-2015", "data-rule");
        var offered = await steel.EvalOnSelectorAllAsync<string[]>("#surrender-class option", "options => options.map(o => o.value)");
        const long offsets = 48_060;
        await SurrenderAsync(steel, Phcer, offsets);
        await steel.WaitForSelectorAsync("#done");
        await SurrenderAsync(steel, Allowances, required - offsets);
        await steel.WaitForSelectorAsync("#done");
        var ownStatus = await steel.GetAttributeAsync("#standing", "data-status");
        await steel.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "openets-year-surrender.png"), FullPage = true });

        // 7. The public compliance list.
        await using var anonymous = await server.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, Locale = "zh-CN" });
        var visitor = await anonymous.NewPageAsync();
        await visitor.GotoAsync("/Compliance?jurisdiction=GD&year=2017");
        var row = visitor.Locator("#compliance-list tr", new PageLocatorOptions { HasText = SteelName });
        var listed = await row.GetAttributeAsync("data-status");
        var listedSurrendered = await row.Locator(".surrendered").InnerTextAsync();
        var listText = await visitor.InnerTextAsync("main");
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "openets-year-list.png"), FullPage = true });

        Assert.Equal("已批准", planStatus);
        // Cement by hand (docs/allocation.md): pre 1 450 000 t × 0.8534 × 97 % = 1 200 307; final 1 158 917; −41 390.
        Assert.Equal(1_200_307, cementPre);
        Assert.Equal(-41_390, cementTrueUp);
        // Steel: 2016 1 080 000 t × 1.8 = 1 944 000 × 97 % = 1 885 680; 2017 1 100 000 t × 1.8 = 1 980 000 × 97 % = 1 920 600.
        Assert.Equal(1_920_600, steelFinal);
        Assert.Equal(34_920, steelTrueUp);
        Assert.Equal(steelHeldAtStart + steelFinal, steelHeldAllocated);
        Assert.Contains("[UNCONFIRMED]", calculation, StringComparison.Ordinal);
        Assert.Equal("已结算", auctionStatus);
        Assert.Equal(steelHeldAllocated + 15_000, steelHeldAfterAuction);
        Assert.Equal(cashBefore - 15_000 * 17.00m, cashAfter);
        // 716 000 t coke × 2.860418825 = 2 048 059.879 t approved, owed as 2 048 060 (rounded up).
        Assert.Equal(2_048_060, required);
        Assert.Equal("Compliance.ExcludedCategory", hydroRule);
        Assert.DoesNotContain("CCER-000202-2015", offered);
        Assert.Contains(Phcer, offered);
        Assert.Equal("Compliant", ownStatus);
        Assert.Equal("Compliant", listed);
        Assert.Equal("2,048,060", listedSurrendered);
        Assert.Contains("（未确认）", listText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_11_WhatIf_RegulatorConfirms_TheChangedFigureIsANewDraftVersionShownInTheDiff()
    {
        server.RequireBrowser();
        var regulator = await server.SignInAsync("regulator");

        await regulator.GotoAsync("/Allocation/WhatIf?plan=guangdong-2017&year=2017");
        await regulator.FillAsync("#set", "free.paper=0.96");
        await regulator.ClickAsync("#run-whatif");
        await regulator.FillAsync("#confirm-source", "粤环发〔2018〕演示 3号");
        await regulator.ClickAsync("#confirm-whatif");
        await regulator.WaitForSelectorAsync("#done");
        var message = await regulator.InnerTextAsync("#done");
        await regulator.ClickAsync("#confirmed-diff");
        var changes = await regulator.InnerTextAsync("#changes");

        Assert.Contains("草稿", message, StringComparison.Ordinal);
        Assert.Contains("freeShare.value", changes, StringComparison.Ordinal);
        Assert.Contains("0.96", changes, StringComparison.Ordinal);
    }
}
