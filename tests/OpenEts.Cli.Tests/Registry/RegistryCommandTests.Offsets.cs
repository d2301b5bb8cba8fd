namespace OpenEts.Cli.Tests.Registry;

public sealed partial class RegistryCommandTests
{
    [Fact]
    public async Task DefineIssueRetire_AnOffsetClass_CreditsOwnerAndBufferAndRetires()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var define = await db.RunAsync("define-class", "CCER-009001-2020", "--title", "Test wind farm", "--category", "wind",
            "--province", "gd", "--as", "regulator");
        var issue = await db.RunAsync("issue-offsets", "CCER-009001-2020", "1001", "--owner", "GD-HOLD-POWER",
            "--buffer", "GD-BUFFER", "--buffer-percent", "10", "--as", "regulator");
        var retire = await db.RunAsync("retire", "GD-HOLD-POWER", "CCER-009001-2020", "100", "--beneficiary", "Marathon",
            "--purpose", "2020 race", "--as", "power-a");

        Assert.True(define.Exit == 0, define.Err);
        Assert.True(issue.Exit == 0, issue.Err);
        Assert.True(retire.Exit == 0, retire.Err);
        // 10 % of 1001 is 100.1 tonnes, withheld as 101 (rounded up): the owner gets 900.
        Assert.Contains("serials CCER-009001-2020-1-900", issue.Out, StringComparison.Ordinal);
        Assert.Contains("buffer GD-BUFFER: serials CCER-009001-2020-901-1001", issue.Out, StringComparison.Ordinal);
        Assert.Contains("for Marathon (2020 race): serials CCER-009001-2020-1-100", retire.Out, StringComparison.Ordinal);
        Assert.Equal(800, await HeldAsync(db, "GD-HOLD-POWER", "CCER-009001-2020"));
        Assert.Equal(101, await HeldAsync(db, "GD-BUFFER", "CCER-009001-2020"));
    }

    [Fact]
    public async Task Verify_AfterOffsetIssuanceAndRetirement_ReplaysTheSameRegistry()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var issue = await db.RunAsync("issue-offsets", "FFCER-FJ0001-2016", "500", "--owner", "GD-HOLD-PAPER",
            "--buffer", "GD-BUFFER", "--buffer-quantity", "50", "--as", "regulator");
        var retire = await db.RunAsync("retire", "GD-HOLD-PAPER", "FFCER-FJ0001-2016", "10", "--beneficiary", "B",
            "--purpose", "P", "--as", "paper-a");

        var (exit, output, error) = await db.RunAsync("verify");

        Assert.True(issue.Exit == 0 && retire.Exit == 0, issue.Err + retire.Err);
        Assert.True(exit == 0, output + error);
    }

    [Fact]
    public async Task IssueOffsets_BeforeTheClassIsDefined_ExitsOne()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await db.RunAsync("issue-offsets", "CCER-009002-2020", "10", "--owner", "GD-HOLD-POWER", "--as", "regulator");

        Assert.Equal(1, exit);
        Assert.Contains("OffsetClassNotDefined", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueOffsets_BothBufferPercentAndQuantity_IsAUsageError()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await db.RunAsync("issue-offsets", "CCER-000101-2016", "10", "--owner", "GD-HOLD-POWER",
            "--buffer", "GD-BUFFER", "--buffer-percent", "10", "--buffer-quantity", "2", "--as", "regulator");

        Assert.Equal(2, exit);
        Assert.Contains("bufferPercent", error, StringComparison.Ordinal);
    }
}
