namespace OpenEts.Cli.Tests.Registry;

// Issue 7: the CLI on System.CommandLine, each request parse → call → map through the registry's handler.
public sealed partial class RegistryCommandTests
{
    [Theory]
    [InlineData("'--bogus'", "issue", "GDEA-2018", "10", "--as", "regulator", "--bogus", "x")]
    [InlineData("'--as' is required", "issue", "GDEA-2018", "10")]
    [InlineData("quantity: 'ten' is not a whole number", "issue", "GDEA-2018", "ten", "--as", "regulator")]
    [InlineData("quantity: 'ten' is not a whole number", "transfer", "propose", "GD-HOLD-POWER", "GD-HOLD-CEMENT", "GDEA-2017", "ten", "--as", "power-a")]
    public async Task Issue_7_ParseError_ExitsTwoWithTheProblemAndTheUsageOnStderr(string problem, params string[] args)
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, output, error) = await db.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(problem, error, StringComparison.Ordinal);
        var verb = args[0] == "transfer" ? "transfer " + args[1] : args[0];
        Assert.Contains("usage: ets registry " + verb + " ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_7_ForbiddenRoleViaAs_ExitsOneNamingTheRoleNeeded()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, output, error) = await db.RunAsync("allocate", "GD-HOLD-POWER", "GDEA-2017", "10", "--as", "auditor");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("ets registry allocate: refused: --as: user 'auditor' has the role Auditor; this needs Regulator (rule NotPermitted)",
            error, StringComparison.Ordinal);
        Assert.Equal(3_000_000, await HeldAsync(db, "GD-HOLD-POWER", "GDEA-2017"));
    }

    [Fact]
    public async Task Issue_7_Proposal_StatesTheProposedQuantityAndTimesInBeijingTime()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, output, error) = await db.RunAsync("transfer", "propose", "GD-HOLD-POWER", "GD-HOLD-CEMENT", "GDEA-2017", "40",
            "--as", "power-a");
        var history = await db.RunAsync("history", "GD-HOLD-POWER", "--kind", "transfer.proposed", "--format", "csv");

        Assert.True(exit == 0, error);
        Assert.Matches(@"^proposal \d+: 40 GDEA-2017 from GD-HOLD-POWER to GD-HOLD-CEMENT, awaiting approval", output);
        Assert.Contains(": 40 GDEA-2017 from GD-HOLD-POWER to GD-HOLD-CEMENT", history.Out, StringComparison.Ordinal);
        // Times in Beijing time to the second with the offset. The end of the UTC day a week on is 08:00 the next morning in Beijing.
        Assert.Matches(@"until \d{4}-\d{2}-\d{2} 08:00:00 \+08:00$", output.TrimEnd());
        Assert.Matches(@"^\d+,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+08:00,power-a,", history.Out.Split('\n')[1]);
    }

    [Fact]
    public async Task Issue_7_CommandHelp_ShowsTheDocumentedUsageArgumentsAndOptions()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await EtsCommand.RunAsync(["registry", "transfer", "propose", "--help"], stdout, stderr);

        Assert.Equal(0, exit);
        var help = stdout.ToString();
        Assert.Contains("Usage:\n  ets registry transfer propose FROM TO CLASS QUANTITY --as USER [--key KEY] [--db DB]\n", help,
            StringComparison.Ordinal);
        Assert.Contains("<QUANTITY>", help, StringComparison.Ordinal);
        Assert.Contains("--as <USER> (REQUIRED)", help, StringComparison.Ordinal);
        Assert.Contains("--db <DB>", help, StringComparison.Ordinal);
    }
}
