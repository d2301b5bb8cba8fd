using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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

    // The demo's Guangdong 2017 plan approved through the allocation use cases (the platform has no plan page to click yet);
    // the auction announced and bid on through the API, as AuctionPagesTests does on its pages.
    private async Task<long> AuctionWithABidAsync()
    {
        server.RequireBrowser();
        var store = server.Services.GetRequiredService<IStore>();
        var user = await store.ReadAsync(s => s.Users.FindByNameAsync("regulator"), Ct);
        var actor = new Actor(user!.Id, user.UserName, user.Role, user.OrganisationId);
        var plans = new AllocationCommandHandler(store, server.Clock);
        await plans.HandleAsync(actor, new ImportPlan(PlanJson.Shipped("guangdong-2017")), Ct);
        await plans.HandleAsync(actor, new ApprovePlan("guangdong-2017", 1), Ct);
        using var regulator = await server.SignedInAsync("regulator");
        using var cement = await server.SignedInAsync("cement-a");
        var now = server.Clock.GetUtcNow().ToOffset(Beijing);
        // Turnover 6 436 000 yuan over 400 000 t: the reserve is 16.09 yuan/t (guangdong.md §1.6).
        using var announced = await regulator.PostAsJsonAsync("/api/v1/auctions", new
        {
            jurisdiction = "guangdong", year = 2017, @class = "GDEA-2017", volume = 100_000, opensAt = Time(now.AddMinutes(-1)),
            closesAt = Time(now.AddMinutes(30)),
            reserveInputs = new object[]
            {
                new { month = "2016-12", turnover = 1_500_000m, volume = 100_000 }, new { month = "2017-01", turnover = 3_200_000m, volume = 200_000 },
                new { month = "2017-02", turnover = 1_736_000m, volume = 100_000 },
            },
            idempotencyKey = "browser-eod-allowance-1",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, announced.StatusCode);
        var id = (await announced.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        using var bid = await cement.PostAsJsonAsync($"/api/v1/auctions/{id}/bids",
            new { account = "GD-HOLD-CEMENT", tonnes = 30_000, price = 17.50m, idempotencyKey = "browser-eod-bid-1" }, Ct);
        Assert.Equal(HttpStatusCode.OK, bid.StatusCode);
        return id;
    }

    [Fact]
    public async Task EndOfDay_AfterAnAllowanceAuctionClosed_ShowsTheAuctionReconciledOnTheOperatorPage()
    {
        var id = await AuctionWithABidAsync();
        var regulator = await server.SignInAsync("regulator");
        var staff = await server.SignInAsync("exchange");

        server.Clock.Advance(TimeSpan.FromMinutes(31));
        await regulator.GotoAsync($"/Auctions/Detail/{id}");
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
        Assert.Equal([id.ToString(CultureInfo.InvariantCulture), "GDEA-2017", "30,000", "17.50", "1", "525,000.00"],
            cells.Skip(1).Select(c => c.Trim()));
    }
}
