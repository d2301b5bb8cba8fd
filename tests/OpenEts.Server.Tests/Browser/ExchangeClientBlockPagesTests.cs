using OpenEts.Server.Tests.Infrastructure;
using static OpenEts.Server.Tests.Browser.RegistryViews;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// A member proposes a block trade (大宗协议) for a client (客户) in real Chromium: the power company opens a client account
/// for the steel company, proposes on /Exchange/Blocks a sale of the steel company's units to the cement company "for" that
/// client; the cement company accepts; the member's page shows the client's block trades, the steel company's user reads
/// it without a form, and the registry shows the steel company's units moved.
/// </summary>
public sealed class ExchangeClientBlockPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task BlockTrade_ProposedForAClient_SettlesFromTheClientsAccount()
    {
        var steel = await server.SignInAsync("steel-a");
        var steelHeld = await HeldAsync(steel, "GD-HOLD-STEEL");
        var power = await server.SignInAsync("power-a");
        var cement = await server.SignInAsync("cement-a");
        var client = await ExchangeViews.OpenSteelClientAsync(power);
        await cement.GotoAsync("/Exchange/Blocks");
        var cementAccount = (await cement.InnerTextAsync("#block-own-account")).Trim();

        await power.GotoAsync("/Exchange/Blocks");
        var id = await ExchangeViews.ProposeBlockSaleAsync(power, cementAccount, client);
        await cement.GotoAsync("/Exchange/Blocks");
        await cement.ClickAsync($"tr.block[data-block='{id}'] .block-accept");
        await cement.WaitForSelectorAsync("#done");
        await power.GotoAsync("/Exchange/Blocks?client=" + client);
        var memberSees = await power.InnerTextAsync($"tr.block[data-block='{id}'] td.block-status");
        await steel.GotoAsync("/Exchange/Blocks");
        var clientSees = await steel.InnerTextAsync($"tr.block[data-block='{id}'] td.block-status");
        var readOnly = await steel.IsVisibleAsync("#client-readonly");
        var forms = await steel.Locator("#block-form").CountAsync();

        Assert.Equal(client, await power.InnerTextAsync($"tr.block[data-block='{id}'] td:nth-child(3)"));
        Assert.Equal(memberSees, clientSees);
        Assert.NotEmpty(await cement.Locator($"tr.block[data-block='{id}']").AllAsync());
        Assert.Empty(await cement.Locator($"tr.block[data-block='{id}'] .block-accept").AllAsync());
        Assert.True(readOnly);
        Assert.Equal(0, forms);
        Assert.Equal(steelHeld - 100_000, await HeldAsync(steel, "GD-HOLD-STEEL"));
    }
}
