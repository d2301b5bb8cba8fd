using System.Globalization;
using OpenEts.Application.Demo;
using OpenEts.Application.Exchange;
using OpenEts.Application.Files;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Cli.Tests.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Registry;
using OpenEts.Matching;
using OpenEts.Storage;

namespace OpenEts.Cli.Tests.Exchange;

public sealed class EndOfDayCommandTests
{
    private static readonly string Today = BeijingTime.TradingDay(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<(int Exit, string Out, string Err)> RunAsync(RegistryDatabase db, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EtsCommand.RunAsync([.. args, "--db", db.Database], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    // The demo exchange: GDEA-2017 listed at 16.09 with trading accounts for the power and cement companies.
    private static async Task<RegistryDatabase> ExchangeDatabaseAsync()
    {
        var db = await RegistryDatabase.SqliteAsync();
        await using var store = await SqlStore.OpenAsync(db.Database, CancellationToken.None);
        using var registry = new RegistryService(store);
        using var exchange = new ExchangeService(store, registry, new ExchangeOptions(DemoRegistry.Clearing, FeeSchedule.Demo));
        Assert.True(await new DemoExchange(exchange, store).SeedIfEmptyAsync(DateTimeOffset.UtcNow, CancellationToken.None));
        return db;
    }

    [Fact]
    public async Task EndOfDay_ADayWithoutTrades_KeepsTheReferenceAndRefusesARepeatOrACompany()
    {
        using var db = await ExchangeDatabaseAsync();

        var company = await RunAsync(db, "exchange", "end-of-day", "--date", Today, "--as", "power-a");
        var first = await RunAsync(db, "exchange", "end-of-day", "--date", Today, "--as", "exchange");
        var again = await RunAsync(db, "exchange", "end-of-day", "--date", Today, "--as", "exchange");
        var badDate = await RunAsync(db, "exchange", "end-of-day", "--date", "30.11.2026", "--as", "exchange");

        Assert.Equal(1, company.Exit);
        Assert.Contains("rule Role", company.Err, StringComparison.Ordinal);
        Assert.Equal(0, first.Exit);
        // No trade: the close is the previous close (the reference, 16.09), kept as the next day's reference.
        Assert.Contains("GDEA-2017: close 16.09 (GuangzhouClickListing, reference kept)", first.Out, StringComparison.Ordinal);
        Assert.Contains("next reference 16.09", first.Out, StringComparison.Ordinal);
        Assert.Equal(1, again.Exit);
        Assert.Contains("rule DayClosed", again.Err, StringComparison.Ordinal);
        Assert.Equal(2, badDate.Exit);
    }

    [Fact]
    public async Task VerifyAndEndOfDay_OneRestingOrder_SayOneOrderInTheSingular()
    {
        using var db = await ExchangeDatabaseAsync();
        await using (var store = await SqlStore.OpenAsync(db.Database, CancellationToken.None))
        {
            using var registry = new RegistryService(store);
            using var exchange = new ExchangeService(store, registry, new ExchangeOptions(DemoRegistry.Clearing, FeeSchedule.Demo));
            var user = (await store.ReadAsync(s => s.Users.FindByNameAsync("power-a"), CancellationToken.None))!;
            Assert.IsType<ExchangeOutcome.Completed>(await exchange.HandleAsync(new Actor(user.Id, user.UserName, user.Role, user.OrganisationId),
                new PlaceOrder("GDEA-2017", Side.Sell, OrderType.Limit, 1_650, 1_000, IdempotencyKey.From("cli-eod-s1")), DateTimeOffset.UtcNow,
                CancellationToken.None));
        }

        var verified = await RunAsync(db, "exchange", "verify");
        var closed = await RunAsync(db, "exchange", "end-of-day", "--date", Today, "--as", "exchange");

        Assert.Equal(0, verified.Exit);
        Assert.Contains(": 0 trades, 1 order resting; 0 snapshot comparisons", verified.Out, StringComparison.Ordinal);
        Assert.Equal(0, closed.Exit);
        Assert.Contains(", 1 order expired;", closed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportMemberReport_OwnAccount_WritesTheReportAndTradesExportIsForSupervisorsOnly()
    {
        using var db = await ExchangeDatabaseAsync();
        var report = Path.Combine(db.Folder, "report.xlsx");
        var trades = Path.Combine(db.Folder, "trades.csv");

        var member = await RunAsync(db, "exchange", "export", "member-report", "--date", Today, "--as", "cement-a", "--out", report);
        var byCompany = await RunAsync(db, "exchange", "export", "trades", "--date", Today, "--as", "cement-a", "--out", trades);
        var byRegulator = await RunAsync(db, "exchange", "export", "trades", "--date", Today, "--as", "regulator", "--out", trades);

        Assert.Equal(0, member.Exit);
        Assert.Contains("0 trades, fees 0.00 yuan", member.Out, StringComparison.Ordinal);
        await using (var file = File.OpenRead(report))
        {
            var sheet = TabularFile.Read(file, "report.xlsx");
            Assert.Contains(sheet.Rows, r => r.Cells.Length > 2 && r.Cells[0] == "position" && r.Cells[2] == "GDEA-2017");
        }
        Assert.Equal(1, byCompany.Exit);
        Assert.Equal(0, byRegulator.Exit);
        var bytes = await File.ReadAllBytesAsync(trades, TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.StartsWith("成交号 Trade", System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), StringComparison.Ordinal);
    }
}
