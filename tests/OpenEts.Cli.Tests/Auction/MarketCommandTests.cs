using OpenEts.Application.Auction;
using OpenEts.Application.Cash;
using OpenEts.Application.Demo;
using OpenEts.Cli.Tests.Registry;
using OpenEts.Domain.Allocation.Auction;
using OpenEts.Storage;
using OpenEts.Domain.Organisations;

namespace OpenEts.Cli.Tests.Auction;

public sealed class MarketCommandTests
{
    private static readonly string Cement = "91441800MA5CY1002" + CreditCode.CheckCharacter("91441800MA5CY1002");

    private static async Task<(int Exit, string Out, string Err)> RunAsync(RegistryDatabase db, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EtsCommand.RunAsync([.. args, "--db", db.Database], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task CashDeposit_ByTheRegulator_ShowsOnTheCompanysBalance()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var deposit = await RunAsync(db, "cash", "deposit", Cement, "1000.50", "--reference", "slip 7", "--as", "regulator", "--key", "d1");
        var again = await RunAsync(db, "cash", "deposit", Cement, "1000.50", "--reference", "slip 7", "--as", "regulator", "--key", "d1");
        var balance = await RunAsync(db, "cash", "balance", Cement, "--as", "cement-a");

        Assert.Equal(0, deposit.Exit);
        Assert.Contains("already done", again.Out, StringComparison.Ordinal);
        Assert.Equal(0, balance.Exit);
        Assert.Contains("balance 1000.50, reserved 0.00, available 1000.50 yuan", balance.Out, StringComparison.Ordinal);
        // The movement's time in Beijing time to the second with its offset.
        Assert.Matches(@"\n  \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+08:00  \S+ +\+1000\.50  balance after 1000\.50  slip 7", balance.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task CashDepositAndAuctionBid_Done_SayWhatTheyDidInWords()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        await using (var store = await SqlStore.OpenAsync(db.Database, TestContext.Current.CancellationToken))
        {
            await new DemoAuction(new CashCommandHandler(store, new FixedTime(at)), store, new NoPlan()).SeedAuctionAsync(at, TestContext.Current.CancellationToken);
        }

        var deposit = await RunAsync(db, "cash", "deposit", Cement, "1000000", "--reference", "slip 8", "--as", "regulator");
        var bid = await RunAsync(db, "auction", "bid", "1", "GD-HOLD-CEMENT", "1000", "17", "--as", "cement-a");

        // Not the journal's kind and a bare number ("cash.deposited 3", "auction.bid-placed 1").
        Assert.True(deposit.Exit == 0, deposit.Err);
        Assert.Matches($@"^deposited 1000000\.00 yuan for {Cement} \(slip 8\): cash movement \d+\n$", deposit.Out.ReplaceLineEndings("\n"));
        Assert.True(bid.Exit == 0, bid.Err);
        Assert.Matches(@"^bid \d+ placed in auction 1: 1000 t at 17\.00 yuan, for GD-HOLD-CEMENT; 17000\.00 yuan of your cash is held until the close\n$",
            bid.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task CashBalance_PageByPage_GivesTheBalanceAfterEachMovement_AndRefusesPageZero()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        for (var i = 1; i <= 51; i++)
        {
            Assert.Equal(0, (await RunAsync(db, "cash", "deposit", Cement, "10.25", "--reference", $"slip {i}", "--as", "regulator", "--key", $"p{i}")).Exit);
        }

        var first = await RunAsync(db, "cash", "balance", Cement, "--as", "cement-a");
        var second = await RunAsync(db, "cash", "balance", Cement, "--as", "cement-a", "--page", "2");
        var zero = await RunAsync(db, "cash", "balance", Cement, "--as", "cement-a", "--page", "0");

        // 51 deposits of 10.25: the newest leaves 522.75, the 50th-newest 20.50 (the last of page 1), the oldest 10.25.
        Assert.Contains("+10.25  balance after 522.75  slip 51", first.Out, StringComparison.Ordinal);
        Assert.Contains("+10.25  balance after 20.50  slip 2", first.Out, StringComparison.Ordinal);
        Assert.Contains("movements: page 1 of 2", first.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("slip 1\n", first.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("+10.25  balance after 10.25  slip 1", second.Out, StringComparison.Ordinal);
        Assert.Contains("movements: page 2 of 2", second.Out, StringComparison.Ordinal);
        Assert.Equal(2, zero.Exit);
        Assert.Contains("--page", zero.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CashDeposit_FractionOfAFenOrByACompany_IsRefused()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var fraction = await RunAsync(db, "cash", "deposit", Cement, "10.001", "--reference", "slip", "--as", "regulator");
        var company = await RunAsync(db, "cash", "deposit", Cement, "10", "--reference", "slip", "--as", "cement-a");

        Assert.Equal(2, fraction.Exit);
        Assert.Contains("fen", fraction.Err, StringComparison.Ordinal);
        Assert.Equal(1, company.Exit);
        Assert.Contains("NotPermitted", company.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuctionBid_OnNoSuchAuction_IsRefusedAndListIsEmpty()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var bid = await RunAsync(db, "auction", "bid", "9", "GD-HOLD-CEMENT", "1000", "17", "--as", "cement-a");
        var list = await RunAsync(db, "auction", "list");

        Assert.Equal(1, bid.Exit);
        Assert.Contains("refused: auction: there is no such auction, or you may not see it (rule NotFound)", bid.Err, StringComparison.Ordinal);
        Assert.Equal((0, "no auctions\n"), (list.Exit, list.Out.ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task AuctionListAndShow_AnAuction_ShowItsWindowInBeijingTimeToTheSecondAndItsStatusAsAWord()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        // Announced at 01:02:03 UTC, 09:02:03 in Beijing, open for 14 days.
        var at = new DateTimeOffset(2026, 11, 30, 1, 2, 3, TimeSpan.Zero);
        await using (var store = await SqlStore.OpenAsync(db.Database, TestContext.Current.CancellationToken))
        {
            await new DemoAuction(new CashCommandHandler(store, new FixedTime(at)), store, new NoPlan()).SeedAuctionAsync(at, TestContext.Current.CancellationToken);
        }

        var list = await RunAsync(db, "auction", "list");
        var show = await RunAsync(db, "auction", "show", "1");

        Assert.Equal(0, list.Exit);
        Assert.Contains("  2026-11-30 09:02:03 +08:00 – 2026-12-14 09:02:03 +08:00  reserve ", list.Out, StringComparison.Ordinal);
        Assert.Contains("  open  clearing -  sold -", list.Out, StringComparison.Ordinal);
        Assert.Equal(0, show.Exit);
        Assert.Contains("  2026-11-30 09:02:03 +08:00 – 2026-12-14 09:02:03 +08:00  reserve ", show.Out, StringComparison.Ordinal);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    // No approved plan: the demo falls back to Guangdong's auction rules.
    private sealed class NoPlan : IAuctionRulesSource
    {
        public Task<AuctionRules?> RulesAsync(string jurisdiction, int year, CancellationToken ct) => Task.FromResult<AuctionRules?>(null);
    }

    [Fact]
    public async Task AuctionCloseAndShow_OnNoSuchAuction_ExitOneNamingIt()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var close = await RunAsync(db, "auction", "close", "9", "--as", "regulator");
        var byCompany = await RunAsync(db, "auction", "close", "9", "--as", "cement-a");
        var show = await RunAsync(db, "auction", "show", "9");

        Assert.Equal(1, close.Exit);
        Assert.Contains("refused: auction: there is no such auction, or you may not see it (rule NotFound)", close.Err, StringComparison.Ordinal);
        Assert.Equal(1, byCompany.Exit);
        Assert.Equal(1, show.Exit);
        Assert.Contains("there is no auction 9", show.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuctionWithdraw_OnNoSuchAuctionOrByACompany_ExitOneNamingIt()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var withdraw = await RunAsync(db, "auction", "withdraw", "9", "--as", "regulator", "--reason", "测试");
        var byCompany = await RunAsync(db, "auction", "withdraw", "9", "--as", "cement-a");

        Assert.Equal(1, withdraw.Exit);
        Assert.Contains("refused: auction: there is no such auction, or you may not see it (rule NotFound)", withdraw.Err, StringComparison.Ordinal);
        Assert.Equal(1, byCompany.Exit);
        Assert.Contains("Regulator", byCompany.Err, StringComparison.Ordinal);
    }
}
