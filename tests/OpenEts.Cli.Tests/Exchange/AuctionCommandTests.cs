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
// 2 000 000 yuan deposited. The close after the window is covered through the API and the pages (their clock can move).
public sealed class AuctionCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Exit, string Out, string Err)> RunAsync(RegistryDatabase db, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EtsCommand.RunAsync([.. args, "--db", db.Database], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Auction_AnnounceBidWithdrawList_ReportsAndRefusesNamingTheRule()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        await using (var store = await SqlStore.OpenAsync(db.Database, Ct))
        {
            using var registry = new RegistryService(store);
            using var exchange = new ExchangeService(store, registry, new ExchangeOptions(DemoRegistry.Clearing, FeeSchedule.Demo));
            Assert.True(await new DemoExchange(exchange, store).SeedIfEmptyAsync(DateTimeOffset.UtcNow, Ct));
            var cement = (await store.ReadAsync(s => s.Users.FindByNameAsync("cement-a"), Ct))!;
            var regulator = (await store.ReadAsync(s => s.Users.FindByNameAsync("regulator"), Ct))!;
            var organisation = (await store.ReadAsync(s => s.Organisations.FindByIdAsync(cement.OrganisationId!.Value), Ct))!;
            Assert.IsType<CashCommandOutcome.Completed>(await new CashCommandHandler(store, TimeProvider.System).HandleAsync(
                new Actor(regulator.Id, regulator.UserName, regulator.Role, regulator.OrganisationId),
                new DepositCash(organisation.Code, Yuan.From(2_000_000m), "slip", IdempotencyKey.From("cli-dep")), Ct));
        }
        var closes = DateTimeOffset.UtcNow.AddDays(1).ToString("O", CultureInfo.InvariantCulture);

        var announced = await RunAsync(db, "exchange", "auction", "announce", "--instrument", "GDEA-2017", "--quantity", "1000", "--reserve", "16.00",
            "--minimum", "100", "--closes", closes, "--as", "power-a");
        var bid = await RunAsync(db, "exchange", "auction", "bid", "--auction", "1", "--price", "16.50", "--quantity", "400", "--as", "cement-a");
        var own = await RunAsync(db, "exchange", "auction", "bid", "--auction", "1", "--price", "16.50", "--quantity", "400", "--as", "power-b");
        var early = await RunAsync(db, "exchange", "auction", "close", "--auction", "1", "--as", "exchange");
        var listed = await RunAsync(db, "exchange", "auction", "list", "--as", "cement-a");
        var withdrawn = await RunAsync(db, "exchange", "auction", "withdraw", "--bid", "1", "--as", "cement-a");
        var usage = await RunAsync(db, "exchange", "auction", "bid", "--as", "cement-a");

        Assert.Equal(0, announced.Exit);
        Assert.Contains("auction 1 GDEA-2017: 1000 t, reserve 16.00, minimum bid 100 t, uniform", announced.Out, StringComparison.Ordinal);
        Assert.Equal(0, bid.Exit);
        Assert.Contains("bid 1: 400 t at 16.50, open", bid.Out, StringComparison.Ordinal);
        Assert.Equal((1, true), (own.Exit, own.Err.Contains("rule OwnAuction", StringComparison.Ordinal)));
        Assert.Equal((1, true), (early.Exit, early.Err.Contains("rule AuctionNotOver", StringComparison.Ordinal)));
        Assert.Contains("bid 1: 400 t at 16.50, open", listed.Out, StringComparison.Ordinal);
        Assert.Equal(0, withdrawn.Exit);
        Assert.Contains("bid 1: 400 t at 16.50, withdrawn", withdrawn.Out, StringComparison.Ordinal);
        Assert.Equal(2, usage.Exit);
    }
}
