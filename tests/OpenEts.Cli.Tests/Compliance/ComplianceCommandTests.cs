using OpenEts.Application.Allocation;
using OpenEts.Application.Demo;
using OpenEts.Application.Files;
using OpenEts.Application.Identity;
using OpenEts.Cli.Tests.Registry;
using OpenEts.Storage;

namespace OpenEts.Cli.Tests.Compliance;

/// <summary>
/// <c>ets compliance</c> on the demo market with its approved 2016–2017 reports and the Guangdong 2017 plan approved.
/// The machine's clock is past the 2018-06-20 deadline, so whoever still owes is short past the deadline.
/// </summary>
public sealed class ComplianceCommandTests
{
    internal static async Task<RegistryDatabase> YearAsync()
    {
        var db = await RegistryDatabase.SqliteAsync();
        await using var store = await SqlStore.OpenAsync(db.Database, CancellationToken.None);
        await new DemoMrv(store).SeedIfEmptyAsync(CancellationToken.None);
        var user = await store.ReadAsync(s => s.Users.FindByNameAsync("regulator"), CancellationToken.None);
        var regulator = new Actor(user!.Id, user.UserName, user.Role, user.OrganisationId);
        var plans = new AllocationCommandHandler(store, TimeProvider.System);
        Assert.IsType<AllocationCommandOutcome.Completed>(await plans.HandleAsync(regulator, new ImportPlan(PlanJson.Shipped("guangdong-2017")), CancellationToken.None));
        Assert.IsType<AllocationCommandOutcome.Completed>(await plans.HandleAsync(regulator, new ApprovePlan("guangdong-2017", 1), CancellationToken.None));
        return db;
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(RegistryDatabase db, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EtsCommand.RunAsync(["compliance", .. args, "--db", db.Database], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Status_PastTheDeadline_ListsWhoOwesAndShowsPenaltiesToTheRegulatorOnly()
    {
        using var db = await YearAsync();

        var regulator = await RunAsync(db, "status", "--year", "2017", "--as", "regulator");
        var company = await RunAsync(db, "status", "--year", "2017", "--as", "cement-a");

        Assert.Equal(0, regulator.Exit);
        Assert.Contains("GD 2017: 5 entities; compliant 0, short 5, late 0", regulator.Out, StringComparison.Ordinal);
        Assert.Contains("[UNCONFIRMED]", regulator.Out, StringComparison.Ordinal);
        // Steel owes 716 000 t coke × 2.860418825 = 2 048 059.879 t → 2 048 060 units; the penalty deducts 2 × that and fines 50 000 yuan.
        Assert.Contains("2,048,060", regulator.Out, StringComparison.Ordinal);
        Assert.Contains("4,096,120 t deducted from next year's allocation, fine 50,000 yuan", regulator.Out, StringComparison.Ordinal);
        Assert.Equal(0, company.Exit);
        Assert.Contains("2,048,060", company.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("penalty", company.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Surrender_HydropowerRefusedAllowancesCounted_TheExportedListShowsIt()
    {
        using var db = await YearAsync();
        var file = Path.Combine(db.Folder, "list.xlsx");

        var hydro = await RunAsync(db, "surrender", "GD-HOLD-STEEL", "CCER-000202-2015", "1000", "--year", "2017", "--as", "steel-a");
        var allowances = await RunAsync(db, "surrender", "GD-HOLD-STEEL", "GDEA-2017", "2000000", "--year", "2017", "--as", "steel-a");
        var list = await RunAsync(db, "list", "--year", "2017", "--export", file);
        await using var content = File.OpenRead(file);
        var sheet = TabularFile.Read(content, "list.xlsx");
        var steel = sheet.Rows.Single(r => r.Cells[1] == "韶关示范钢铁有限公司").Cells;

        Assert.Equal(1, hydro.Exit);
        Assert.Contains("Compliance.ExcludedCategory", hydro.Err, StringComparison.Ordinal);
        Assert.Equal(0, allowances.Exit);
        Assert.Contains("surrendered 2000000 GDEA-2017", allowances.Out, StringComparison.Ordinal);
        Assert.Contains("still owed 48060", allowances.Out, StringComparison.Ordinal);
        Assert.Equal(0, list.Exit);
        Assert.Contains("2,000,000", list.Out, StringComparison.Ordinal);
        // As the list page shows it: the sector in Chinese, the status with its deadline, on a named sheet.
        Assert.Equal("钢铁", steel[2]);
        Assert.Equal(["2048060", "2000000", "2000000", "0", "48060", "未履约（已过截止日）"], steel[4..]);
        Assert.Equal(["履约清单"], MiniExcelLibs.MiniExcel.GetSheetNames(file));
        Assert.Contains(sheet.Rows, r => r.Cells[0] == "[UNCONFIRMED]" && r.Cells[1] == "offsets.maxShareOfEmissions");
    }

    [Fact]
    public async Task Status_UnconfirmedRules_AreCountedInTheSingularOrPluralNotAsRuleS()
    {
        using var db = await YearAsync();

        var (exit, output, error) = await RunAsync(db, "status", "--year", "2017");

        Assert.True(exit == 0, error);
        Assert.DoesNotContain("(s)", output, StringComparison.Ordinal);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("of this year", StringComparison.Ordinal));
        var count = int.Parse(line.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith(count == 1 ? "1 rule of this year is [UNCONFIRMED]: " : $"{count} rules of this year are [UNCONFIRMED]: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusListAndSurrender_AJurisdictionThatIsNoCode_IsAUsageErrorNamingTheOption()
    {
        using var db = await YearAsync();

        var list = await RunAsync(db, "list", "--year", "2017", "--jurisdiction", "bad code");
        var status = await RunAsync(db, "status", "--year", "2017", "--jurisdiction", "bad code");
        var surrender = await RunAsync(db, "surrender", "GD-HOLD-PAPER", "GDEA-2017", "10", "--year", "2017", "--as", "paper-a", "--jurisdiction", "bad code");

        // Not "no approved plan gives compliance rules for BAD CODE 2017" (exit 1): the code itself is wrong.
        foreach (var (run, verb) in new[] { (list, "list"), (status, "status"), (surrender, "surrender") })
        {
            Assert.Equal(2, run.Exit);
            Assert.StartsWith($"ets compliance {verb}: --jurisdiction: 'bad code' is not a jurisdiction code (e.g. GD, CN)\nusage: ",
                run.Err.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task List_AYearWithoutRules_IsRefusedWithTheRule()
    {
        using var db = await YearAsync();

        var (exit, output, error) = await RunAsync(db, "list", "--year", "2030");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("Compliance.NoRules", error, StringComparison.Ordinal);
    }
}
