using System.Globalization;

namespace OpenEts.Cli.Tests.Registry;

public sealed partial class RegistryCommandTests
{
    private static Task<(int Exit, string Out, string Err)> ProposeFromPowerAsync(RegistryDatabase db, string user = "power-a") =>
        db.RunAsync("transfer", "propose", "GD-HOLD-POWER", "GD-HOLD-CEMENT", "GDEA-2017", "1000", "--as", user);

    private static async Task<string> HolderOfAsync(RegistryDatabase db, string unitClass, long serial)
    {
        var (exit, output, error) = await db.RunAsync("serial", unitClass, serial.ToString(CultureInfo.InvariantCulture));
        Assert.True(exit == 0, error);
        return output.Trim().Split(": ")[1];
    }

    /// <summary>The first serial of <paramref name="unitClass"/> the account holds (from <c>holdings --format csv</c>).</summary>
    private static async Task<long> FirstSerialAsync(RegistryDatabase db, string account, string unitClass)
    {
        var (_, output, _) = await db.RunAsync("holdings", account, "--format", "csv");
        var line = output.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith(unitClass + ",", StringComparison.Ordinal));
        return long.Parse(line.Split(',')[2][(unitClass.Length + 1)..].Split('-')[0], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task OpenAccount_InvestorWithTwoRepresentatives_IsListed()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, output, error) = await db.RunAsync("open-account", "GD-INV-001", "investor", "示范投资有限公司",
            "--rep", "exchange", "--rep", "exchange-b", "--as", "regulator");
        var accounts = await db.RunAsync("accounts");

