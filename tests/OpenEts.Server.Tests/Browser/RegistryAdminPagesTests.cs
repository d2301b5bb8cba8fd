using System.Globalization;
using Microsoft.Playwright;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>The surrender, cancellation and administration pages in real Chromium.</summary>
public sealed class RegistryAdminPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Power = "GD-HOLD-POWER";
    private const string Paper = "GD-HOLD-PAPER";
    private const string Steel = "GD-HOLD-STEEL";
    private const string Class = "GDEA-2017";

    private static async Task<long> HeldAsync(IPage page, string account)
    {
        await page.GotoAsync($"/Registry/Account/{account}");
        return await HeldOnThisPageAsync(page);
    }

    private static async Task<long> HeldOnThisPageAsync(IPage page) =>
        long.Parse((await page.GetAttributeAsync($"tr[id='holding-{Class}'] td.total", "data-total"))!, CultureInfo.InvariantCulture);

    private static Task<int> SurrenderRowsAsync(IPage page) =>
        page.Locator("#history tr", new PageLocatorOptions { HasText = "GD-SURRENDER" }).CountAsync();

    [Fact]
    public async Task Surrender_ByPowerA_LowersHoldingsAndShowsInHistory()
    {
        await server.ApproveDemoPlanAsync();
        var page = await server.SignInAsync("power-a");
        var before = await HeldAsync(page, Power);
        var rowsBefore = await SurrenderRowsAsync(page);

        await page.ClickAsync("#surrender-link");
        await page.SelectOptionAsync("#surrender-from", Power);
        await page.SelectOptionAsync("#surrender-class", Class);
        await page.FillAsync("#surrender-quantity", "100");
        await page.FillAsync("#surrender-year", "2017");
        await page.ClickAsync("#surrender-submit");
        await BrowserServer.WaitForUrlAsync(page, url => url.Contains($"/Registry/Account/{Power}?done=surrendered", StringComparison.Ordinal));
        var done = await page.InnerTextAsync("#done");
        var after = await HeldOnThisPageAsync(page);
        var newest = await page.Locator("#history tr").Nth(1).InnerTextAsync();

        Assert.Contains("履约清缴", done, StringComparison.Ordinal);
        Assert.Equal(before - 100, after);
        Assert.Equal(rowsBefore + 1, await SurrenderRowsAsync(page));
        Assert.Contains("履约清缴", newest, StringComparison.Ordinal);
        Assert.Contains("GD-SURRENDER", newest, StringComparison.Ordinal);
        Assert.Contains("100", newest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Surrender_MoreThanOwedAndHeld_ShowsErrorNextToQuantityAndChangesNothing()
    {
        await server.ApproveDemoPlanAsync();
        var page = await server.SignInAsync("power-b");
        var before = await HeldAsync(page, Power);
        var rowsBefore = await SurrenderRowsAsync(page);

        await page.GotoAsync($"/Registry/Surrender?account={Power}");
        await page.FillAsync("#surrender-quantity", "999999999");
        await page.FillAsync("#surrender-year", "2017");
        await page.ClickAsync("#surrender-submit");
        var error = page.Locator("#surrender-quantity-error");
        await error.WaitForAsync();
        var message = await error.InnerTextAsync();
        var invalid = await page.GetAttributeAsync("#surrender-quantity", "aria-invalid");
        var kept = await page.InputValueAsync("#surrender-quantity");

        // The compliance year's rules are checked first: more than the entity still owes, with what it owes and has surrendered.
        Assert.Contains("数量：本次清缴 999999999 吨将超过该年度应清缴的 ", message, StringComparison.Ordinal);
        Assert.Contains("尚需清缴 ", message, StringComparison.Ordinal);
        Assert.Equal("true", invalid);
        Assert.Equal("999999999", kept);
        Assert.Equal(before, await HeldAsync(page, Power));
        Assert.Equal(rowsBefore, await SurrenderRowsAsync(page));
    }

    [Fact]
    public async Task Cancel_SubmittedTwiceWithTheSameForm_CancelsOnce()
    {
        var page = await server.SignInAsync("aviation-a");
        const string aviation = "GD-HOLD-AVIATION";
        var before = await HeldAsync(page, aviation);
        // The demo already retired some of the company's offsets into the cancellation account.
        var cancelledBefore = await page.Locator("#history tr", new PageLocatorOptions { HasText = "GD-CANCELLATION" }).CountAsync();
        await page.GotoAsync($"/Registry/Surrender?account={aviation}");
        var form = new Dictionary<string, string>
        {
            ["CancelInput.Key"] = await page.InputValueAsync("#cancel-key"),
            ["CancelInput.From"] = aviation,
            ["CancelInput.Class"] = Class,
            ["CancelInput.Quantity"] = "25",
            ["CancelInput.Reason"] = "航班碳中和（演示）",
            ["__RequestVerificationToken"] = await page.InputValueAsync("input[name='__RequestVerificationToken'] >> nth=0"),
        };

        var statuses = await page.PostFormAsync("/Registry/Surrender?handler=Cancel", form, times: 2);
        var after = await HeldAsync(page, aviation);
        var cancelled = await page.Locator("#history tr", new PageLocatorOptions { HasText = "GD-CANCELLATION" }).CountAsync();

        Assert.Equal([302, 302], statuses);
        Assert.Equal(before - 25, after);
        Assert.Equal(cancelledBefore + 1, cancelled);
    }

    [Fact]
    public async Task BlockAccount_ByRegulatorWithReason_ShowsBlockedUntilUnblocked()
    {
        var page = await server.SignInAsync("regulator");

        await page.GotoAsync($"/Registry/Account/{Paper}");
        await page.ClickAsync("#admin-link");
        await page.FillAsync("#state-reason-input", "未按期履约（演示）");
        await page.ClickAsync("#block");
        await page.WaitForSelectorAsync("#done");
        var stateOnAdmin = await page.InnerTextAsync("#selected-state");
        await page.GotoAsync("/Registry");
        var stateOnList = await page.InnerTextAsync($"tr[id='account-{Paper}'] .badge");
        await page.GotoAsync($"/Registry/Account/{Paper}");
        var banner = await page.InnerTextAsync("#account-state");
        var blockedHistory = await page.Locator("#history tr", new PageLocatorOptions { HasText = "账户状态变更" }).CountAsync();

        await page.ClickAsync("#admin-link");
        await page.FillAsync("#state-reason-input", "已完成履约（演示）");
        await page.ClickAsync("#unblock");
        await page.WaitForSelectorAsync("#done");
        var stateAfter = await page.InnerTextAsync("#selected-state");
        await page.GotoAsync($"/Registry/Account/{Paper}");

        Assert.Equal("冻结", stateOnAdmin);
        Assert.Equal("冻结", stateOnList);
        Assert.Contains("冻结", banner, StringComparison.Ordinal);
        Assert.Contains("未按期履约（演示）", banner, StringComparison.Ordinal);
        Assert.Equal(1, blockedHistory);
        Assert.Equal("正常", stateAfter);
        Assert.Equal(0, await page.Locator("#account-state").CountAsync());
        Assert.Equal("正常", await page.InnerTextAsync(".card .badge"));
    }

    [Fact]
    public async Task OpenAccount_InvestorWithTwoRepresentatives_AppearsInAccountsList()
    {
        var page = await server.SignInAsync("regulator");

        await page.GotoAsync("/Registry");
        await page.ClickAsync("#admin-link");
        await page.FillAsync("#open-number", "GD-INV-0001");
        await page.SelectOptionAsync("#open-kind", "Investor");
        await page.FillAsync("#open-holder", "南粤示范投资有限公司");
        await page.CheckAsync("#open-reps input[value='exchange']");
        await page.CheckAsync("#open-reps input[value='exchange-b']");
        await page.ClickAsync("#open-submit");
        await page.WaitForSelectorAsync("#done");
        var reps = await page.InnerTextAsync("#representatives");
        await page.GotoAsync("/Registry");
        var row = await page.InnerTextAsync("tr[id='account-GD-INV-0001']");

        Assert.Contains("exchange", reps, StringComparison.Ordinal);
        Assert.Contains("exchange-b", reps, StringComparison.Ordinal);
        Assert.Contains("投资者账户", row, StringComparison.Ordinal);
        Assert.Contains("南粤示范投资有限公司", row, StringComparison.Ordinal);
        Assert.Contains("正常", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAccount_WithOneRepresentative_IsRefusedNextToRepresentatives()
    {
        var page = await server.SignInAsync("regulator");

        await page.GotoAsync("/Registry/Admin");
        await page.FillAsync("#open-number", "GD-INV-0002");
        await page.FillAsync("#open-holder", "单人投资者");
        await page.CheckAsync("#open-reps input[value='power-a']");
        await page.ClickAsync("#open-submit");
        await page.Locator("#open-reps-error").WaitForAsync();
        await page.GotoAsync("/Registry");

        Assert.Equal(0, await page.Locator("tr[id='account-GD-INV-0002']").CountAsync());
    }

    [Fact]
    public async Task Correct_WithoutReason_IsRefusedNextToReasonAndMovesNothing()
    {
        var page = await server.SignInAsync("regulator");
        var before = await HeldAsync(page, Steel);

        await page.GotoAsync($"/Registry/Admin?account={Steel}");
        await page.SelectOptionAsync("#correct-from", Steel);
        await page.SelectOptionAsync("#correct-to", "GD-ISSUANCE");
        await page.SelectOptionAsync("#correct-class", Class);
        await page.FillAsync("#correct-quantity", "10");
        await page.ClickAsync("#correct-submit");
        var error = page.Locator("#correct-reason-error");
        await error.WaitForAsync();

        Assert.False(string.IsNullOrWhiteSpace(await error.InnerTextAsync()));
        Assert.Equal("true", await page.GetAttributeAsync("#correct-reason", "aria-invalid"));
        Assert.Equal("10", await page.InputValueAsync("#correct-quantity"));
        Assert.Equal(before, await HeldAsync(page, Steel));
    }

    [Fact]
    public async Task CorrectSerials_WithReason_MovesExactlyThoseSerials()
    {
        var page = await server.SignInAsync("regulator");
        var before = await HeldAsync(page, Steel);

        await page.GotoAsync($"/Registry/Admin?account={Steel}");
        await page.SelectOptionAsync("#correct-from", "GD-ISSUANCE");
        await page.SelectOptionAsync("#correct-to", Steel);
        await page.SelectOptionAsync("#correct-class", Class);
        await page.CheckAsync("#correct-by-serials");
        await page.FillAsync("#correct-first", "7400001");
        await page.FillAsync("#correct-last", "7400050");
        await page.FillAsync("#correct-reason", "补发漏分配的配额（演示）");
        await page.ClickAsync("#correct-submit");
        await page.WaitForSelectorAsync("#done");
        await page.GotoAsync($"/Registry/Serial?class={Class}&serial=7400050");
        var holder = await page.InnerTextAsync("#serial-result");

        Assert.Equal(before + 50, await HeldAsync(page, Steel));
        Assert.Contains(Steel, holder, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminAndSurrenderPages_OnAPhone_FitTheScreenWidth()
    {
        var regulator = await server.SignInAsync("regulator", width: 375);
        var company = await server.SignInAsync("power-a", width: 375);

        await regulator.GotoAsync($"/Registry/Admin?account={Power}");
        var adminOverflow = await regulator.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        await company.GotoAsync($"/Registry/Surrender?account={Power}");
        var surrenderOverflow = await company.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        await regulator.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "openets-registry-admin-phone.png"), FullPage = true });
        await company.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "openets-registry-surrender-phone.png"), FullPage = true });

        Assert.False(adminOverflow);
        Assert.False(surrenderOverflow);
    }

    [Theory]
    [InlineData("regulator", "/Registry/Admin?account=GD-HOLD-POWER", "Account administration")]
    [InlineData("power-a", "/Registry/Surrender?account=GD-HOLD-POWER", "Surrender")]
    public async Task AdminAndSurrenderPages_InEnglish_LabelEverythingInEnglish(string user, string url, string heading)
    {
        var page = await server.SignInAsync(user);

        await page.GotoAsync("/lang/en?returnUrl=" + Uri.EscapeDataString(url));
        await page.WaitForSelectorAsync("main h1");
        // The page's own words (headings, labels, legends, buttons), without the data inside them (holder names).
        var words = await page.EvaluateAsync<string[]>("""
            Array.from(document.querySelectorAll('main h1, main label, main legend, main button, main th'))
              .map(e => Array.from(e.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join(' ').trim())
              .filter(t => t.length > 0)
            """);
        var chinese = words.Where(w => w.Any(c => c is >= '\u4e00' and <= '\u9fff')).ToList();

        Assert.Contains(heading, await page.InnerTextAsync("main h1"), StringComparison.OrdinalIgnoreCase);
        Assert.True(words.Length > 5, string.Join(" | ", words));
        Assert.True(chinese.Count == 0, "Chinese in the English page: " + string.Join(" | ", chinese));
    }
}
