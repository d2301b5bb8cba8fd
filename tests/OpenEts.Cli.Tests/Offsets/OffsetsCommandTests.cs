using OpenEts.Cli.Tests.Registry;

namespace OpenEts.Cli.Tests.Offsets;

public sealed class OffsetsCommandTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(RegistryDatabase db, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EtsCommand.RunAsync(["offsets", .. args, "--db", db.Database], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string ProjectOf(string output) =>
        System.Text.RegularExpressions.Regex.Match(output, @"\(project (\d+)\)").Groups[1].Value;

    private static string ReportOf(string output) =>
        System.Text.RegularExpressions.Regex.Match(output, @"report (\d+)").Groups[1].Value;

    [Fact]
    public async Task List_WithAStatusOrProgrammeThatIsNone_NamesThoseThereAreInsteadOfListingEveryProject()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var status = await RunAsync(db, "list", "--status", "bogus");
        var programme = await RunAsync(db, "list", "--programme", "XYZ");
        var registered = await RunAsync(db, "list", "--status", "Registered");
        var returned = await RunAsync(db, "list", "--status", "returned");

        Assert.Equal((2, ""), (status.Exit, status.Out));
        Assert.Contains("registered", status.Err, StringComparison.Ordinal);
        Assert.Equal((2, ""), (programme.Exit, programme.Out));
        Assert.Contains("XYZ", programme.Err, StringComparison.Ordinal);
        Assert.Equal(0, registered.Exit);
        // None returned on the demo: one line says so.
        Assert.Equal((0, "no public projects\n"), (returned.Exit, returned.Out.ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task EveryStep_WindProjectFromFilingToIssuance_IssuesTheVerifiedTonnesIntoTheOwnersAccount()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var submit = await RunAsync(db, "submit", "--programme", "CCER", "--code", "009101", "--account", "GD-HOLD-POWER", "--title", "阳江风电场",
            "--methodology", "CM-001-V02", "--category", "wind", "--province", "GD", "--city", "阳江市", "--crediting-start", "2019-01-01",
            "--crediting-end", "2028-12-31", "--expected", "20000", "--gas-share", "100", "--as", "power-a");
        var id = ProjectOf(submit.Out);
        var validate = await RunAsync(db, "validate", id, "--opinion", "符合", "--as", "verifier");
        var register = await RunAsync(db, "register", id, "--as", "regulator");
        var report = await RunAsync(db, "report", id, "--from", "2019-01-01", "--to", "2019-12-31", "--claimed", "1000.4", "--as", "power-a");
        var reportId = ReportOf(report.Out);
        var verify = await RunAsync(db, "verify", reportId, "--opinion", "合理保证", "--as", "verifier");
        var issue = await RunAsync(db, "issue", reportId, "--as", "regulator");
        var show = await RunAsync(db, "show", id);
        var holdings = await db.RunAsync("holdings", "GD-HOLD-POWER", "--format", "csv");
        var check = await db.RunAsync("verify");

        Assert.True(submit.Exit == 0, submit.Err);
        Assert.True(validate.Exit + register.Exit + report.Exit + verify.Exit == 0, validate.Err + register.Err + report.Err + verify.Err);
        Assert.True(issue.Exit == 0, issue.Err);
        Assert.Contains("offsets.credits.issued: CCER-009101", issue.Out, StringComparison.Ordinal);
        // 1000.4 t claimed, verified at the claim, whole tonnes rounded down: 1000; wind withholds no buffer.
        Assert.Contains(" CCER-009101-2019-1-1000 (1000) buffer  (0)", show.Out, StringComparison.Ordinal);
        // Yes or no, not .NET's True/False.
        Assert.Contains("pre-CDM no, designated area no", show.Out, StringComparison.Ordinal);
        // Each step's time in Beijing time to the second with its offset.
        Assert.Matches(@"\n  \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+08:00 \S+ by ", show.Out.ReplaceLineEndings("\n"));
        Assert.Contains("CCER-009101-2019,1000", holdings.Out, StringComparison.Ordinal);
        Assert.Equal(0, check.Exit);
    }

    [Fact]
    public async Task Validate_ByTheOwner_ExitsOneNamingTheRole()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var submit = await RunAsync(db, "submit", "--programme", "CCER", "--account", "GD-HOLD-POWER", "--title", "t", "--methodology", "CM-001-V02",
            "--category", "wind", "--province", "GD", "--city", "阳江市", "--crediting-start", "2019-01-01", "--crediting-end", "2028-12-31",
            "--expected", "1", "--gas-share", "100", "--as", "power-a");

        var (exit, _, error) = await RunAsync(db, "validate", ProjectOf(submit.Out), "--opinion", "self", "--as", "power-a");

        Assert.Equal(1, exit);
        Assert.Contains("NotPermitted", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WorkbookWithABadRow_FilesNothingAndNamesTheCell()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var header = "机制,签发账户,项目名称,方法学,项目类别,省份,城市,计入期开始,计入期结束,年预计减排量,CO2与CH4占比,项目边界\n";
        var good = "FFCER,GD-HOLD-PAPER,林场A,AR-CM-003-V01,forestry,FJ,南平市,2018-01-01,2037-12-31,1000,100,\"26.8,117.8; 26.8,117.9; 26.7,117.9\"\n";
        var bad = "FFCER,GD-HOLD-PAPER,林场B,CM-001-V02,forestry,FJ,南平市,2018-01-01,2037-12-31,1000,100,\"26.8,117.8; 26.8,117.9; 26.7,117.9\"\n";

        var refused = await RunAsync(db, "import", db.WriteFile("bad.csv", header + good + bad), "--as", "paper-a");
        var filed = await RunAsync(db, "import", db.WriteFile("good.csv", header + good), "--as", "paper-a");

        Assert.Equal(1, refused.Exit);
        Assert.Contains("bad.csv: row 3, column D: methodology: ", refused.Err, StringComparison.Ordinal);
        Assert.True(filed.Exit == 0, filed.Err);
        Assert.Contains("row 2: offsets.project.submitted: FFCER-FJ0001", filed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WorkbookWithARowARuleRefuses_FilesNoneOfTheEarlierRows()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var header = "机制,签发账户,项目名称,方法学,项目类别,省份,城市,计入期开始,计入期结束,年预计减排量,CO2与CH4占比,项目边界\n";
        var good = "FFCER,GD-HOLD-PAPER,林场A,AR-CM-003-V01,forestry,FJ,南平市,2018-01-01,2037-12-31,1000,100,\"26.8,117.8; 26.8,117.9; 26.7,117.9\"\n";
        // Well formed, but into an account paper-a does not represent: refused when filed, after row 2 was.
        var notOwn = "FFCER,GD-HOLD-POWER,林场C,AR-CM-003-V01,forestry,FJ,南平市,2018-01-01,2037-12-31,1000,100,\"26.8,117.8; 26.8,117.9; 26.7,117.9\"\n";

        var refused = await RunAsync(db, "import", db.WriteFile("refused.csv", header + good + notOwn), "--as", "paper-a");
        var again = await RunAsync(db, "import", db.WriteFile("good.csv", header + good), "--as", "paper-a");

        Assert.Equal(1, refused.Exit);
        // The row's refusal, then what it means for the file, in that order.
        var lines = refused.Err.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("ets offsets import: " + Path.Combine(db.Folder, "refused.csv") + ": row 3: refused: ", lines[0], StringComparison.Ordinal);
        Assert.Equal("ets offsets import: row 3 was refused, so no project of " + Path.Combine(db.Folder, "refused.csv")
            + " was filed (fix it and run the same file again)", lines[1]);
        Assert.DoesNotContain("offsets.project.submitted", refused.Out, StringComparison.Ordinal);
        // Had row 2 stayed filed, filing it again would be the programme's second project in Fujian.
        Assert.True(again.Exit == 0, again.Err);
        Assert.Contains("row 2: offsets.project.submitted: FFCER-FJ0001", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AFileThatIsNoWorkbook_NamesTheFileAndRuleWithoutARowZero()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var path = db.WriteFile("projects.xlsx", "not a zip");

        var (exit, _, error) = await RunAsync(db, "import", path, "--as", "paper-a");

        Assert.Equal(1, exit);
        Assert.StartsWith($"ets offsets import: {path}: file: the file is not a readable .xlsx workbook", error, StringComparison.Ordinal);
        Assert.Contains("(rule Unreadable)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("row 0", error, StringComparison.Ordinal);
    }
}
