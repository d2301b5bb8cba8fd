using System.Globalization;
using Microsoft.Playwright;
using OpenEts.Server.Tests.Infrastructure;
using static OpenEts.Server.Tests.Browser.RegistryViews;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// A one-way auction (单向竞价) in real Chromium on the demo market: the power company announces 1 000 t of GDEA-2017, the
/// cement and paper companies bid, the exchange's staff close it after the window (the server's clock moved on, so this
/// class has its own server), and the registry and the cash ledger show it settled.
/// </summary>
public sealed class ExchangeAuctionPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private static async Task BidAsync(IPage page, string auction, string price, string quantity)
    {
        await page.GotoAsync("/Exchange/Auctions");
        var section = $"section.auction[data-auction='{auction}']";
        await page.FillAsync($"{section} .bid-price", price);
        await page.FillAsync($"{section} .bid-quantity", quantity);
        await page.ClickAsync($"{section} .bid-send");
        await page.WaitForSelectorAsync("#done");
    }

    [Fact]
    public async Task Auction_AnnouncedTwoBiddersThenClosed_IsSettledInTheRegistryAndTheCashLedger()
    {
        var power = await server.SignInAsync("power-a");
        var powerHeld = await HeldAsync(power, "GD-HOLD-POWER");
        var powerCash = await BalanceAsync(power);
        var cement = await server.SignInAsync("cement-a");
        var cementHeld = await HeldAsync(cement, "GD-HOLD-CEMENT");
        var cementCash = await BalanceAsync(cement);
        var paper = await server.SignInAsync("paper-a");
        var staff = await server.SignInAsync("exchange");

        await power.GotoAsync("/");
        await power.ClickAsync("#nav-exchange");
        await power.ClickAsync("#exchange-auctions");
        await power.SelectOptionAsync("#auction-instrument", "GDEA-2017");
        await power.FillAsync("#auction-quantity", "1000");
        await power.FillAsync("#auction-reserve", "16.00");
        await power.FillAsync("#auction-minimum", "100");
        var closes = server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddMinutes(30);
        await power.FillAsync("#auction-closes", closes.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await power.ClickAsync("#auction-announce");
        await power.WaitForSelectorAsync("#done");
        var id = await power.GetAttributeAsync("section.auction", "data-auction");
        var frozen = await HeldAsync(power, "GD-HOLD-POWER");
        await BidAsync(cement, id!, "17.00", "600");
        await BidAsync(paper, id!, "16.50", "600");
        server.Clock.Advance(TimeSpan.FromMinutes(31));
        await staff.GotoAsync("/Exchange/Auctions");
        await staff.ClickAsync($"section.auction[data-auction='{id}'] .auction-close");
        await staff.WaitForSelectorAsync("#done");
        var clearing = await staff.InnerTextAsync($"section.auction[data-auction='{id}'] .auction-clearing");
        await cement.GotoAsync("/Exchange/Auctions");
        var cementBid = await cement.InnerTextAsync($"section.auction[data-auction='{id}'] tr.auction-bid .bid-won");

        // Uniform at 16.50: cement 600 t = 9 900.00 yuan (fee 4.95), paper the 400 t left = 6 600.00 yuan (fee 3.30); the
        // seller receives 16 500.00 less its fees 4.95 + 3.30.
        Assert.Equal(powerHeld - 1_000, frozen);
        Assert.Equal("16.50", clearing.Trim());
        Assert.Equal("600", cementBid.Trim());
        Assert.Equal(powerHeld - 1_000, await HeldAsync(power, "GD-HOLD-POWER"));
        Assert.Equal(cementHeld + 600, await HeldAsync(cement, "GD-HOLD-CEMENT"));
        Assert.Equal(cementCash - 9_900m - 4.95m, await BalanceAsync(cement));
        Assert.Equal(powerCash + 16_500m - 4.95m - 3.30m, await BalanceAsync(power));
    }
}
