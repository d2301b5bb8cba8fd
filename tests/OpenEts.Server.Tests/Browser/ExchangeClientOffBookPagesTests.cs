using OpenEts.Server.Tests.Infrastructure;
using static OpenEts.Server.Tests.Browser.RegistryViews;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// A member trades off the book for a client (客户) in real Chromium, the power company for the steel company. A block trade
/// (大宗协议): proposed on /Exchange/Blocks "for" the client, accepted by the cement company, shown on the member's page for
/// the client and read by the steel company's user without a form. A listing (挂牌点选): posted on /Exchange/Listings for
/// the client, picked in part by the cement company, the rest withdrawn by the member, the trade read by the steel
/// company's user. A one-way auction (单向竞价): announced on /Exchange/Auctions for the client, its units frozen, shown as
/// the member's and the client's own, the client's user without a form. The registry shows the steel company's units moved
/// each time.
/// </summary>
public sealed class ExchangeClientOffBookPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task BlockTrade_ProposedForAClient_SettlesFromTheClientsAccount()
    {
        var steel = await server.SignInAsync("steel-a");
        var steelHeld = await HeldAsync(steel, "GD-HOLD-STEEL");
        var power = await server.SignInAsync("power-a");
        var cement = await server.SignInAsync("cement-a");
        var client = await ExchangeViews.OpenSteelClientAsync(power, steel);
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

        Assert.EndsWith($"({client})", await power.InnerTextAsync($"tr.block[data-block='{id}'] td.block-proposer"), StringComparison.Ordinal);
        Assert.Equal(memberSees, clientSees);
        Assert.NotEmpty(await cement.Locator($"tr.block[data-block='{id}']").AllAsync());
        Assert.Empty(await cement.Locator($"tr.block[data-block='{id}'] .block-accept").AllAsync());
        Assert.True(readOnly);
        Assert.Equal(0, forms);
        Assert.Equal(steelHeld - 100_000, await HeldAsync(steel, "GD-HOLD-STEEL"));
    }

    [Fact]
    public async Task Listing_PostedForAClientPickedAndWithdrawn_MovesTheClientsUnits()
    {
        var steel = await server.SignInAsync("steel-a");
        var power = await server.SignInAsync("power-a");
        var cement = await server.SignInAsync("cement-a");
        var client = await ExchangeViews.OpenSteelClientAsync(power, steel);
        var steelHeld = await HeldAsync(steel, "GD-HOLD-STEEL");

        await power.GotoAsync("/Exchange/Listings?client=" + client);
        var preselected = await power.InputValueAsync("#listing-account");
        await power.SelectOptionAsync("#listing-instrument", "GDEA-2017");
        await power.SelectOptionAsync("#listing-side", "sell");
        await power.FillAsync("#listing-price", "16.09");
        await power.FillAsync("#listing-quantity", "1000");
        await power.ClickAsync("#listing-post");
        await power.WaitForSelectorAsync("#done");
        var id = await power.GetAttributeAsync("#my-listings tr.my-listing", "data-listing");
        await cement.GotoAsync("/Exchange/Listings");
        await cement.FillAsync($"tr.listing[data-listing='{id}'] .listing-take", "400");
        await cement.ClickAsync($"tr.listing[data-listing='{id}'] .listing-pick");
        await cement.WaitForSelectorAsync("#done");
        await power.GotoAsync("/Exchange/Listings?client=" + client);
        var taken = await power.InnerTextAsync($"tr.my-listing[data-listing='{id}'] td.listing-taken");
        await power.ClickAsync($"tr.my-listing[data-listing='{id}'] .listing-withdraw");
        await power.WaitForSelectorAsync("#done");
        await steel.GotoAsync("/Exchange/Listings");
        var clientTrades = await steel.Locator("#listing-trades tr.listing-trade").CountAsync();
        var readOnly = await steel.IsVisibleAsync("#client-readonly");
        var forms = await steel.Locator("#listing-form").CountAsync();

        Assert.Equal(client, preselected);
        Assert.Contains("client=" + client, power.Url, StringComparison.Ordinal);
        Assert.Equal("400", taken.Trim());
        Assert.Equal(1, clientTrades);
        Assert.True(readOnly);
        Assert.Equal(0, forms);
        Assert.Equal(steelHeld - 400, await HeldAsync(steel, "GD-HOLD-STEEL"));
    }

    [Fact]
    public async Task Auction_AnnouncedForAClient_FreezesTheClientsUnitsAndIsTheClientsOwn()
    {
        var steel = await server.SignInAsync("steel-a");
        var power = await server.SignInAsync("power-a");
        var cement = await server.SignInAsync("cement-a");
        var client = await ExchangeViews.OpenSteelClientAsync(power, steel);
        var steelHeld = await HeldAsync(steel, "GD-HOLD-STEEL");

        await power.GotoAsync("/Exchange/Auctions");
        await power.SelectOptionAsync("#auction-account", client);
        await power.SelectOptionAsync("#auction-instrument", "GDEA-2017");
        await power.FillAsync("#auction-quantity", "1000");
        await power.FillAsync("#auction-reserve", "16.00");
        await power.FillAsync("#auction-minimum", "100");
        var closes = server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddMinutes(30);
        await power.FillAsync("#auction-closes", closes.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await power.ClickAsync("#auction-announce");
        await power.WaitForSelectorAsync("#done");
        var id = await power.GetAttributeAsync("section.auction", "data-auction");
        var section = $"section.auction[data-auction='{id}']";
        var memberOwns = await power.Locator(section + " .auction-yours").CountAsync();
        await steel.GotoAsync("/Exchange/Auctions");
        var clientOwns = await steel.Locator(section + " .auction-yours").CountAsync();
        var clientForms = await steel.Locator("#auction-form, .auction-bid-form").CountAsync();
        var readOnly = await steel.IsVisibleAsync("#client-readonly");
        await cement.GotoAsync("/Exchange/Auctions");
        var cementOwns = await cement.Locator(section + " .auction-yours").CountAsync();
        var cementBids = await cement.Locator(section + " .auction-bid-form").CountAsync();

        Assert.Equal((1, 1, 0), (memberOwns, clientOwns, cementOwns));
        Assert.Equal(0, clientForms);
        Assert.True(readOnly);
        Assert.Equal(1, cementBids);
        Assert.Equal(steelHeld - 1_000, await HeldAsync(steel, "GD-HOLD-STEEL"));
    }
}