        Assert.True(exit == 0, error);
        Assert.Contains("opened Investor account GD-INV-001 for 示范投资有限公司 (exchange, exchange-b)", output, StringComparison.Ordinal);
        var line = accounts.Out.Split('\n').Single(l => l.Contains("GD-INV-001", StringComparison.Ordinal));
        Assert.Contains("Investor", line, StringComparison.Ordinal);
        Assert.Contains("Open", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAccount_UnknownRepresentative_ExitsOneAndOpensNothing()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await db.RunAsync("open-account", "GD-INV-001", "investor", "示范投资有限公司",
            "--rep", "exchange", "--rep", "nobody", "--as", "regulator");
        var holdings = await db.RunAsync("holdings", "GD-INV-001");

        Assert.Equal(1, exit);
        Assert.Contains("refused: representatives: no platform user named 'nobody' (rule UnknownUser)", error, StringComparison.Ordinal);
        Assert.Equal(1, holdings.Exit);
        Assert.Contains("UnknownAccount", holdings.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAccount_OneRepresentative_ExitsOneWithTooFewRepresentatives()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await db.RunAsync("open-account", "GD-INV-001", "investor", "示范投资有限公司",
            "--rep", "exchange", "--as", "regulator");

        Assert.Equal(1, exit);
        Assert.Contains("refused: representatives:", error, StringComparison.Ordinal);
        Assert.Contains("(rule TooFewRepresentatives)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Block_HoldingAccount_RefusesTransferOutUntilUnblocked()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var blocked = await db.RunAsync("block", "GD-HOLD-POWER", "--reason", "court order 2026-17", "--as", "regulator");
        var refused = await ProposeFromPowerAsync(db);
        var unblocked = await db.RunAsync("unblock", "GD-HOLD-POWER", "--reason", "order lifted", "--as", "regulator-b");
        var allowed = await ProposeFromPowerAsync(db);

        Assert.True(blocked.Exit == 0, blocked.Err);
        Assert.Contains("GD-HOLD-POWER is now Blocked: court order 2026-17", blocked.Out, StringComparison.Ordinal);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("(rule AccountBlocked)", refused.Err, StringComparison.Ordinal);
        Assert.True(unblocked.Exit == 0, unblocked.Err);
        Assert.Contains("GD-HOLD-POWER is now Open", unblocked.Out, StringComparison.Ordinal);
        Assert.True(allowed.Exit == 0, allowed.Err);
    }

    [Fact]
    public async Task Unblock_OpenAccount_ExitsOneWithInvalidAccountState()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await db.RunAsync("unblock", "GD-HOLD-POWER", "--reason", "by mistake", "--as", "regulator");

        Assert.Equal(1, exit);
        Assert.Contains("(rule InvalidAccountState)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_AccountWithHoldings_ExitsOneWithHoldingsNotEmpty()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await db.RunAsync("close", "GD-HOLD-POWER", "--reason", "company dissolved", "--as", "regulator");
        var accounts = await db.RunAsync("accounts");

        Assert.Equal(1, exit);
        Assert.Contains("refused: account:", error, StringComparison.Ordinal);
        Assert.Contains("(rule HoldingsNotEmpty)", error, StringComparison.Ordinal);
        Assert.Contains("GD-HOLD-POWER", accounts.Out.Split('\n').Single(l => l.Contains("Open", StringComparison.Ordinal)
            && l.Contains("GD-HOLD-POWER", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_EmptyAccount_ClosesIt()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        await db.RunAsync("open-account", "GD-INV-001", "investor", "示范投资有限公司",
            "--rep", "exchange", "--rep", "exchange-b", "--as", "regulator");

        var (exit, output, error) = await db.RunAsync("close", "GD-INV-001", "--reason", "opened by mistake", "--as", "regulator");

        Assert.True(exit == 0, error);
        Assert.Contains("GD-INV-001 is now Closed: opened by mistake", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRep_ThenRemoveRep_ChangesWhoMayActAndKeepsTwo()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var added = await db.RunAsync("add-rep", "GD-HOLD-POWER", "cement-a", "--as", "regulator");
        var proposedByNewRep = await ProposeFromPowerAsync(db, "cement-a");
        var removed = await db.RunAsync("remove-rep", "GD-HOLD-POWER", "cement-a", "--as", "regulator");
        var proposedAfterRemoval = await ProposeFromPowerAsync(db, "cement-a");
        var belowTwo = await db.RunAsync("remove-rep", "GD-HOLD-POWER", "power-b", "--as", "regulator");

        Assert.True(added.Exit == 0, added.Err);
        Assert.Contains("cement-a now represents GD-HOLD-POWER", added.Out, StringComparison.Ordinal);
        Assert.True(proposedByNewRep.Exit == 0, proposedByNewRep.Err);
        Assert.True(removed.Exit == 0, removed.Err);
        Assert.Contains("cement-a no longer represents GD-HOLD-POWER", removed.Out, StringComparison.Ordinal);
        Assert.Equal(1, proposedAfterRemoval.Exit);
        Assert.Contains("NotRepresentative", proposedAfterRemoval.Err, StringComparison.Ordinal);
        Assert.Equal(1, belowTwo.Exit);
        Assert.Contains("(rule TooFewRepresentatives)", belowTwo.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRep_UnknownUser_ExitsOneNamingTheUser()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await db.RunAsync("add-rep", "GD-HOLD-POWER", "nobody", "--as", "regulator");

        Assert.Equal(1, exit);
        Assert.Contains("refused: user: no platform user named 'nobody' (rule UnknownUser)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_ByRepresentative_MovesUnitsToCancellationAccount()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, output, error) = await db.RunAsync("cancel", "GD-HOLD-PAPER", "GDEA-2017", "100",
            "--reason", "offsetting the 2026 trade fair", "--as", "paper-a");

        Assert.True(exit == 0, error);
        Assert.Contains("cancelled 100 GDEA-2017 from GD-HOLD-PAPER into GD-CANCELLATION", output, StringComparison.Ordinal);
        Assert.Equal(399_900, await HeldAsync(db, "GD-HOLD-PAPER", "GDEA-2017"));
        Assert.Equal(100, await HeldAsync(db, "GD-CANCELLATION", "GDEA-2017"));
    }

    [Fact]
    public async Task Cancel_SameKeyTwice_CancelsOnce()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var first = await db.RunAsync("cancel", "GD-HOLD-PAPER", "GDEA-2017", "100", "--reason", "fair", "--as", "paper-a", "--key", "c-1");
        var second = await db.RunAsync("cancel", "GD-HOLD-PAPER", "GDEA-2017", "100", "--reason", "fair", "--as", "paper-a", "--key", "c-1");

        Assert.True(first.Exit == 0, first.Err);
        Assert.Equal(0, second.Exit);
        Assert.Contains("already done earlier with this key", second.Out, StringComparison.Ordinal);
        Assert.Equal(100, await HeldAsync(db, "GD-CANCELLATION", "GDEA-2017"));
    }

    [Fact]
    public async Task Block_SameKeyTwice_BlocksOnce()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var first = await db.RunAsync("block", "GD-HOLD-STEEL", "--reason", "audit", "--as", "regulator", "--key", "b-1");
        var second = await db.RunAsync("block", "GD-HOLD-STEEL", "--reason", "audit", "--as", "regulator", "--key", "b-1");
        var history = await db.RunAsync("history", "GD-HOLD-STEEL", "--kind", "state-changed", "--format", "csv");

        Assert.True(first.Exit == 0, first.Err);
        Assert.Equal(0, second.Exit);
        Assert.Contains("already done earlier with this key", second.Out, StringComparison.Ordinal);
        Assert.Single(history.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..]);
    }

    [Fact]
    public async Task Correct_ByQuantity_MovesTheLowestSerials()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var first = await FirstSerialAsync(db, "GD-HOLD-POWER", "GDEA-2017");

        var (exit, output, error) = await db.RunAsync("correct", "GD-HOLD-POWER", "GD-HOLD-CEMENT", "GDEA-2017", "10",
            "--reason", "allocation entered twice", "--as", "regulator");

        Assert.True(exit == 0, error);
        Assert.Contains("corrected 10 GDEA-2017 from GD-HOLD-POWER to GD-HOLD-CEMENT", output, StringComparison.Ordinal);
        Assert.Equal("GD-HOLD-CEMENT", await HolderOfAsync(db, "GDEA-2017", first));
        Assert.Equal("GD-HOLD-CEMENT", await HolderOfAsync(db, "GDEA-2017", first + 9));
        Assert.Equal("GD-HOLD-POWER", await HolderOfAsync(db, "GDEA-2017", first + 10));
        Assert.Equal(2_999_990, await HeldAsync(db, "GD-HOLD-POWER", "GDEA-2017"));
    }

    [Fact]
    public async Task Correct_BySerials_MovesExactlyThoseSerials()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var first = await FirstSerialAsync(db, "GD-HOLD-STEEL", "GDEA-2017");
        var range = string.Create(CultureInfo.InvariantCulture, $"{first + 100}-{first + 199}");

        var (exit, output, error) = await db.RunAsync("correct", "GD-HOLD-STEEL", "GD-HOLD-PAPER", "GDEA-2017",
            "--serials", range, "--reason", "wrong account", "--as", "regulator");

        Assert.True(exit == 0, error);
        Assert.Contains($"serials GDEA-2017-{range}", output, StringComparison.Ordinal);
        Assert.Equal("GD-HOLD-STEEL", await HolderOfAsync(db, "GDEA-2017", first + 99));
        Assert.Equal("GD-HOLD-PAPER", await HolderOfAsync(db, "GDEA-2017", first + 100));
        Assert.Equal("GD-HOLD-PAPER", await HolderOfAsync(db, "GDEA-2017", first + 199));
        Assert.Equal("GD-HOLD-STEEL", await HolderOfAsync(db, "GDEA-2017", first + 200));
        Assert.Equal(400_100, await HeldAsync(db, "GD-HOLD-PAPER", "GDEA-2017"));
    }

    [Fact]
    public async Task Correct_ByCompanyRepresentative_ExitsOneWithNotPermittedAndMovesNothing()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await db.RunAsync("correct", "GD-HOLD-POWER", "GD-HOLD-CEMENT", "GDEA-2017", "10",
            "--reason", "mine now", "--as", "cement-a");

        Assert.Equal(1, exit);
        Assert.Contains("refused: --as: user 'cement-a' has the role CompanyRepresentative; this needs Regulator (rule NotPermitted)", error,
            StringComparison.Ordinal);
        Assert.Equal(3_000_000, await HeldAsync(db, "GD-HOLD-POWER", "GDEA-2017"));
    }

    [Fact]
    public async Task Block_ByCompanyRepresentative_ExitsOneWithNotPermitted()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await db.RunAsync("block", "GD-HOLD-CEMENT", "--reason", "competitor", "--as", "power-a");

        Assert.Equal(1, exit);
        Assert.Contains("(rule NotPermitted)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quantity", "cancel", "GD-HOLD-PAPER", "GDEA-2017", "1.5", "--reason", "x", "--as", "paper-a")]
    [InlineData("quantity", "cancel", "GD-HOLD-PAPER", "GDEA-2017", "abc", "--reason", "x", "--as", "paper-a")]
    [InlineData("quantity", "correct", "GD-HOLD-POWER", "GD-HOLD-CEMENT", "GDEA-2017", "0", "--reason", "x", "--as", "regulator")]
    [InlineData("--reason", "cancel", "GD-HOLD-PAPER", "GDEA-2017", "100", "--as", "paper-a")]
    [InlineData("--reason", "block", "GD-HOLD-POWER", "--as", "regulator")]
    [InlineData("--reason", "close", "GD-HOLD-POWER", "--reason", " ", "--as", "regulator")]
    [InlineData("account number", "block", "GD HOLD!", "--reason", "x", "--as", "regulator")]
    [InlineData("account number", "open-account", "GD_INV", "investor", "示范", "--rep", "exchange", "--rep", "exchange-b", "--as", "regulator")]
    [InlineData("KIND", "open-account", "GD-INV-001", "savings", "示范", "--rep", "exchange", "--rep", "exchange-b", "--as", "regulator")]
    [InlineData("--serials", "correct", "GD-HOLD-POWER", "GD-HOLD-CEMENT", "GDEA-2017", "--serials", "20-10", "--reason", "x", "--as", "regulator")]
    [InlineData("--serials", "correct", "GD-HOLD-POWER", "GD-HOLD-CEMENT", "GDEA-2017", "--serials", "0-10", "--reason", "x", "--as", "regulator")]
    [InlineData("--serials", "correct", "GD-HOLD-POWER", "GD-HOLD-CEMENT", "GDEA-2017", "--serials", "12", "--reason", "x", "--as", "regulator")]
    [InlineData("give a quantity or serials, not both", "correct", "GD-HOLD-POWER", "GD-HOLD-CEMENT", "GDEA-2017", "10", "--serials", "1-10", "--reason", "x", "--as", "regulator")]
    [InlineData("--as", "add-rep", "GD-HOLD-POWER", "cement-a")]
    [InlineData("Option '--reason' expects a single argument", "block", "GD-HOLD-POWER", "--reason", "a", "--reason", "b", "--as", "regulator")]
    [InlineData("'--rep'", "add-rep", "GD-HOLD-POWER", "cement-a", "--rep", "x", "--as", "regulator")]
    public async Task RunAsync_BadAdminArguments_ExitsTwoNamingTheArgumentAndChangesNothing(string named, params string[] args)
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var before = await db.RunAsync("accounts");

