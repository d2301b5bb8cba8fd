using OpenEts.Application.Allocation;
using OpenEts.Application.Demo;
using OpenEts.Cli.Tests.Registry;
using OpenEts.Storage;

namespace OpenEts.Cli.Tests.Allocation;

/// <summary>
/// <c>ets allocate --plan … --year …</c>, the what-if of issue 11's "Done when", on the demo market's approved reports:
/// the shipped Guangdong 2017 plan (nothing stored or approved first) with one benchmark changed.
/// </summary>
public sealed class AllocateCommandTests
{
    [Fact]
    public async Task Issue_11_AllocateGuangdong2017_ClinkerBenchmarkLowered_PrintsTheCementChangeTheTotalAndTheCapCheck()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        await using (var store = await SqlStore.OpenAsync(db.Database, CancellationToken.None))
        {
            await new DemoMrv(store).SeedIfEmptyAsync(CancellationToken.None);
        }

        var (exit, output, error) = await db.RunEtsAsync("allocate", "--plan", "guangdong-2017", "--year", "2017", "--set", "benchmark.cement.clinker=0.85");

        Assert.True(exit == 0, error);
        // The demo cement company's 1 400 000 t of clinker: × 0.8534 in the plan = 1 194 760 t; × 0.85 = 1 190 000 t.
        var cement = Assert.Single(output.Split('\n'), l => l.Contains(" cement ", StringComparison.Ordinal));
        Assert.Contains("1,194,760", cement, StringComparison.Ordinal);
        Assert.Contains("1,190,000", cement, StringComparison.Ordinal);
        Assert.Contains("-4,760", cement, StringComparison.Ordinal);
        Assert.Contains("[UNCONFIRMED figures]", cement, StringComparison.Ordinal);
        Assert.Contains("change -4,760 t)", output, StringComparison.Ordinal);
        Assert.Contains("cap: 422,000,000 t total, 399,000,000 t to covered entities, 23,000,000 t reserve", output, StringComparison.Ordinal);
        Assert.Contains("[UNCONFIRMED] placeholders", output, StringComparison.Ordinal);
        Assert.DoesNotContain("(s)", output, StringComparison.Ordinal);
        Assert.Matches(@"\n\d+ figures of the plan are \[UNCONFIRMED\] placeholders or carried from another year; see the plan page\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Allocate_UnknownFigure_IsAUsageErrorNamingIt()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await db.RunEtsAsync("allocate", "--plan", "guangdong-2017", "--year", "2017", "--set", "benchmark.cement.nothing=1");

        Assert.Equal(2, exit);
        Assert.Contains("benchmark.cement.nothing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allocate_UnknownPlanYearOrFigure_NamesTheOptionOnce()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var plan = await db.RunEtsAsync("allocate", "--plan", "nope", "--year", "2017");
        var year = await db.RunEtsAsync("allocate", "--plan", "guangdong-2017", "--year", "2030");
        var figure = await db.RunEtsAsync("allocate", "--plan", "guangdong-2017", "--year", "2017", "--set", "benchmark.cement.nothing=1");
        var confirm = await db.RunEtsAsync("allocate", "--plan", "guangdong-2017", "--year", "2017", "--confirm", "--as", "regulator");

        // Not "plan: plan: no plan 'nope'": the option, then the use case's message without its own field name.
        Assert.Equal((2, "ets allocate: --plan: no plan 'nope' (rule UnknownPlan)"), (plan.Exit, plan.Err.ReplaceLineEndings("\n").Split('\n')[0]));
        Assert.Equal((2, "ets allocate: --year: plan 'guangdong-2017' governs 2017, not 2030 (rule PlanYear)"),
            (year.Exit, year.Err.ReplaceLineEndings("\n").Split('\n')[0]));
        Assert.Equal((2, "ets allocate: --set benchmark.cement.nothing: no figure of the plan has this name or path (rule UnknownFigure)"),
            (figure.Exit, figure.Err.ReplaceLineEndings("\n").Split('\n')[0]));
        Assert.Equal(2, confirm.Exit);
        Assert.Contains("ets allocate: --source: say where the new values come from", confirm.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("--source: source:", confirm.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allocate_Confirm_AsTheRegulator_SavesTheChangedFigureAsANewDraftVersion()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        await using (var store = await SqlStore.OpenAsync(db.Database, CancellationToken.None))
        {
            await new DemoMrv(store).SeedIfEmptyAsync(CancellationToken.None);
            await new DemoAllocation(store, new AllocationCommandHandler(store, TimeProvider.System)).SeedIfEmptyAsync(CancellationToken.None);
        }
        string[] whatIf = ["allocate", "--plan", "guangdong-2017", "--year", "2017", "--set", "benchmark.cement.clinker=0.85", "--confirm"];

        var noSource = await db.RunEtsAsync([.. whatIf, "--as", "regulator"]);
        var company = await db.RunEtsAsync([.. whatIf, "--source", "粤环发〔2018〕演示 1号", "--as", "cement-a"]);
        var (exit, output, error) = await db.RunEtsAsync([.. whatIf, "--source", "粤环发〔2018〕演示 1号", "--as", "regulator"]);
        IReadOnlyList<StoredPlan> versions;
        await using (var store = await SqlStore.OpenAsync(db.Database, CancellationToken.None))
        {
            versions = await store.ReadAsync(s => s.Allocation.ListPlansAsync(), CancellationToken.None);
        }

        Assert.Equal(2, noSource.Exit);
        Assert.Contains("--source", noSource.Err, StringComparison.Ordinal);
        Assert.Equal(1, company.Exit);
        Assert.Contains("NotPermitted", company.Err, StringComparison.Ordinal);
        Assert.True(exit == 0, error);
        Assert.Contains("-4,760", output, StringComparison.Ordinal);
        Assert.Contains("confirmed: plan guangdong-2017 v2 saved as a draft revising v1", output, StringComparison.Ordinal);
        Assert.Equal([(1, PlanStatus.Draft), (2, PlanStatus.Draft)], versions.OrderBy(v => v.Version).Select(v => (v.Version, v.Status)));
        Assert.Equal(0.8534m, versions.Single(v => v.Version == 1).Plan.SectorOf(Domain.Organisations.Sector.Cement)!.Products[0].Benchmark!.Value);
        Assert.Equal(0.85m, versions.Single(v => v.Version == 2).Plan.SectorOf(Domain.Organisations.Sector.Cement)!.Products[0].Benchmark!.Value);
    }
}
