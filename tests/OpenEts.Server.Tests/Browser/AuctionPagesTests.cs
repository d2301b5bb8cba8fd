using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenEts.Application.Allocation;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// An allowance auction in real Chromium: the regulator announces it, a company bids, the regulator closes it, the
/// company sees its allowances and its cash debited, and the results are public.
/// </summary>
public sealed class AuctionPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The demo's Guangdong 2017 plan approved through the allocation use cases (the platform has no plan page to click yet).
    private async Task ApprovePlanAsync()
    {
        var store = server.Services.GetRequiredService<IStore>();
        var user = await store.ReadAsync(s => s.Users.FindByNameAsync("regulator"), Ct);
        var regulator = new Actor(user!.Id, user.UserName, user.Role, user.OrganisationId);
        var plans = new AllocationCommandHandler(store, server.Clock);
        await plans.HandleAsync(regulator, new ImportPlan(PlanJson.Shipped("guangdong-2017")), Ct);
        await plans.HandleAsync(regulator, new ApprovePlan("guangdong-2017", 1), Ct);
    }

    private static async Task<long> HeldAsync(IPage page, string account)
    {
        await page.GotoAsync($"/Registry/Account/{account}");
        return long.Parse((await page.GetAttributeAsync("tr[id='holding-GDEA-2017'] td.total", "data-total"))!, CultureInfo.InvariantCulture);
    }

    private static async Task<decimal> BalanceAsync(IPage page)
    {
        await page.GotoAsync("/Cash");
        return decimal.Parse(await page.InnerTextAsync("#cash-balance"), NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Auction_AnnouncedBidClosed_DeliversAllowancesDebitsCashAndPublishesResults()
    {
        await ApprovePlanAsync();
        var now = server.Clock.GetUtcNow().ToOffset(Beijing);
        var regulator = await server.SignInAtHomeAsync("regulator");
        await regulator.ClickAsync("nav.nav a[href='/Auctions']");
        await regulator.FillAsync("#announce-year", "2017");
        await regulator.FillAsync("#announce-class", "GDEA-2017");
        await regulator.FillAsync("#announce-volume", "100000");
        await regulator.FillAsync("#announce-opens", now.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        await regulator.FillAsync("#announce-closes", now.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        // Turnover 6 436 000 yuan over 400 000 t: the reserve is 16.09 yuan/t.
        string[][] months = [[Exchange.AllowanceAuctionApi.Month(now, -3), "1500000", "100000"], [Exchange.AllowanceAuctionApi.Month(now, -2), "3200000", "200000"], [Exchange.AllowanceAuctionApi.Month(now, -1), "1736000", "100000"]];
        for (var i = 0; i < months.Length; i++)
        {
            await regulator.FillAsync($"input[name='Months[{i}].Month']", months[i][0]);
            await regulator.FillAsync($"input[name='Months[{i}].Turnover']", months[i][1]);
            await regulator.FillAsync($"input[name='Months[{i}].Volume']", months[i][2]);
        }
        await regulator.ClickAsync("#announce");
        await regulator.WaitForSelectorAsync("#done");
        var detail = new Uri(regulator.Url).AbsolutePath;
        var reserve = await regulator.InnerTextAsync("#auction-reserve");

        var cement = await server.SignInAsync("cement-a");
        var heldBefore = await HeldAsync(cement, "GD-HOLD-CEMENT");
        var cashBefore = await BalanceAsync(cement);
        await cement.GotoAsync(detail);
        await cement.SelectOptionAsync("#bid-account", "GD-HOLD-CEMENT");
        await cement.FillAsync("#bid-tonnes", "999");
        await cement.FillAsync("#bid-price", "17.50");
        await cement.ClickAsync("#place-bid");
        var refusal = await cement.InnerTextAsync("#auction-error");
        await cement.FillAsync("#bid-tonnes", "30000");
        await cement.FillAsync("#bid-price", "17.50");
        await cement.ClickAsync("#place-bid");
        await cement.WaitForSelectorAsync("#done");
        await cement.GotoAsync("/Cash");
        var reserved = await cement.InnerTextAsync("#cash-reserved");

        server.Clock.Advance(TimeSpan.FromHours(2));
        await regulator.GotoAsync(detail);
        await regulator.ClickAsync("#close-auction");
        await regulator.WaitForSelectorAsync("#done");
        var status = await regulator.InnerTextAsync("#auction-status");

        var heldAfter = await HeldAsync(cement, "GD-HOLD-CEMENT");
        var cashAfter = await BalanceAsync(cement);
        var movements = await cement.InnerTextAsync("#movements");
        await using var anonymous = await server.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, Locale = "zh-CN" });
        var publicPage = await anonymous.NewPageAsync();
        await publicPage.GotoAsync(detail);
        var clearing = await publicPage.InnerTextAsync("#clearing-price");
        var sold = await publicPage.InnerTextAsync("#sold");
        await publicPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "openets-auction-results.png"), FullPage = true });

        Assert.Contains("16.09", reserve, StringComparison.Ordinal);
        Assert.Contains("低于单笔最低报价数量", refusal, StringComparison.Ordinal);
        Assert.Equal("525,000.00", reserved);
        Assert.Equal("已结算", status);
        Assert.Equal(heldBefore + 30_000, heldAfter);
        Assert.Equal(cashBefore - 525_000m, cashAfter);
        Assert.Contains("−525,000.00", movements, StringComparison.Ordinal);
        Assert.Equal("17.50", clearing);
        Assert.Contains("30,000", sold, StringComparison.Ordinal);
    }
}