        var (exit, output, error) = await db.RunAsync(args);
        var after = await db.RunAsync("accounts");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.Contains("usage: ets registry " + args[0], error, StringComparison.Ordinal);
        Assert.Equal(before.Out, after.Out);
    }

    [Fact]
    public async Task Help_ListsAdminCommands()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        await EtsCommand.RunAsync(["help"], stdout, stderr);

        foreach (var verb in new[] { "open-account", "block", "unblock", "close", "add-rep", "remove-rep", "cancel", "correct" })
        {
            Assert.Contains("ets registry " + verb + " ", stdout.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AdminCommands_OnPostgres_ChangeTheRegistryAndVerify()
    {
        using var db = await RegistryDatabase.PostgresAsync();

        var opened = await db.RunAsync("open-account", "GD-INV-001", "investor", "示范投资有限公司",
            "--rep", "exchange", "--rep", "exchange-b", "--as", "regulator");
        var corrected = await db.RunAsync("correct", "GD-HOLD-POWER", "GD-INV-001", "GDEA-2017", "500",
            "--reason", "wrong account", "--as", "regulator");
        var blocked = await db.RunAsync("block", "GD-HOLD-POWER", "--reason", "audit", "--as", "regulator");
        var refused = await ProposeFromPowerAsync(db);
        var cancelled = await db.RunAsync("cancel", "GD-INV-001", "GDEA-2017", "200", "--reason", "offset", "--as", "exchange");
        var verified = await db.RunAsync("verify");

        Assert.True(opened.Exit == 0, opened.Err);
        Assert.True(corrected.Exit == 0, corrected.Err);
        Assert.True(blocked.Exit == 0, blocked.Err);
        Assert.Contains("(rule AccountBlocked)", refused.Err, StringComparison.Ordinal);
        Assert.True(cancelled.Exit == 0, cancelled.Err);
        Assert.Equal(300, await HeldAsync(db, "GD-INV-001", "GDEA-2017"));
        Assert.Equal(200, await HeldAsync(db, "GD-CANCELLATION", "GDEA-2017"));
        Assert.Equal(0, verified.Exit);
        Assert.StartsWith("intact: ", verified.Out, StringComparison.Ordinal);
    }
}
