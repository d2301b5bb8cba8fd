using System.Globalization;
using System.Text.RegularExpressions;
using OpenEts.Cli.Tests.Compliance;

namespace OpenEts.Cli.Tests.Registry;

public sealed partial class RegistryCommandTests
{
    private static async Task<long> HeldAsync(RegistryDatabase db, string account, string unitClass)
    {
        var (exit, output, error) = await db.RunAsync("holdings", account, "--format", "csv");
        Assert.True(exit == 0, error);
        var line = output.Split('\n', StringSplitOptions.TrimEntries).FirstOrDefault(l => l.StartsWith(unitClass + ",", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(',')[1], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Issue_ByRegulator_AddsToIssuanceAccount()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, output, error) = await db.RunAsync("issue", "GDEA-2018", "5000", "--as", "regulator");

        Assert.True(exit == 0, error);
        Assert.Contains("issued 5000 GDEA-2018 into GD-ISSUANCE: serials GDEA-2018-1-5000", output, StringComparison.Ordinal);
        Assert.Equal(5000, await HeldAsync(db, "GD-ISSUANCE", "GDEA-2018"));
    }

    [Fact]
    public async Task Issue_ByCompanyRepresentative_ExitsOneAndIssuesNothing()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await db.RunAsync("issue", "GDEA-2018", "5000", "--as", "power-a");

        Assert.Equal(1, exit);
        Assert.Contains("--as", error, StringComparison.Ordinal);
        Assert.Equal(0, await HeldAsync(db, "GD-ISSUANCE", "GDEA-2018"));
    }

    [Fact]
    public async Task Issue_UnknownUser_ExitsOneNamingTheUser()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await db.RunAsync("issue", "GDEA-2018", "5000", "--as", "nobody");

