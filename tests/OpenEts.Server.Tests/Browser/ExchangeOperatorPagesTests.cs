using System.Globalization;
using Microsoft.Playwright;
using OpenEts.Server.Tests.Infrastructure;
using static OpenEts.Server.Tests.Browser.RegistryViews;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// The exchange's switches and a member's hold on its clients in real Chromium: the exchange's staff switch an
/// instrument's T+1 resale rule and the national best-5 rule on the operator page, and a trader sees both rules and a sell
/// of units bought today refused naming T+1; a member suspends a client's account on its client list (the resting sell
/// cancelled, the units back, a new order refused naming the suspension) and reinstates it.
/// </summary>
public sealed class ExchangeOperatorPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Forestry = "FFCER-FJ0002-2016";
    private const string SteelCode = "91440200MA5CY1003";

    private static async Task PlaceAsync(IPage page, string instrument, string side, string price, string quantity, string? account = null)
    {
        await page.GotoAsync("/Exchange");
        if (account is not null)
        {
            await page.SelectOptionAsync("#order-account", account);
        }
        await page.SelectOptionAsync("#order-instrument", instrument);
        await page.SelectOptionAsync("#order-side", side);
        await page.FillAsync("#order-price", price);
        await page.FillAsync("#order-quantity", quantity);
        await page.ClickAsync("#order-place");
        await page.WaitForSelectorAsync("#done, #exchange-error");
    }

    [Fact]
    public async Task Operator_SwitchesTheResaleAndBestFiveRules_TheTraderSeesThemAndTodaysPurchaseCannotBeSold()
    {
        var staff = await server.SignInAsync("exchange");
        var paper = await server.SignInAsync("paper-a");
        var cement = await server.SignInAsync("cement-a");

        await staff.GotoAsync("/Exchange/Operator");
        var row = staff.Locator("#operator-instruments tr", new PageLocatorOptions { HasText = Forestry });
        await row.Locator(".resale-next-day").CheckAsync();
        await row.Locator(".best-five-levels").CheckAsync();
        await row.Locator(".instrument-rules-save").ClickAsync();
        await staff.WaitForSelectorAsync("#done");
        var saved = staff.Locator("#operator-instruments tr", new PageLocatorOptions { HasText = Forestry });
        var resaleOn = await saved.Locator(".resale-next-day").IsCheckedAsync();
        var bestFiveOn = await saved.Locator(".best-five-levels").IsCheckedAsync();
        await PlaceAsync(paper, Forestry, "sell", "19.00", "500");
        await PlaceAsync(cement, Forestry, "buy", "19.00", "500");
        var bought = await cement.IsVisibleAsync("#done");
        var instrument = cement.Locator("#instruments tr.instrument", new PageLocatorOptions { HasText = Forestry });
        var rulesShown = (await instrument.Locator(".resale-next-day").IsVisibleAsync(), await instrument.Locator(".best-five-levels").IsVisibleAsync());
        var free = long.Parse((await cement.InnerTextAsync($".units-free[data-instrument='{Forestry}']")).Replace(",", "", StringComparison.Ordinal),
            CultureInfo.InvariantCulture);
        await PlaceAsync(cement, Forestry, "sell", "19.50", free.ToString(CultureInfo.InvariantCulture));
        var refusal = await cement.InnerTextAsync("#exchange-error");
        await PlaceAsync(cement, Forestry, "sell", "19.50", (free - 500).ToString(CultureInfo.InvariantCulture));
        var olderSold = await cement.IsVisibleAsync("#done");

        Assert.True(resaleOn);
        Assert.True(bestFiveOn);
        Assert.True(bought);
        Assert.Equal((true, true), rulesShown);
        Assert.Contains("T+1", refusal, StringComparison.Ordinal);
        Assert.True(olderSold);
    }

    [Fact]
    public async Task Member_SuspendsAClientOnItsClientList_TheRestingSellIsCancelledAndNewOrdersAreRefusedUntilReinstated()
    {
        var power = await server.SignInAsync("power-a");
        var steel = await server.SignInAsync("steel-a");
        var steelHeld = await HeldAsync(steel, "GD-HOLD-STEEL");

        await power.GotoAsync("/Exchange/Clients");
        await power.FillAsync("#client-code", SteelCode + Domain.Organisations.CreditCode.CheckCharacter(SteelCode));
        await power.FillAsync("#client-holding", "GD-HOLD-STEEL");
        await power.ClickAsync("#client-open");
        await power.WaitForSelectorAsync("#done");
        var account = (await power.GetAttributeAsync("#clients tr.client", "data-account"))!;
        await ExchangeViews.ConfirmMandateAsync(steel);
        await power.GotoAsync("/Exchange/Clients");
        await PlaceAsync(power, "GDEA-2017", "sell", "17.50", "400", account);
        var heldWhileResting = await HeldAsync(steel, "GD-HOLD-STEEL");
        await power.GotoAsync("/Exchange/Clients");
        var client = $"#clients tr.client[data-account='{account}']";
        await power.FillAsync($"{client} .client-reason", "资料复核");
        await power.ClickAsync($"{client} .client-suspend");
        await power.WaitForSelectorAsync("#done");
        var suspendedState = await power.GetAttributeAsync(client, "data-state");
        var heldAfterSuspension = await HeldAsync(steel, "GD-HOLD-STEEL");
        await PlaceAsync(power, "GDEA-2017", "sell", "17.50", "100", account);
        var refusal = await power.InnerTextAsync("#exchange-error");
        await steel.GotoAsync("/Exchange");
        var steelNotice = await steel.GetAttributeAsync("#account-state", "data-state");
        await power.GotoAsync("/Exchange/Clients");
        await power.ClickAsync($"{client} .client-reinstate");
        await power.WaitForSelectorAsync("#done");
        var reinstatedState = await power.GetAttributeAsync(client, "data-state");
        await PlaceAsync(power, "GDEA-2017", "sell", "17.50", "100", account);
        var placedAgain = await power.IsVisibleAsync("#done");

        Assert.Equal(steelHeld - 400, heldWhileResting);
        Assert.Equal("suspended", suspendedState);
        Assert.Equal(steelHeld, heldAfterSuspension);
        Assert.Contains("暂停交易", refusal, StringComparison.Ordinal);
        Assert.Equal("suspended", steelNotice);
        Assert.Equal("open", reinstatedState);
        Assert.True(placedAgain);
    }
}
