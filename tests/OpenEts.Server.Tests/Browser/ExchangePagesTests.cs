using Microsoft.Playwright;
using OpenEts.Server.Tests.Infrastructure;
using static OpenEts.Server.Tests.Browser.RegistryViews;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// Two traders from different companies trade GDEA-2017 in real Chromium through the trading page: the power company
/// sells, the cement company buys at a crossing price; the trade shows as settled, the registry shows the units moved,
/// and each company's cash shows the money and its fee; a market page open beside them shows the trade live.
/// </summary>
public sealed class ExchangePagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private static async Task PlaceAsync(IPage page, string side, string price, string quantity)
    {
        await page.ClickAsync("#nav-exchange");
        await page.SelectOptionAsync("#order-instrument", "GDEA-2017");
        await page.SelectOptionAsync("#order-side", side);
        await page.FillAsync("#order-price", price);
        await page.FillAsync("#order-quantity", quantity);
        await page.ClickAsync("#order-place");
        await page.WaitForSelectorAsync("#done");
    }

    [Fact]
    public async Task Exchange_TwoCompaniesTrade_UnitsMoveInTheRegistryAndCashPaysTheFee()
    {
        var power = await server.SignInAsync("power-a");
        var powerHeld = await HeldAsync(power, "GD-HOLD-POWER");
        var powerCash = await BalanceAsync(power);
        var cement = await server.SignInAsync("cement-a");
        var cementHeld = await HeldAsync(cement, "GD-HOLD-CEMENT");
        var cementCash = await BalanceAsync(cement);

        var watcher = await cement.Context.NewPageAsync();
        await watcher.GotoAsync("/Market/Instrument/GDEA-2017");
        await watcher.WaitForSelectorAsync("#kline[data-stream-version]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        var lastBefore = await watcher.InnerTextAsync("#ticker-last");
        var lastAtBefore = await watcher.InnerTextAsync("#ticker-last-at");

        await PlaceAsync(power, "sell", "16.50", "1000");
        await PlaceAsync(cement, "buy", "16.60", "1000");
        // No reload: the open market page hears of the trade by server-sent events, ticker and K-line alike.
        await watcher.WaitForFunctionAsync("() => document.getElementById('ticker-last').textContent.trim() === '16.50'");
        // The last trade's time too, written as the server writes it (the display zone, Beijing by default).
        await watcher.WaitForFunctionAsync("b => document.getElementById('ticker-last-at').textContent.trim() !== b", lastAtBefore.Trim());
        var lastAt = (await watcher.InnerTextAsync("#ticker-last-at")).Trim();
        // The page opens on the daily chart of the demo's five seeded GDEA-2017 days (DemoAllowanceTrades): today's trade
        // adds the sixth bar.
        await watcher.WaitForSelectorAsync("#kline[data-chart-ready='6']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        // The demo's FFCER trades are cement's too: count the GDEA-2017 ones.
        var gdea = cement.Locator("#trades tr.trade", new PageLocatorOptions { HasText = "GDEA-2017" });
        var trades = await gdea.CountAsync();
        var settlement = await gdea.Locator("td.settled").InnerTextAsync();

        // 1 000 t at the resting sell's 16.50 = 16 500.00 yuan; each side's fee 0.05 % = 8.25 yuan.
        Assert.NotEqual("16.50", lastBefore.Trim());
        var today = server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches($@"^{today} \d{{2}}:\d{{2}}:\d{{2}} \(UTC\+8\)$", lastAt);
        Assert.Equal("1,000", (await watcher.InnerTextAsync("#ticker-volume")).Trim());
        Assert.Equal(1, trades);
        Assert.False(string.IsNullOrWhiteSpace(settlement));
        Assert.Equal(cementHeld + 1_000, await HeldAsync(cement, "GD-HOLD-CEMENT"));
        Assert.Equal(powerHeld - 1_000, await HeldAsync(power, "GD-HOLD-POWER"));
        Assert.Equal(cementCash - 16_500m - 8.25m, await BalanceAsync(cement));
        Assert.Equal(powerCash + 16_500m - 8.25m, await BalanceAsync(power));
        Assert.Contains("成交 #", await power.InnerTextAsync("#movements"), StringComparison.Ordinal);
    }
}