        Assert.Equal(1, exit);
        Assert.Contains("'nobody'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("issue", "GDEA-2018", "1.5", "--as", "regulator")]
    [InlineData("issue", "GDEA-2018", "-3", "--as", "regulator")]
    [InlineData("issue", "XX-1", "10", "--as", "regulator")]
    [InlineData("issue", "GDEA-2018", "10")]
    [InlineData("issue", "GDEA-2018", "10", "--as", "regulator", "--bogus", "x")]
    [InlineData("allocate", "GD-HOLD-POWER", "GDEA-2017", "--as", "regulator")]
    [InlineData("transfer", "sideways", "1")]
    [InlineData("holdings", "GD-HOLD-POWER", "--format", "json")]
    [InlineData("nonsense")]
    public async Task RunAsync_BadArguments_ExitsTwoWithUsage(params string[] args)
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await db.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains("usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allocate_UnknownAccount_ExitsOneWithTheLedgersMessageNamingTheField()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await db.RunAsync("allocate", "GD-HOLD-NOPE", "GDEA-2017", "10", "--as", "regulator");

        Assert.Equal(1, exit);
        Assert.Contains("refused: to:", error, StringComparison.Ordinal);
        Assert.Contains("UnknownAccount", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allocate_SameKeyTwice_AllocatesOnce()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var first = await db.RunAsync("allocate", "GD-HOLD-PAPER", "GDEA-2017", "100", "--as", "regulator", "--key", "k-1");
        var second = await db.RunAsync("allocate", "GD-HOLD-PAPER", "GDEA-2017", "100", "--as", "regulator", "--key", "k-1");

        Assert.Equal(0, first.Exit);
        Assert.Equal(0, second.Exit);
        Assert.Contains("already done", second.Out, StringComparison.Ordinal);
        Assert.Equal(400_100, await HeldAsync(db, "GD-HOLD-PAPER", "GDEA-2017"));
    }

    [Fact]
    public async Task Accounts_SeededRegistry_ListsEveryAccountWithTotals()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, output, _) = await db.RunAsync("accounts");

        Assert.Equal(0, exit);
        Assert.Contains("GD-HOLD-POWER", output, StringComparison.Ordinal);
        Assert.Contains("GDEA-2017 3000000", output, StringComparison.Ordinal);
        Assert.Contains("GD-CLEARING", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_WithKind_ListsOnlyThatKind()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, output, _) = await db.RunAsync("history", "GD-HOLD-STEEL", "--kind", "units.allocated", "--format", "csv");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sequence,at,actor,kind,what", lines[0]);
        Assert.Single(lines[1..]);
        Assert.Contains("registry.units.allocated", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_ByClassAndDates_KeepsOnlyThoseEvents()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        await db.RunAsync("issue", "CCER", "40", "--as", "regulator");
        await db.RunAsync("allocate", "GD-HOLD-STEEL", "CCER", "40", "--as", "regulator");

        var ccer = await db.RunAsync("history", "GD-HOLD-STEEL", "--class", "CCER", "--since", "2000-01-01", "--format", "csv");
        var none = await db.RunAsync("history", "GD-HOLD-STEEL", "--class", "CCER", "--until", "2000-01-01", "--format", "csv");
        var bad = await db.RunAsync("history", "GD-HOLD-STEEL", "--since", "soon");

        Assert.Equal(0, ccer.Exit);
        var lines = ccer.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines[1..]);
        Assert.Contains("40 CCER", lines[1], StringComparison.Ordinal);
        Assert.Single(none.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.NotEqual(0, bad.Exit);
        Assert.Contains("--since", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HistoryAndHoldings_NothingToShow_SayItInOneLineAsATable_AndGiveTheHeaderAloneAsCsv()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var table = await db.RunAsync("history", "GD-HOLD-STEEL", "--kind", "no-such-kind");
        var csv = await db.RunAsync("history", "GD-HOLD-STEEL", "--kind", "no-such-kind", "--format", "csv");
        var empty = await db.RunAsync("holdings", "GD-SURRENDER");

        Assert.Equal((0, "no registry events of GD-HOLD-STEEL match the filters\n"), (table.Exit, table.Out.ReplaceLineEndings("\n")));
        Assert.Equal((0, "sequence,at,actor,kind,what\n"), (csv.Exit, csv.Out.ReplaceLineEndings("\n")));
        Assert.Equal((0, "GD-SURRENDER holds no units\n"), (empty.Exit, empty.Out.ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task HoldingsHistoryAndSerial_AMalformedAccountOrClass_NameTheArgument()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var holdings = await db.RunAsync("holdings", "bad acct");
        var history = await db.RunAsync("history", "bad acct");
        var serial = await db.RunAsync("serial", "NOPE", "1");

        Assert.Equal(2, holdings.Exit);
        Assert.StartsWith("ets registry holdings: account: 'bad acct' is not an account number", holdings.Err, StringComparison.Ordinal);
        Assert.Equal(2, history.Exit);
        Assert.StartsWith("ets registry history: account: 'bad acct' is not an account number", history.Err, StringComparison.Ordinal);
        Assert.Equal(2, serial.Exit);
        Assert.StartsWith("ets registry serial: class: 'NOPE' is not a unit class", serial.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serial_IssuedSerial_PrintsItsHolder()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var held = await db.RunAsync("serial", "GDEA-2017", "1");
        var unissued = await db.RunAsync("serial", "GDEA-2017", "99999999");

        Assert.Equal(0, held.Exit);
        Assert.Contains("GDEA-2017 1: GD-HOLD-", held.Out, StringComparison.Ordinal);
        Assert.Equal(1, unissued.Exit);
    }

    [Fact]
    public async Task Transfer_ProposedAndApprovedByTwoRepresentatives_MovesUnits()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var proposed = await db.RunAsync("transfer", "propose", "GD-HOLD-POWER", "GD-HOLD-CEMENT", "GDEA-2017", "1000", "--as", "power-a");
        var id = ProposalId().Match(proposed.Out).Groups[1].Value;
        var approved = await db.RunAsync("transfer", "approve", id, "--as", "power-b");

        Assert.True(proposed.Exit == 0, proposed.Err);
        Assert.True(approved.Exit == 0, approved.Err);
        Assert.Contains("executed", approved.Out, StringComparison.Ordinal);
        Assert.Equal(2_999_000, await HeldAsync(db, "GD-HOLD-POWER", "GDEA-2017"));
        Assert.Equal(1_201_000, await HeldAsync(db, "GD-HOLD-CEMENT", "GDEA-2017"));
    }

    [Fact]
    public async Task TransferApprove_ByTheProposer_ExitsOneAndMovesNothing()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var proposed = await db.RunAsync("transfer", "propose", "GD-HOLD-POWER", "GD-HOLD-CEMENT", "GDEA-2017", "1000", "--as", "power-a");
        var id = ProposalId().Match(proposed.Out).Groups[1].Value;
        var approved = await db.RunAsync("transfer", "approve", id, "--as", "power-a");

        Assert.Equal(1, approved.Exit);
        Assert.Contains("OwnApproval", approved.Err, StringComparison.Ordinal);
        Assert.Equal(3_000_000, await HeldAsync(db, "GD-HOLD-POWER", "GDEA-2017"));
    }

    [Fact]
    public async Task TransferReject_BySecondRepresentative_LeavesHoldings()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var proposed = await db.RunAsync("transfer", "propose", "GD-HOLD-POWER", "GD-HOLD-CEMENT", "GDEA-2017", "1000", "--as", "power-a");
        var id = ProposalId().Match(proposed.Out).Groups[1].Value;
        var rejected = await db.RunAsync("transfer", "reject", id, "--as", "power-b", "--reason", "wrong buyer");
        var approved = await db.RunAsync("transfer", "approve", id, "--as", "power-b");

        Assert.Equal(0, rejected.Exit);
        Assert.Equal(1, approved.Exit);
        Assert.Equal(3_000_000, await HeldAsync(db, "GD-HOLD-POWER", "GDEA-2017"));
    }

    [Fact]
    public async Task Surrender_ForComplianceYear_MovesUnitsToSurrenderAccount()
    {
        using var db = await ComplianceCommandTests.YearAsync();

        var (exit, _, error) = await db.RunAsync("surrender", "GD-HOLD-PAPER", "GDEA-2017", "400", "--year", "2017", "--as", "paper-a");

        Assert.True(exit == 0, error);
        Assert.Equal(399_600, await HeldAsync(db, "GD-HOLD-PAPER", "GDEA-2017"));
        Assert.Equal(400, await HeldAsync(db, "GD-SURRENDER", "GDEA-2017"));
    }

    [Fact]
    public async Task Surrender_ByAnotherCompanysRepresentative_ExitsOne()
    {
        using var db = await ComplianceCommandTests.YearAsync();

        var (exit, _, error) = await db.RunAsync("surrender", "GD-HOLD-PAPER", "GDEA-2017", "400", "--year", "2017", "--as", "power-a");

        Assert.Equal(1, exit);
        Assert.Contains("NotRepresentative", error, StringComparison.Ordinal);
    }

    // A surrender for compliance that the year's rules refuse moves nothing, whichever command asks.
    [Fact]
    public async Task Surrender_HydropowerCcerForCompliance_ExitsOneNamingTheRuleAndMovesNothing()
    {
        using var db = await ComplianceCommandTests.YearAsync();
        var held = await HeldAsync(db, "GD-HOLD-STEEL", "CCER-000202-2015");

        var (exit, _, error) = await db.RunAsync("surrender", "GD-HOLD-STEEL", "CCER-000202-2015", "1000", "--year", "2017", "--as", "steel-a");

        Assert.Equal(1, exit);
        Assert.Contains("Compliance.ExcludedCategory", error, StringComparison.Ordinal);
        Assert.Equal(held, await HeldAsync(db, "GD-HOLD-STEEL", "CCER-000202-2015"));
        Assert.Equal(0, await HeldAsync(db, "GD-SURRENDER", "CCER-000202-2015"));
    }

    [Fact]
    public async Task Surrender_ForAYearWithoutComplianceRules_ExitsOneAndMovesNothing()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await db.RunAsync("surrender", "GD-HOLD-PAPER", "GDEA-2017", "400", "--year", "2017", "--as", "paper-a");

        Assert.Equal(1, exit);
        Assert.Contains("Compliance.NoRules", error, StringComparison.Ordinal);
        Assert.Equal(400_000, await HeldAsync(db, "GD-HOLD-PAPER", "GDEA-2017"));
    }

    [Fact]
    public async Task Verify_AfterRequests_PrintsIntact()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        await db.RunAsync("issue", "GDEA-2018", "10", "--as", "regulator");

        var (exit, output, _) = await db.RunAsync("verify");

        Assert.Equal(0, exit);
        Assert.StartsWith("intact: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FromSnapshotWithOneEventAfterIt_SaysOneRegistryEventInTheSingular()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        await db.RunAsync("snapshot");
        await db.RunAsync("issue", "GDEA-2018", "5", "--as", "regulator");

        var (exit, output, error) = await db.RunAsync("verify", "--from-snapshot");

        // The snapshot's entry and the issue after it: one registry event replayed.
        Assert.True(exit == 0, error);
        Assert.Matches(@"^intact: 2 entries from entry \d+ \(1 registry event replayed; units conserved\)", output);
    }

    [Fact]
    public async Task Verify_Parallel_PrintsWhatTheStreamPrints()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        await db.RunAsync("issue", "GDEA-2018", "10", "--as", "regulator");
        await db.RunAsync("snapshot");
        await db.RunAsync("issue", "GDEA-2018", "5", "--as", "regulator");

        var stream = await db.RunAsync("verify");
        var parallel = await db.RunAsync("verify", "--parallel");
        var both = await db.RunAsync("verify", "--parallel", "--from-snapshot");

        Assert.Equal(0, parallel.Exit);
        Assert.Equal(stream.Out, parallel.Out);
        Assert.StartsWith("intact: ", parallel.Out, StringComparison.Ordinal);
        Assert.Equal(2, both.Exit);
        Assert.Contains("give one of them", both.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingSqliteFile_ExitsTwoAndCreatesNothing()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".db");

        var exit = await EtsCommand.RunAsync(["registry", "accounts", "--db", path], stdout, stderr);

        Assert.Equal(2, exit);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Help_ListsRegistryCommands()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await EtsCommand.RunAsync(["help"], stdout, stderr);

        Assert.Equal(0, exit);
        Assert.Contains("ets registry allocate-file", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("ets registry transfer approve ID", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RegistryWithoutCommand_ExitsTwoWithUsage()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await EtsCommand.RunAsync(["registry"], stdout, stderr);

        Assert.Equal(2, exit);
        Assert.Contains("ets registry verify", stderr.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"proposal (\d+):")]
    private static partial Regex ProposalId();
}
