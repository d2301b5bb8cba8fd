using System.Globalization;
using Microsoft.Playwright;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>The registry pages in real Chromium: a four-eyes transfer from proposal to verified journal.</summary>
public sealed class RegistryPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Power = "GD-HOLD-POWER";
    private const string Cement = "GD-HOLD-CEMENT";
    private const string Class = "GDEA-2017";

    private static async Task<long> HeldOnAccountPageAsync(IPage page, string account)
    {
        await page.GotoAsync($"/Registry/Account/{account}");
        var total = await page.GetAttributeAsync($"tr[id='holding-{Class}'] td.total", "data-total");
        return long.Parse(total!, CultureInfo.InvariantCulture);
    }

    private static async Task<long> HeldOnListAsync(IPage page, string account)
    {
        await page.GotoAsync("/Registry");
        var total = await page.GetAttributeAsync($"tr[id='account-{account}'] td[data-class='{Class}']", "data-total");
        return long.Parse(total!, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Transfer_ProposedByPowerAApprovedByPowerB_MovesUnitsAndJournalVerifies()
    {
        var regulator = await server.SignInAsync("regulator");
        var powerBefore = await HeldOnListAsync(regulator, Power);
        var cementBefore = await HeldOnListAsync(regulator, Cement);

        var powerA = await server.SignInAtHomeAsync("power-a");
        await powerA.ClickAsync("nav.nav a[href='/Registry']");
        await powerA.ClickAsync("#new-transfer");
        await powerA.SelectOptionAsync("#from", Power);
        await powerA.FillAsync("#to", Cement);
        await powerA.SelectOptionAsync("#class", Class);
        await powerA.FillAsync("#quantity", "1000");
        await powerA.ClickAsync("#propose");
        await BrowserServer.WaitForUrlAsync(powerA, url => url.Contains($"/Registry/Account/{Power}", StringComparison.Ordinal));
        var proposal = powerA.Locator("#proposals tr[id^='proposal-']").Last;
        var proposalId = await proposal.GetAttributeAsync("id");
        var ownRow = await proposal.InnerTextAsync();
        var ownApproveButtons = await proposal.Locator("button.approve").CountAsync();
        await powerA.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "openets-registry-account.png"), FullPage = true });

        var powerB = await server.SignInAsync("power-b");
        await powerB.GotoAsync($"/Registry/Account/{Power}");
        await powerB.ClickAsync($"tr[id='{proposalId}'] button.approve");
        await powerB.WaitForSelectorAsync("#done");
        var powerAfterOnPage = long.Parse((await powerB.GetAttributeAsync($"tr[id='holding-{Class}'] td.total", "data-total"))!,
            CultureInfo.InvariantCulture);
        var pendingAfter = await powerB.Locator($"tr[id='{proposalId}']").CountAsync();

        var cementA = await server.SignInAsync("cement-a");
        var cementAfterOnPage = await HeldOnAccountPageAsync(cementA, Cement);
        var powerAfter = await HeldOnListAsync(regulator, Power);
        var cementAfter = await HeldOnListAsync(regulator, Cement);
        await regulator.GotoAsync("/Registry/Verify");
        await regulator.ClickAsync("#run-verify");
        var verdict = await regulator.Locator("#verify-result").InnerTextAsync();

        Assert.Equal(0, ownApproveButtons);
        Assert.Contains("您发起了此申请", ownRow, StringComparison.Ordinal);
        Assert.Contains("1,000", ownRow, StringComparison.Ordinal);
        Assert.Equal(0, pendingAfter);
        Assert.Equal(powerBefore - 1000, powerAfterOnPage);
        Assert.Equal(powerBefore - 1000, powerAfter);
        Assert.Equal(cementBefore + 1000, cementAfterOnPage);
        Assert.Equal(cementBefore + 1000, cementAfter);
        Assert.Contains("完整", verdict, StringComparison.Ordinal);
        Assert.Equal("true", await regulator.GetAttributeAsync("#verify-result", "data-intact"));
        await regulator.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "openets-registry-verify.png"), FullPage = true });
    }

    [Fact]
    public async Task Transfer_MoreThanHeld_ShowsTheLedgersErrorNextToQuantity()
    {
        var page = await server.SignInAsync("steel-a");

        await page.GotoAsync("/Registry/Transfer");
        await page.FillAsync("#to", Cement);
        await page.FillAsync("#quantity", "999999999");
        await page.ClickAsync("#propose");

        var error = page.Locator("#quantity-error");
        await error.WaitForAsync();
        Assert.False(string.IsNullOrWhiteSpace(await error.InnerTextAsync()));
        Assert.Equal("true", await page.GetAttributeAsync("#quantity", "aria-invalid"));
        Assert.Equal(Cement, await page.InputValueAsync("#to"));
        await page.GotoAsync("/Registry/Account/GD-HOLD-STEEL");
        Assert.Equal(0, await page.Locator("#proposals").CountAsync());
    }

    [Fact]
    public async Task Transfer_SubmittedTwiceWithTheSameForm_ExecutesOnce()
    {
        var page = await server.SignInAsync("paper-a");
        await page.GotoAsync("/Registry/Transfer");
        var form = new Dictionary<string, string>
        {
            ["Input.Key"] = await page.InputValueAsync("#key"),
            ["Input.From"] = "GD-HOLD-PAPER",
            ["Input.To"] = Cement,
            ["Input.Class"] = Class,
            ["Input.Quantity"] = "10",
            ["__RequestVerificationToken"] = await page.InputValueAsync("input[name='__RequestVerificationToken']"),
        };

        var statuses = await page.PostFormAsync("/Registry/Transfer", form, times: 2);
        await page.GotoAsync("/Registry/Account/GD-HOLD-PAPER");

        Assert.Equal([302, 302], statuses);
        Assert.Equal(1, await page.Locator("#proposals tr[id^='proposal-']").CountAsync());
    }

    [Fact]
    public async Task SerialLookup_CompanySeesOnlyItsOwnHolder_RegulatorSeesAny()
    {
        var cement = await server.SignInAsync("cement-b");
        var regulator = await server.SignInAsync("regulator");

        await cement.GotoAsync($"/Registry/Serial?class={Class}&serial=2999999");
        var other = await cement.InnerTextAsync("#serial-result");
        await cement.GotoAsync($"/Registry/Serial?class={Class}&serial=3000001");
        var own = await cement.InnerTextAsync("#serial-result");
        await regulator.GotoAsync($"/Registry/Serial?class={Class}&serial=2999999");
        var seen = await regulator.InnerTextAsync("#serial-result");

        Assert.Contains("其他账户", other, StringComparison.Ordinal);
        Assert.DoesNotContain(Power, other, StringComparison.Ordinal);
        Assert.Contains(Cement, own, StringComparison.Ordinal);
        Assert.Contains(Power, seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regulator_IssuesAndAllocates_AccountShowsNewVintageAndFilteredHistory()
    {
        var page = await server.SignInAsync("regulator");

        await page.GotoAsync("/Registry/Issue");
        await page.FillAsync("#issue-class", "GDEA-2018");
        await page.FillAsync("#issue-quantity", "500");
        await page.ClickAsync("#issue-submit");
        await page.WaitForSelectorAsync("#done");
        await page.SelectOptionAsync("#allocate-to", "GD-HOLD-AVIATION");
        await page.SelectOptionAsync("#allocate-class", "GDEA-2018");
        await page.FillAsync("#allocate-quantity", "200");
        await page.ClickAsync("#allocate-submit");
        await page.WaitForSelectorAsync("#done");
        var done = await page.InnerTextAsync("#done");
        await page.GotoAsync("/Registry/Account/GD-HOLD-AVIATION?class=GDEA-2018");

        Assert.Contains("1-200", done, StringComparison.Ordinal);
        Assert.Equal("200", await page.GetAttributeAsync("tr[id='holding-GDEA-2018'] td.total", "data-total"));
        var history = await page.InnerTextAsync("#history");
        Assert.Contains("GDEA-2018", history, StringComparison.Ordinal);
        Assert.DoesNotContain("GDEA-2017", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegistryPages_InEnglish_UseEnglishText()
    {
        var page = await server.SignInAsync("auditor");

        await page.GotoAsync("/lang/en?returnUrl=%2FRegistry");
        await BrowserServer.WaitForUrlAsync(page, url => url.EndsWith("/Registry", StringComparison.Ordinal));

        Assert.Equal("Registry", await page.InnerTextAsync("h1"));
        Assert.Contains("Holder", await page.InnerTextAsync("#accounts"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#new-transfer").CountAsync());
    }
}
