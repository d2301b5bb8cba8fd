using MiniExcelLibs;

namespace OpenEts.Cli.Tests.Registry;

public sealed partial class RegistryCommandTests
{
    [Fact]
    public async Task AllocateFile_GoodCsv_ChangesHoldings()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var file = db.WriteFile("alloc.csv", "账户,单位类别,数量\nGD-HOLD-POWER,GDEA-2017,1000\n\nGD-HOLD-STEEL,GDEA-2017,2000\n");

        var (exit, output, error) = await db.RunAsync("allocate-file", file, "--as", "regulator");

        Assert.True(exit == 0, error);
        Assert.Contains("row 2: allocated 1000 GDEA-2017", output, StringComparison.Ordinal);
        Assert.Contains("row 4: allocated 2000 GDEA-2017", output, StringComparison.Ordinal);
        Assert.Equal(3_001_000, await HeldAsync(db, "GD-HOLD-POWER", "GDEA-2017"));
        Assert.Equal(2_002_000, await HeldAsync(db, "GD-HOLD-STEEL", "GDEA-2017"));
    }

    [Fact]
    public async Task AllocateFile_GoodXlsxWithEnglishHeaders_ChangesHoldings()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var file = Path.Combine(db.Folder, "alloc.xlsx");
        MiniExcel.SaveAs(file, new[]
        {
            new Dictionary<string, object> { ["account"] = "GD-HOLD-CEMENT", ["class"] = "GDEA-2017", ["quantity"] = 500, ["key"] = "x-1" },
            new Dictionary<string, object> { ["account"] = "GD-HOLD-AVIATION", ["class"] = "gdea-2017", ["quantity"] = 700, ["key"] = "x-2" },
        });

        var (exit, _, error) = await db.RunAsync("allocate-file", file, "--as", "regulator");

        Assert.True(exit == 0, error);
        Assert.Equal(1_200_500, await HeldAsync(db, "GD-HOLD-CEMENT", "GDEA-2017"));
        Assert.Equal(800_700, await HeldAsync(db, "GD-HOLD-AVIATION", "GDEA-2017"));
    }

    [Fact]
    public async Task AllocateFile_BadRows_ExecutesNothingAndNamesRowColumnAndRule()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var file = db.WriteFile("bad.csv", string.Join('\n',
            "account,class,quantity",
            "GD-HOLD-POWER,GDEA-2017,1000",
            "GD-HOLD-STEEL,GDEA-2017,1.5",
            "GD-HOLD-STEEL,GDEA-2017,-3",
            "GD-HOLD-STEEL,GDEA-2017,abc",
            "GD-HOLD-NOPE,GDEA-2017,10",
            "GD-HOLD-PAPER,GDEA-17,10",
            "GD-ISSUANCE,GDEA-2017,10"));

        var (exit, output, error) = await db.RunAsync("allocate-file", file, "--as", "regulator");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("row 3, column C (quantity): Quantity", error, StringComparison.Ordinal);
        Assert.Contains("'1.5'", error, StringComparison.Ordinal);
        Assert.Contains("row 4, column C (quantity): Quantity", error, StringComparison.Ordinal);
        Assert.Contains("row 5, column C (quantity): Quantity", error, StringComparison.Ordinal);
        Assert.Contains("row 6, column A (account): UnknownAccount", error, StringComparison.Ordinal);
        Assert.Contains("row 7, column B (class): UnitClass", error, StringComparison.Ordinal);
        Assert.Contains("row 8, column A (account): AccountKindNotAllowed", error, StringComparison.Ordinal);
        Assert.DoesNotContain("row 2,", error, StringComparison.Ordinal);
        Assert.Contains("nothing was executed", error, StringComparison.Ordinal);
        Assert.Equal(3_000_000, await HeldAsync(db, "GD-HOLD-POWER", "GDEA-2017"));
    }

    [Fact]
    public async Task AllocateFile_MissingColumn_ExitsOneNamingIt()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var file = db.WriteFile("nocol.csv", "account,class\nGD-HOLD-POWER,GDEA-2017\n");

        var (exit, _, error) = await db.RunAsync("allocate-file", file, "--as", "regulator");

        Assert.Equal(1, exit);
        Assert.Contains("MissingColumn", error, StringComparison.Ordinal);
        Assert.Contains("数量", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllocateFile_SameFileTwice_ExecutesNothingTwice()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var file = db.WriteFile("alloc.csv", "账户,单位类别,数量\nGD-HOLD-POWER,GDEA-2017,1000\nGD-HOLD-POWER,GDEA-2017,1000\n");

        var first = await db.RunAsync("allocate-file", file, "--as", "regulator");
        var second = await db.RunAsync("allocate-file", file, "--as", "regulator");

        Assert.Equal(0, first.Exit);
        Assert.Equal(0, second.Exit);
        Assert.Contains("2 rows executed, 0 already done", first.Out, StringComparison.Ordinal);
        Assert.Contains("0 rows executed, 2 already done", second.Out, StringComparison.Ordinal);
        Assert.Equal(3_002_000, await HeldAsync(db, "GD-HOLD-POWER", "GDEA-2017"));
    }

    [Fact]
    public async Task AllocateFile_RefusedMidway_ExecutesNoRowAndRunsWholeAfterTheFix()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        await db.RunAsync("issue", "GDEA-2019", "100", "--as", "regulator");
        var file = db.WriteFile("alloc.csv", "账户,单位类别,数量\nGD-HOLD-POWER,GDEA-2019,60\nGD-HOLD-STEEL,GDEA-2019,60\n");

        var stopped = await db.RunAsync("allocate-file", file, "--as", "regulator");
        var powerAfterRefusal = await HeldAsync(db, "GD-HOLD-POWER", "GDEA-2019");
        await db.RunAsync("issue", "GDEA-2019", "100", "--as", "regulator");
        var resumed = await db.RunAsync("allocate-file", file, "--as", "regulator");

        Assert.Equal(1, stopped.Exit);
        Assert.Contains("row 3: refused", stopped.Err, StringComparison.Ordinal);
        Assert.Contains("InsufficientHoldings", stopped.Err, StringComparison.Ordinal);
        Assert.Contains("no row of", stopped.Err, StringComparison.Ordinal);
        Assert.Equal(0, powerAfterRefusal);
        Assert.Equal(0, resumed.Exit);
        Assert.Contains("2 rows executed, 0 already done", resumed.Out, StringComparison.Ordinal);
        Assert.Equal(60, await HeldAsync(db, "GD-HOLD-POWER", "GDEA-2019"));
        Assert.Equal(60, await HeldAsync(db, "GD-HOLD-STEEL", "GDEA-2019"));
    }

    [Fact]
    public async Task IssueFile_GoodCsv_IssuesEachRowOnce()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var file = db.WriteFile("issue.csv", "class,quantity,key\nGDEA-2020,300,i-1\nCCER,50,i-2\n");

        var first = await db.RunAsync("issue-file", file, "--as", "regulator");
        var second = await db.RunAsync("issue-file", file, "--as", "regulator");

        Assert.True(first.Exit == 0, first.Err);
        Assert.Equal(0, second.Exit);
        Assert.Equal(300, await HeldAsync(db, "GD-ISSUANCE", "GDEA-2020"));
        Assert.Equal(50, await HeldAsync(db, "GD-ISSUANCE", "CCER"));
    }

    [Fact]
    public async Task AllocateFile_OnPostgres_ChangesHoldingsAndVerifies()
    {
        using var db = await RegistryDatabase.PostgresAsync();
        var file = db.WriteFile("alloc.csv", "账户,单位类别,数量\nGD-HOLD-POWER,GDEA-2017,1000\n");

        var allocated = await db.RunAsync("allocate-file", file, "--as", "regulator");
        var verified = await db.RunAsync("verify");

        Assert.True(allocated.Exit == 0, allocated.Err);
        Assert.Equal(3_001_000, await HeldAsync(db, "GD-HOLD-POWER", "GDEA-2017"));
        Assert.Equal(0, verified.Exit);
        Assert.StartsWith("intact: ", verified.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllocateFile_XlsxWithFractionAndRepeatedKey_ExecutesNothing()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var file = Path.Combine(db.Folder, "bad.xlsx");
        MiniExcel.SaveAs(file, new[]
        {
            new Dictionary<string, object> { ["账户"] = "GD-HOLD-CEMENT", ["单位类别"] = "GDEA-2017", ["数量"] = 1.5, ["幂等键"] = "k" },
            new Dictionary<string, object> { ["账户"] = "GD-HOLD-STEEL", ["单位类别"] = "GDEA-2017", ["数量"] = 10, ["幂等键"] = "k" },
            new Dictionary<string, object> { ["账户"] = "GD-HOLD-POWER", ["单位类别"] = "GDEA-2017", ["数量"] = 10, ["幂等键"] = "j" },
        });

        var (exit, output, error) = await db.RunAsync("allocate-file", file, "--as", "regulator");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("row 2, column C (数量): Quantity", error, StringComparison.Ordinal);
        Assert.Contains("row 3, column D (幂等键): DuplicateKey", error, StringComparison.Ordinal);
        Assert.Equal(3_000_000, await HeldAsync(db, "GD-HOLD-POWER", "GDEA-2017"));
    }

    [Fact]
    public async Task AllocateFile_ByCompanyRepresentative_ExitsOneAndExecutesNothing()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var file = db.WriteFile("alloc.csv", "账户,单位类别,数量\nGD-HOLD-POWER,GDEA-2017,1000\n");

        var (exit, _, _) = await db.RunAsync("allocate-file", file, "--as", "power-a");

        Assert.Equal(1, exit);
        Assert.Equal(3_000_000, await HeldAsync(db, "GD-HOLD-POWER", "GDEA-2017"));
    }
}
