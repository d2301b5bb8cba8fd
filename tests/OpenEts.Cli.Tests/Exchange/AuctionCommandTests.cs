using System.Globalization;
using OpenEts.Application.Cash;
using OpenEts.Application.Demo;
using OpenEts.Application.Exchange;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Cli.Tests.Registry;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;
using OpenEts.Storage;

namespace OpenEts.Cli.Tests.Exchange;

// `ets exchange auction …` on the demo exchange (GDEA-2017 at 16.09, all-day calendar), the cement company with
// 2 000 000 yuan deposited.
public sealed class AuctionCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The demo exchange seeded at `seeded`; with `past`, an auction of 1 000 t announced by the power company an hour
    // before now whose window closed a minute before now, and the cement company's bid of 600 t at 16.50 on it.
    private static async Task<RegistryDatabase> ExchangeAsync(bool past = false)
    {
        var db = await RegistryDatabase.SqliteAsync();
        var now = DateTimeOffset.UtcNow;
        await using var store = await SqlStore.OpenAsync(db.Database, Ct);
        using var registry = new RegistryService(store);
        using var exchange = new ExchangeService(store, registry, new ExchangeOptions(DemoRegistry.Clearing, FeeSchedule.Demo));
        Assert.True(await new DemoExchange(exchange, store).SeedIfEmptyAsync(now.AddHours(-2), Ct));
        var cement = await ActorAsync(store, "cement-a");
        var organisation = (await store.ReadAsync(s => s.Organisations.FindByIdAsync(cement.OrganisationId!.Value), Ct))!;
        Assert.IsType<CashCommandOutcome.Completed>(await new CashCommandHandler(store, TimeProvider.System).HandleAsync(
            await ActorAsync(store, "regulator"), new DepositCash(organisation.Code, Yuan.From(2_000_000m), "slip", IdempotencyKey.From("cli-dep")), Ct));
        if (past)
        {
            Assert.IsType<ExchangeOutcome.Completed>(await exchange.HandleAsync(await ActorAsync(store, "power-a"), new AnnounceOneWayAuction(
                "GDEA-2017", 1_000, 1_600, 100, null, now.AddMinutes(-1), AuctionPricing.Uniform, IdempotencyKey.From("past-a")), now.AddHours(-1), Ct));
            Assert.IsType<ExchangeOutcome.Completed>(await exchange.HandleAsync(cement, new PlaceOneWayBid(1, 1_650, 600, IdempotencyKey.From("past-b")),
                now.AddMinutes(-30), Ct));
        }
        return db;
    }

    private static async Task<Actor> ActorAsync(SqlStore store, string name)
    {
        var user = (await store.ReadAsync(s => s.Users.FindByNameAsync(name), Ct))!;
        return new Actor(user.Id, user.UserName, user.Role, user.OrganisationId);
    }

    [Fact]
    public async Task Auction_AnnounceBidWithdrawListShow_ReportsAndRefusesNamingTheRule()
    {
        using var db = await ExchangeAsync();
        var closes = DateTimeOffset.UtcNow.AddDays(1).ToString("O", CultureInfo.InvariantCulture);

        var announced = await db.RunEtsAsync("exchange", "auction", "announce", "--instrument", "GDEA-2017", "--quantity", "1000", "--reserve", "16.00",
            "--minimum", "100", "--closes", closes, "--pricing", "payAsBid", "--as", "power-a");
        var bid = await db.RunEtsAsync("exchange", "auction", "bid", "--auction", "1", "--price", "16.50", "--quantity", "400", "--key", "cli-bid",
            "--as", "cement-a");
        var again = await db.RunEtsAsync("exchange", "auction", "bid", "--auction", "1", "--price", "16.50", "--quantity", "400", "--key", "cli-bid",
            "--as", "cement-a");
        var own = await db.RunEtsAsync("exchange", "auction", "bid", "--auction", "1", "--price", "16.50", "--quantity", "400", "--as", "power-b");
        var early = await db.RunEtsAsync("exchange", "auction", "close", "--auction", "1", "--as", "exchange");
        var listed = await db.RunEtsAsync("exchange", "auction", "list", "--as", "cement-a");
        var shown = await db.RunEtsAsync("exchange", "auction", "show", "--auction", "1", "--as", "cement-a");
        var sellerSees = await db.RunEtsAsync("exchange", "auction", "show", "--auction", "1", "--as", "power-a");
        var withdrawn = await db.RunEtsAsync("exchange", "auction", "withdraw", "--bid", "1", "--as", "cement-a");
        var unknown = await db.RunEtsAsync("exchange", "auction", "show", "--auction", "9", "--as", "cement-a");
        var usage = await db.RunEtsAsync("exchange", "auction", "bid", "--as", "cement-a");

        Assert.Equal(0, announced.Exit);
        // The pricing in words, the close in Beijing time to the second with its offset.
        Assert.Matches(@"^auction 1 GDEA-2017: 1000 t, reserve 16\.00, minimum bid 100 t, pay as bid, closes \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+08:00: announced",
            announced.Out);
        Assert.Equal(0, bid.Exit);
        Assert.Contains("bid 1: 400 t at 16.50, open", bid.Out, StringComparison.Ordinal);
        // The same key again answers with the first bid and reserves nothing more.
        Assert.Equal((0, bid.Out), (again.Exit, again.Out));
        Assert.Equal((1, true), (own.Exit, own.Err.Contains("rule OwnAuction", StringComparison.Ordinal)));
        Assert.Equal((1, true), (early.Exit, early.Err.Contains("rule AuctionNotOver", StringComparison.Ordinal)));
        Assert.Contains("bid 1: 400 t at 16.50, open", listed.Out, StringComparison.Ordinal);
        Assert.Equal((0, listed.Out), (shown.Exit, shown.Out));
        // The seller sees the bids only once the auction is cleared.
        Assert.Equal(0, sellerSees.Exit);
        Assert.DoesNotContain("  bid 1:", sellerSees.Out, StringComparison.Ordinal);
        Assert.Equal(0, withdrawn.Exit);
        Assert.Contains("bid 1: 400 t at 16.50, withdrawn", withdrawn.Out, StringComparison.Ordinal);
        Assert.Equal((1, true), (unknown.Exit, unknown.Err.Contains("rule UnknownAuction", StringComparison.Ordinal)));
        Assert.Equal(2, usage.Exit);
    }

    [Fact]
    public async Task Auction_CloseAfterTheWindow_SettlesTheWinnerAndShowsTheResult()
    {
        using var db = await ExchangeAsync(past: true);

        var late = await db.RunEtsAsync("exchange", "auction", "bid", "--auction", "1", "--price", "17.00", "--quantity", "100", "--as", "cement-a");
        var notStaff = await db.RunEtsAsync("exchange", "auction", "close", "--auction", "1", "--as", "cement-a");
        var closed = await db.RunEtsAsync("exchange", "auction", "close", "--auction", "1", "--as", "exchange");
        var twice = await db.RunEtsAsync("exchange", "auction", "close", "--auction", "1", "--as", "exchange");
        var sellerSees = await db.RunEtsAsync("exchange", "auction", "show", "--auction", "1", "--as", "power-a");

        // One bid of 600 t at 16.50 clears at its price: 9 900.00 yuan, fee 0.05 % = 4.95; 400 t go back to the seller.
        Assert.Equal((1, true), (late.Exit, late.Err.Contains("rule AuctionWindow", StringComparison.Ordinal)));
        Assert.Equal(1, notStaff.Exit);
        Assert.Equal(0, closed.Exit);
        Assert.Contains("auction 1 GDEA-2017: 1000 t, reserve 16.00, minimum bid 100 t, uniform", closed.Out, StringComparison.Ordinal);
        Assert.Contains(": cleared, sold 600 t at 16.50", closed.Out, StringComparison.Ordinal);
        Assert.Contains("bid 1: 600 t at 16.50, won, won 600 t at 16.50, fee 4.95, settled", closed.Out, StringComparison.Ordinal);
        Assert.Equal((1, true), (twice.Exit, twice.Err.Contains("rule AuctionAlreadyClosed", StringComparison.Ordinal)));
        Assert.Equal((0, closed.Out), (sellerSees.Exit, sellerSees.Out));
    }

    [Fact]
    public async Task Auction_BidForAClient_IsShownToTheMemberAndWithdrawnByIt()
    {
        using var db = await ExchangeAsync();
        var closes = DateTimeOffset.UtcNow.AddDays(1).ToString("O", CultureInfo.InvariantCulture);
        const string steel = "91440200MA5CY1003";
        var opened = await db.RunEtsAsync("exchange", "client", "open", "--client", steel + Domain.Organisations.CreditCode.CheckCharacter(steel),
            "--holding-account", "GD-HOLD-STEEL", "--as", "power-a");
        var client = System.Text.RegularExpressions.Regex.Match(opened.Out, @"trading account (\d+): awaiting client").Groups[1].Value;
        Assert.Equal(0, (await db.RunEtsAsync("exchange", "client", "confirm", "--account", client, "--as", "steel-a")).Exit);
        var deposited = await db.RunEtsAsync("cash", "deposit", steel + Domain.Organisations.CreditCode.CheckCharacter(steel), "100000", "--reference", "slip",
            "--as", "regulator", "--key", "steel-dep");

        var announced = await db.RunEtsAsync("exchange", "auction", "announce", "--instrument", "GDEA-2017", "--quantity", "1000", "--reserve", "16.00",
            "--minimum", "100", "--closes", closes, "--as", "cement-a");
        var bid = await db.RunEtsAsync("exchange", "auction", "bid", "--auction", "1", "--price", "16.50", "--quantity", "400", "--account", client,
            "--as", "power-a");
        var memberSees = await db.RunEtsAsync("exchange", "auction", "show", "--auction", "1", "--as", "power-b");
        var clientSees = await db.RunEtsAsync("exchange", "auction", "show", "--auction", "1", "--as", "steel-a");
        var sellerSees = await db.RunEtsAsync("exchange", "auction", "show", "--auction", "1", "--as", "cement-a");
        var withdrawn = await db.RunEtsAsync("exchange", "auction", "withdraw", "--bid", "1", "--as", "power-b");

        Assert.Equal((0, 0, 0, 0), (opened.Exit, deposited.Exit, announced.Exit, bid.Exit));
        Assert.Contains("bid 1: 400 t at 16.50, open", memberSees.Out, StringComparison.Ordinal);
        Assert.Contains("bid 1: 400 t at 16.50, open", clientSees.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("bid 1:", sellerSees.Out, StringComparison.Ordinal);
        Assert.Equal(0, withdrawn.Exit);
        Assert.Contains("bid 1: 400 t at 16.50, withdrawn", withdrawn.Out, StringComparison.Ordinal);
    }
}
