using Microsoft.Playwright;
using OpenEts.Server.Tests.Infrastructure;
using static OpenEts.Server.Tests.Browser.RegistryViews;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// A member trades for a client (客户) in real Chromium: the power company opens a client account for the steel company on
/// /Exchange/Clients and, on the trading page, enters a sell for it; the cement company buys; the steel company's user
/// sees the trade on its own trading page, read only, and the registry shows the steel company's units moved.
/// </summary>
public sealed class ExchangeClientPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Exchange_MemberEntersAnOrderForAClient_TheClientSeesTheTrade()
    {
        var steel = await server.SignInAsync("steel-a");
        var steelHeld = await HeldAsync(steel, "GD-HOLD-STEEL");
        var power = await server.SignInAsync("power-a");
        var cement = await server.SignInAsync("cement-a");

        var account = await ExchangeViews.OpenSteelClientAsync(power, steel);
        await power.GotoAsync("/Exchange");
        await power.SelectOptionAsync("#order-account", account);
        await power.SelectOptionAsync("#order-instrument", "GDEA-2017");
        await power.SelectOptionAsync("#order-side", "sell");
        await power.FillAsync("#order-price", "16.50");
        await power.FillAsync("#order-quantity", "300");
        await power.ClickAsync("#order-place");
        await power.WaitForSelectorAsync("#done");
        await cement.GotoAsync("/Exchange");
        await cement.SelectOptionAsync("#order-instrument", "GDEA-2017");
        await cement.SelectOptionAsync("#order-side", "buy");
        await cement.FillAsync("#order-price", "16.60");
        await cement.FillAsync("#order-quantity", "300");
        await cement.ClickAsync("#order-place");
        await cement.WaitForSelectorAsync("#done");
        await steel.GotoAsync("/Exchange");
        var trades = await steel.Locator("#trades tr.trade", new PageLocatorOptions { HasText = "GDEA-2017" }).CountAsync();
        var readOnly = await steel.IsVisibleAsync("#client-readonly");
        var orderForm = await steel.Locator("#order-form").CountAsync();

        Assert.Contains("client=" + account, power.Url, StringComparison.Ordinal);
        Assert.Equal(1, trades);
        Assert.True(readOnly);
        Assert.Equal(0, orderForm);
        Assert.Equal(steelHeld - 300, await HeldAsync(steel, "GD-HOLD-STEEL"));
    }
}
