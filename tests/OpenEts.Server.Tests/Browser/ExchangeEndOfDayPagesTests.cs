using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenEts.Application.Allocation;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// An allowance auction (有偿发放) settled on the exchange, then the exchange's end of day in real Chromium: the regulator
/// closes the auction on its page (the cement company's award settles delivery versus payment through the exchange), the
/// exchange's staff run the end of day on the operator page, and its auction table shows the award reconciled — no
/// mismatch between bids, awards, units and cash. The server's clock moves on, so this class has its own server.
/// </summary>
public sealed class ExchangeEndOfDayPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    // The demo's Guangdong 2017 plan approved through the allocation use cases (the platform has no plan page to click yet).
    private async Task ApprovePlanAsync()
    {
        var store = server.Services.GetRequiredService<IStore>();
        var user = await store.ReadAsync(s => s.Users.FindByNameAsync("regulator"), Ct);
        var actor = new Actor(user!.Id, user.UserName, user.Role, user.OrganisationId);
        var plans = new AllocationCommandHandler(store, server.Clock);
        await plans.HandleAsync(actor, new ImportPlan(PlanJson.Shipped("guangdong-2017")), Ct);
        await plans.HandleAsync(actor, new ApprovePlan("guangdong-2017", 1), Ct);
    }

    // The regulator announces 100 000 t of GDEA-2017 on its auctions page, as AuctionPagesTests does; the page of the auction.
    private static async Task<string> AnnounceAsync(IPage regulator, DateTimeOffset now)
    {
        await regulator.ClickAsync("nav.nav a[href='/Auctions']");
        await regulator.FillAsync("#announce-year", "2017");
        await regulator.FillAsync("#announce-class", "GDEA-2017");
        await regulator.FillAsync("#announce-volume", "100000");
        await regulator.FillAsync("#announce-opens", Time(now.AddMinutes(-1)));
        await regulator.FillAsync("#announce-closes", Time(now.AddMinutes(30)));
        // Turnover 6 436 000 yuan over 400 000 t: the reserve is 16.09 yuan/t (guangdong.md §1.6).
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
    public async Task EndOfDay_AfterAnAllowanceAuctionClosed_ShowsTheAuctionReconciledOnTheOperatorPage()
    {
        server.RequireBrowser();
        await ApprovePlanAsync();
        var regulator = await server.SignInAtHomeAsync("regulator");
        var cement = await server.SignInAsync("cement-a");
        var staff = await server.SignInAsync("exchange");
        var detail = await AnnounceAsync(regulator, server.Clock.GetUtcNow().ToOffset(Beijing));
        var id = detail[(detail.LastIndexOf('/') + 1)..];
        await cement.GotoAsync(detail);
        await cement.SelectOptionAsync("#bid-account", "GD-HOLD-CEMENT");
        await cement.FillAsync("#bid-tonnes", "30000");
        await cement.FillAsync("#bid-price", "17.50");
        await cement.ClickAsync("#place-bid");
        await cement.WaitForSelectorAsync("#done");

        server.Clock.Advance(TimeSpan.FromMinutes(31));
        await regulator.GotoAsync(detail);
        await regulator.ClickAsync("#close-auction");
        await regulator.WaitForSelectorAsync("#done");
        await staff.GotoAsync("/");
        await staff.ClickAsync("#nav-exchange");
        await staff.ClickAsync("#exchange-operator");
        await staff.ClickAsync("#end-of-day-run");
        await staff.WaitForSelectorAsync("#end-of-day-done");
        var summary = (await staff.GetAttributeAsync("#end-of-day-done", "class"))!;
        var mismatches = await staff.Locator("#end-of-day-mismatches li").CountAsync();
        var row = staff.Locator("#end-of-day-auctions tr.closed-auction", new PageLocatorOptions { HasText = "GDEA-2017" });
        var cells = await row.Locator("td").AllInnerTextsAsync();

        // Undersubscribed: the only bid's 30 000 t at its 17.50 = 525 000.00 yuan, one winner.
        Assert.Contains("ok", summary.Split(' '));
        Assert.Equal(0, mismatches);
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal([id, "GDEA-2017", "30,000", "17.50", "1", "525,000.00"], cells.Skip(1).Select(c => c.Trim()));
    }
}
