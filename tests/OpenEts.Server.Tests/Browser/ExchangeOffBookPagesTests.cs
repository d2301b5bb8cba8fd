using Microsoft.Playwright;
using OpenEts.Server.Tests.Infrastructure;
using static OpenEts.Server.Tests.Browser.RegistryViews;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// The exchange's trades off the book in real Chromium, between the power and the cement company on the demo market
/// (GDEA-2017 at 16.09): a listing picked in part (挂牌点选) and a block trade proposed and accepted (大宗协议), each settled
/// at once, the registry showing the units moved and each company's cash the money and its fee.
/// </summary>
public sealed class ExchangeOffBookPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private static async Task OpenAsync(IPage page, string link)
    {
        await page.GotoAsync("/");
        await page.ClickAsync("#nav-exchange");
        await page.ClickAsync(link);
    }

    [Fact]
    public async Task Listing_PostedThenPickedInPart_SettlesAndTheRestComesBackOnWithdrawal()
    {
        var power = await server.SignInAsync("power-a");
        var powerHeld = await HeldAsync(power, "GD-HOLD-POWER");
        var powerCash = await BalanceAsync(power);
        var cement = await server.SignInAsync("cement-a");
        var cementHeld = await HeldAsync(cement, "GD-HOLD-CEMENT");
        var cementCash = await BalanceAsync(cement);

        await OpenAsync(power, "#exchange-listings");
        await power.SelectOptionAsync("#listing-instrument", "GDEA-2017");
        await power.SelectOptionAsync("#listing-side", "sell");
        await power.FillAsync("#listing-price", "16.20");
        await power.FillAsync("#listing-quantity", "1000");
        await power.FillAsync("#listing-minimum", "100");
        await power.ClickAsync("#listing-post");
        await power.WaitForSelectorAsync("#done");
        var id = await power.GetAttributeAsync("#my-listings tr.my-listing", "data-listing");
        await OpenAsync(cement, "#exchange-listings");
        await cement.FillAsync($"tr.listing[data-listing='{id}'] .listing-take", "400");
        await cement.ClickAsync($"tr.listing[data-listing='{id}'] .listing-pick");
        await cement.WaitForSelectorAsync("#done");
        var trades = await cement.Locator("#listing-trades tr.listing-trade").CountAsync();
        var settled = await cement.InnerTextAsync("#listing-trades tr.listing-trade td.settled");
        var powerAfterPick = await HeldAsync(power, "GD-HOLD-POWER");
        await power.GotoAsync("/Exchange/Listings");
        var taken = await power.InnerTextAsync($"tr.my-listing[data-listing='{id}'] td.listing-taken");
        await power.ClickAsync($"tr.my-listing[data-listing='{id}'] .listing-withdraw");
        await power.WaitForSelectorAsync("#done");

        // 400 t at the listing's 16.20 = 6 480.00 yuan; each side's fee 0.05 % = 3.24 yuan. The 1 000 t were frozen when
        // listed; the 600 not picked come back on withdrawal.
        Assert.Equal(1, trades);
        Assert.False(string.IsNullOrWhiteSpace(settled));
        Assert.Equal("400", taken.Trim());
        Assert.Equal(powerHeld - 1_000, powerAfterPick);
        Assert.Equal(powerHeld - 400, await HeldAsync(power, "GD-HOLD-POWER"));
        Assert.Equal(cementHeld + 400, await HeldAsync(cement, "GD-HOLD-CEMENT"));
        Assert.Equal(cementCash - 6_480m - 3.24m, await BalanceAsync(cement));
        Assert.Equal(powerCash + 6_480m - 3.24m, await BalanceAsync(power));
    }

    [Fact]
    public async Task BlockTrade_ProposedThenAccepted_SettlesUnitsCashAndFees()
    {
        var power = await server.SignInAsync("power-a");
        var powerHeld = await HeldAsync(power, "GD-HOLD-POWER");
        var powerCash = await BalanceAsync(power);
        var cement = await server.SignInAsync("cement-a");
        var cementHeld = await HeldAsync(cement, "GD-HOLD-CEMENT");
        var cementCash = await BalanceAsync(cement);

        await OpenAsync(cement, "#exchange-blocks");
        var cementAccount = (await cement.InnerTextAsync("#block-own-account")).Trim();
        await OpenAsync(power, "#exchange-blocks");
        var id = await ExchangeViews.ProposeBlockSaleAsync(power, cementAccount);
        await cement.GotoAsync("/Exchange/Blocks");
        await cement.ClickAsync($"tr.block[data-block='{id}'] .block-accept");
        await cement.WaitForSelectorAsync("#done");
        var status = await cement.InnerTextAsync($"tr.block[data-block='{id}'] td.block-status");

        // 100 000 t × 16.09 = 1 609 000.00 yuan; each side's fee 0.05 % = 804.50 yuan.
        Assert.False(string.IsNullOrWhiteSpace(status));
        Assert.Empty(await cement.Locator($"tr.block[data-block='{id}'] .block-accept").AllAsync());
        Assert.Equal(powerHeld - 100_000, await HeldAsync(power, "GD-HOLD-POWER"));
        Assert.Equal(cementHeld + 100_000, await HeldAsync(cement, "GD-HOLD-CEMENT"));
        Assert.Equal(cementCash - 1_609_000m - 804.50m, await BalanceAsync(cement));
        Assert.Equal(powerCash + 1_609_000m - 804.50m, await BalanceAsync(power));
    }
}
