using System.Globalization;
using OpenEts.Application.Demo;
using OpenEts.Application.Exchange;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Cli.Tests.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Registry;
using OpenEts.Matching;
using OpenEts.Storage;

namespace OpenEts.Cli.Tests.Exchange;

public sealed class AmendCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Exit, string Out, string Err)> RunAsync(RegistryDatabase db, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EtsCommand.RunAsync([.. args, "--db", db.Database], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    // The demo exchange (GDEA-2017 at 16.09, all-day calendar) with the power company's sell of 1 000 t at 16.50 resting.
    private static async Task<(RegistryDatabase Db, long Order)> ExchangeWithARestingSellAsync()
    {
        var db = await RegistryDatabase.SqliteAsync();
        await using var store = await SqlStore.OpenAsync(db.Database, Ct);
        using var registry = new RegistryService(store);
        using var exchange = new ExchangeService(store, registry, new ExchangeOptions(DemoRegistry.Clearing, FeeSchedule.Demo));
        var now = DateTimeOffset.UtcNow;
        Assert.True(await new DemoExchange(exchange, store).SeedIfEmptyAsync(now, Ct));
        var user = (await store.ReadAsync(s => s.Users.FindByNameAsync("power-a"), Ct))!;
        var placed = Assert.IsType<ExchangeOutcome.Completed>(await exchange.HandleAsync(new Actor(user.Id, user.UserName, user.Role, user.OrganisationId),
            new PlaceOrder("GDEA-2017", Side.Sell, OrderType.Limit, 1_650, 1_000, IdempotencyKey.From("cli-amend-s1")), now, Ct));
        return (db, placed.Order!.Id);
    }

    [Fact]
    public async Task Amend_OwnRestingSell_ChangesItAndOthersAreRefusedNamingTheRule()
    {
        var (db, order) = await ExchangeWithARestingSellAsync();
        using var _ = db;
        var id = order.ToString(CultureInfo.InvariantCulture);

        var amended = await RunAsync(db, "exchange", "amend", "--order", id, "--quantity", "600", "--price", "16.40", "--as", "power-a");
        var notMine = await RunAsync(db, "exchange", "amend", "--order", id, "--quantity", "10", "--as", "cement-a");
        var offTick = await RunAsync(db, "exchange", "amend", "--order", id, "--quantity", "600", "--price", "16.405", "--as", "power-a");

        Assert.Equal(0, amended.Exit);
        // 1 000 open lowered to 600 at a new price: 400 count as cancelled.
        Assert.Contains($"order {id} GDEA-2017 sell at 16.40: open, resting 600 t, filled 0 t, cancelled 400 t", amended.Out, StringComparison.Ordinal);
        Assert.Equal(1, notMine.Exit);
        Assert.Contains("rule UnknownOrder", notMine.Err, StringComparison.Ordinal);
        Assert.Equal(2, offTick.Exit);
    }

    [Fact]
    public async Task Amend_AfterTheDaysEndOfDay_IsRefusedAsDayClosed()
    {
        var (db, order) = await ExchangeWithARestingSellAsync();
        using var _ = db;
        var today = BeijingTime.TradingDay(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(0, (await RunAsync(db, "exchange", "end-of-day", "--date", today, "--as", "exchange")).Exit);

        var after = await RunAsync(db, "exchange", "amend", "--order", order.ToString(CultureInfo.InvariantCulture), "--quantity", "600", "--as", "power-a");

        // The end of day expired the order; the amend names the closed day rather than only "no such order".
        Assert.Equal(1, after.Exit);
        Assert.Contains("rule DayClosed", after.Err, StringComparison.Ordinal);
        Assert.Contains("orders are accepted again on the next trading day", after.Err, StringComparison.Ordinal);
    }
}
