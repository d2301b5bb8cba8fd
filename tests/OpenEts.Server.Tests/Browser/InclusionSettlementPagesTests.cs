using Microsoft.Playwright;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// Merchants' settlement in real Chromium: the demo bus company takes a Guangzhou citizen's coupon code, the programme's
/// operator (the PHCER project's owner) settles it in yuan on the merchants' page, and the merchant sees the statement
/// and downloads it.
/// </summary>
public sealed class InclusionSettlementPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Shop = "南粤航空机场巴士（演示商户）";

    [Fact]
    public async Task Merchants_OperatorSettlesTheBusCompanysCoupon_TheMerchantSeesTheStatementInYuan()
    {
        var citizen = await server.SignInAsync("citizen-gz", width: 390);
        await citizen.GotoAsync("/Inclusion/Me");
        var code = (await citizen.Locator("#codes .code-row[data-item='bus-fare-discount'] .redemption-code").InnerTextAsync()).Trim();
        var shop = await server.SignInAsync("aviation-a");
        await shop.GotoAsync("/Inclusion/Merchants");
        await shop.FillAsync("#confirm-code", code);
        await shop.ClickAsync("#confirm-submit");
        Assert.Equal("50", await shop.InnerTextAsync("#confirmed-coins"));

        var operatorPage = await server.SignInAsync("cement-a");
        await operatorPage.GotoAsync("/Inclusion/Merchants");
        var merchant = operatorPage.Locator("section.merchant", new PageLocatorOptions { HasText = Shop });
        await merchant.Locator("form.settle button").ClickAsync();

        // 50 coins × 0.04 yuan a coin [UNCONFIRMED] = 2.00 yuan.
        Assert.Equal("2.00", await operatorPage.InnerTextAsync("#settled-yuan"));
        await merchant.Locator("form.settle button").ClickAsync();
        Assert.NotNull(await operatorPage.WaitForSelectorAsync("#incl-error"));

        await shop.ReloadAsync();
        var statement = shop.Locator("section.merchant", new PageLocatorOptions { HasText = Shop }).Locator("table.statements tr[id^='statement-']");
        Assert.Equal(1, await statement.CountAsync());
        Assert.Equal("2.00", (await statement.Locator(".statement-yuan").InnerTextAsync()).Trim());
        var download = await shop.RunAndWaitForDownloadAsync(() => statement.Locator(".statement-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await citizen.Context.CloseAsync();
        await shop.Context.CloseAsync();
        await operatorPage.Context.CloseAsync();
    }
}
