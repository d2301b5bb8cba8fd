using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// A client's move declined in real Chromium: the power company offers its client the steel company to the cement company
/// on its client list; the cement company's trader sees the offer beside accept and declines it with a reason; the offer is
/// gone from both members' pages and the steel company stays the power company's open client.
/// </summary>
public sealed class ExchangeClientMovePagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string SteelCode = "91440200MA5CY1003";

    [Fact]
    public async Task Member_DeclinesAClientOfferedToIt_TheOfferEndsAndTheClientStaysWithItsMember()
    {
        var power = await server.SignInAsync("power-a");
        var cement = await server.SignInAsync("cement-a");
        var position = await cement.APIRequest.GetAsync("/api/v1/exchange/position");
        var cementAccount = (await position.JsonAsync())!.Value.GetProperty("account").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

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
        var withdrawShown = await power.IsVisibleAsync($"{client} .client-withdraw");
        await cement.GotoAsync("/Exchange/Clients");
        var offer = $"#clients-offered tr.client-offered[data-account='{account}']";
        var acceptShown = await cement.IsVisibleAsync($"{offer} .client-accept");
        await cement.FillAsync($"{offer} .client-decline-reason", "暂无承接能力");
        await cement.ClickAsync($"{offer} .client-decline");
        await cement.WaitForSelectorAsync("#done");
        var declinedText = await cement.InnerTextAsync("#done");
        var offersLeft = await cement.Locator("#clients-offered").CountAsync();
        await power.GotoAsync("/Exchange/Clients");
        var stateAfter = await power.GetAttributeAsync(client, "data-state");
        var offeredAfter = await power.Locator($"{client} .client-transfer-offered").CountAsync();

        Assert.True(withdrawShown);
        Assert.True(acceptShown);
        Assert.Contains("已拒绝转托管", declinedText, StringComparison.Ordinal);
        Assert.Equal(0, offersLeft);
        Assert.Equal("open", stateAfter);
        Assert.Equal(0, offeredAfter);
    }
}
