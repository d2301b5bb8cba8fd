using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// A client's move withdrawn by the exchange in real Chromium: the power company offers its client the steel company to the
/// cement company; the exchange's staff see the offer on the operator page and withdraw it with a reason; the offer is gone
/// from the operator page and from the cement company's offers, and the steel company stays the power company's open client.
/// </summary>
public sealed class ExchangeOperatorMovePagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string SteelCode = "91440200MA5CY1003";

    private static async Task<string> AccountAsync(Microsoft.Playwright.IPage page)
    {
        var position = await page.APIRequest.GetAsync("/api/v1/exchange/position");
        return (await position.JsonAsync())!.Value.GetProperty("account").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Operator_WithdrawsAClientMoveOffer_TheOfferDisappearsAndTheClientStaysWithItsMember()
    {
        var power = await server.SignInAsync("power-a");
        var cement = await server.SignInAsync("cement-a");
        var staff = await server.SignInAsync("exchange");
        var cementAccount = await AccountAsync(cement);
        var powerAccount = await AccountAsync(power);

        await power.GotoAsync("/Exchange/Clients");
        await power.FillAsync("#client-code", SteelCode + Domain.Organisations.CreditCode.CheckCharacter(SteelCode));
        await power.FillAsync("#client-holding", "GD-HOLD-STEEL");
        await power.ClickAsync("#client-open");
        await power.WaitForSelectorAsync("#done");
        var account = (await power.GetAttributeAsync("#clients tr.client", "data-account"))!;
        await ExchangeViews.ConfirmMandateAsync(await server.SignInAsync("steel-a"));
        await power.GotoAsync("/Exchange/Clients");
        var client = $"#clients tr.client[data-account='{account}']";
        await power.FillAsync($"{client} .client-to-member", cementAccount);
        await power.ClickAsync($"{client} .client-transfer");
        await power.WaitForSelectorAsync("#done");
        await staff.GotoAsync("/Exchange/Operator");
        var row = $"#trading-accounts tr.trading-account[data-account='{account}']";
        var offerShown = await staff.InnerTextAsync($"{row} .account-transfer-offered");
        await staff.FillAsync($"{row} .account-withdraw-reason", "会员资格复核");
        await staff.ClickAsync($"{row} .account-withdraw");
        await staff.WaitForSelectorAsync("#done");
        var withdrawnText = await staff.InnerTextAsync("#done");
        var offerLeft = await staff.Locator($"{row} .account-transfer-offered").CountAsync();
        var withdrawLeft = await staff.Locator($"{row} .account-withdraw").CountAsync();
        var memberShown = await staff.InnerTextAsync($"{row} td:nth-child(4)");
        await cement.GotoAsync("/Exchange/Clients");
        var offersToCement = await cement.Locator($"#clients-offered tr.client-offered[data-account='{account}']").CountAsync();
        await power.GotoAsync("/Exchange/Clients");
        var stateAfter = await power.GetAttributeAsync(client, "data-state");
        var offeredAfter = await power.Locator($"{client} .client-transfer-offered").CountAsync();

        Assert.Contains(cementAccount, offerShown, StringComparison.Ordinal);
        Assert.Contains("已撤回转托管申请", withdrawnText, StringComparison.Ordinal);
        Assert.Equal(0, offerLeft);
        Assert.Equal(0, withdrawLeft);
        Assert.Equal($"珠江示范发电有限公司 ({powerAccount})", memberShown.Trim());
        Assert.Equal(0, offersToCement);
        Assert.Equal("open", stateAfter);
        Assert.Equal(0, offeredAfter);
    }
}
