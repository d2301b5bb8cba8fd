using System.Text.Json;
using OpenEts.Cli;
using Xunit;

namespace OpenEts.Cli.Tests.Mrv;

public sealed class MrvCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ets-mrv-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenEts.slnx")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }
        throw new InvalidOperationException("repository root not found");
    }

    private string Write(string text)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EtsCommand.RunAsync(["mrv", .. args], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    // The example of docs/mrv.md, by hand (reference/mrv.md §3.2–3.4):
    //   raw coal 120 000 t × 20.908 × 0.02637 × 0.94 × 44/12 = 120 000 × 1.9002988488 = 228 035.861856
    //   diesel 300 t × 42.652 × 0.0202 × 0.98 × 44/12 = 253.3016976 × 44 / 12 = 928.7728912
    //   clinker 1 000 000 t × (0.655 × 44/56 + 0.021 × 44/40) = 514 642.857142857… + 23 100 = 537 742.857142857…
    //   electricity 95 000 MWh × 0.6101 (2015 national, the nearest earlier year, [UNCONFIRMED] for 2017) = 57 959.5
    //   total = 824 666.991890057… → reported 824 666.992 tCO2
    [Theory]
    [InlineData("5000000000000000")]
    [InlineData("4e28")]
    public async Task Calc_AmountOverTheLargestAccepted_ExitsOneNamingTheRowColumnAndBound(string amount)
    {
        var path = Write($"类别,编号,燃料或物料,数量,单位\n化石燃料燃烧,L1,raw-coal,{amount},t\n");

        var (exit, _, error) = await Run("calc", path, "--sector", "cement", "--year", "2022");

        Assert.Equal(1, exit);
        Assert.Contains("row 2, column D (数量): TooLarge", error, StringComparison.Ordinal);
        Assert.Contains("1,000,000,000,000", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calc_DocumentedExample_PrintsSourcesTotalWarningAndDerivation()
    {
        var (exit, output, error) = await Run("calc", RepoFile("docs/examples/mrv-cement-2017.csv"));

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("  L1  fuel-combustion  raw-coal  120000 t  228035.861856\n", output, StringComparison.Ordinal);
        Assert.Contains("  L4  purchased-electricity  grid  95000 MWh  57959.5\n", output, StringComparison.Ordinal);
        Assert.Contains("total: 824666.992 tCO2", output, StringComparison.Ordinal);
        Assert.Contains("warning: GridFactorOfAnotherYear", output, StringComparison.Ordinal);
        Assert.Contains("│  │  └─ NCV = 20.908 GJ/t  (default [1])", output, StringComparison.Ordinal);
        Assert.Contains("[UNCONFIRMED]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calc_Json_GivesTheTotalLinesAndDerivationTree()
    {
        var (exit, output, _) = await Run("calc", RepoFile("docs/examples/mrv-cement-2017.csv"), "--json");

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(824666.992m, root.GetProperty("reportedTotal").GetDecimal());
        Assert.Equal(["L1", "L2", "L3", "L4"], root.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        Assert.Equal(228035.861856m, root.GetProperty("lines")[0].GetProperty("emissions").GetDecimal());
        var grid = root.GetProperty("derivation").GetProperty("inputs")[3].GetProperty("inputs")[1];
        Assert.Equal((0.6101m, false), (grid.GetProperty("value").GetDecimal(), grid.GetProperty("confirmed").GetBoolean()));
    }

    [Fact]
    public async Task Calc_InvalidFile_ExitsOneNamingRowColumnAndRule()
    {
        var path = Write("""
            kind,id,material,amount,unit
            sector,,cement,,
            year,,2017,,
            fuel-combustion,L1,peat,10,t
            fuel-combustion,L2,diesel,-5,t
            fuel-combustion,L3,natural-gas,5,t
            fuel-combustion,L4,raw-coal,lots,t
            """);

        var (exit, output, error) = await Run("calc", path);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("row 7, column D (amount): BadNumber: 'lots' is not a number", error, StringComparison.Ordinal);
        // The lines that did read are computed too, so one run names every error it can find.
        Assert.Contains("row 4, column C (material): UnknownMaterial", error, StringComparison.Ordinal);
        Assert.Contains("row 5, column D (amount): NegativeAmount", error, StringComparison.Ordinal);
        Assert.Contains("4 problems", error, StringComparison.Ordinal);

        File.WriteAllText(path, File.ReadAllText(path).Replace("raw-coal,lots", "raw-coal,5", StringComparison.Ordinal));
        (exit, _, error) = await Run("calc", path);

        Assert.Equal(1, exit);
        Assert.Contains("row 4, column C (material): UnknownMaterial", error, StringComparison.Ordinal);
        Assert.Contains("row 5, column D (amount): NegativeAmount", error, StringComparison.Ordinal);
        Assert.Contains("row 6, column E (unit): WrongUnit", error, StringComparison.Ordinal);
        Assert.Contains("3 problems", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calc_MissingFile_IsAUsageError()
    {
        var (exit, _, error) = await Run("calc", Path.Combine(_dir, "none.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("usage: ets mrv calc", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_Cement_WritesAWorkbookThatCalcReads()
    {
        var path = Path.Combine(_dir, "cement.xlsx");

        var (exit, output, _) = await Run("template", "cement", "-o", path);

        Assert.Equal(0, exit);
        Assert.Contains("cement template", output, StringComparison.Ordinal);
        (exit, output, _) = await Run("calc", path, "--year", "2017");
        Assert.Equal(0, exit);
        Assert.Contains("total: 0.000 tCO2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_ToAFolderThatDoesNotExist_IsOneLineNamingThePathNotACrash()
    {
        var path = Path.Combine(_dir, "no-such-folder", "x.xlsx");

        var (exit, _, error) = await Run("template", "cement", "-o", path);

        Assert.Equal(2, exit);
        Assert.Contains(path, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_UnknownSector_IsAUsageError()
    {
        var (exit, _, error) = await Run("template", "banking", "-o", Path.Combine(_dir, "x.xlsx"));

        Assert.Equal(2, exit);
        Assert.Contains("not a sector with a template", error, StringComparison.Ordinal);
    }
}
