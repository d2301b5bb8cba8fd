using OpenEts.Application.Allocation;
using OpenEts.Application.Demo;
using OpenEts.Application.Identity;
using OpenEts.Application.Mrv;
using OpenEts.Application.Organisations;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// Allocation through its use cases, on every database: a plan imported, approved and immutable after; pre-allocation
// and the true-up moving units only through the registry's use cases, once, with the calculation stored.
public abstract partial class StoreContract<TDb>
{
    private sealed record AllocationWorld(SqlStore Store, RegistryService Registry, AllocationCommandHandler Plans, AllocationRunHandler Runs,
        AllocationQueries Queries, Actor Regulator) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Registry.Dispose();
            await Store.DisposeAsync();
        }
    }

    private static async Task<AllocationWorld> AllocationWorldAsync(ITestDatabase db)
    {
        var (store, actorOf) = await MrvMarketAsync(db);
        await new DemoMrv(store).SeedIfEmptyAsync(Ct);
        var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        var clock = new FixedClock(new DateTimeOffset(2018, 6, 1, 2, 0, 0, TimeSpan.Zero));
        var mrv = new MrvQueries(store);
        var organisations = new OrganisationService(store);
        return new AllocationWorld(store, registry, new AllocationCommandHandler(store, clock),
            new AllocationRunHandler(store, mrv, organisations, registry, new RegistryCommandHandler(registry, store, clock), clock),
            new AllocationQueries(store, mrv, organisations), await actorOf("regulator"));
    }

    private static CreditCode CodeOf(string first17) => CreditCode.Parse(Code(first17)).Code;

    private static Task<long> HeldAsync(RegistryService registry, string account) =>
        registry.QueryAsync((l, _) => l.QuantityHeld(AccountNumber.From(account), UnitClass.Allowance("GD", 2017)).Value, Ct);

    [Fact]
    public async Task Allocation_ImportApproveRevise_KeepsTheApprovedVersionAndJournalsEachStep()
    {
        await using var w = await AllocationWorldAsync(Db);

        var imported = (AllocationCommandOutcome.Completed)await w.Plans.HandleAsync(w.Regulator, new ImportPlan(PlanJson.Shipped("guangdong-2017")), Ct);
        var draftPlan = await w.Queries.ApprovedPlanAsync("guangdong", 2017, Ct);
        await w.Plans.HandleAsync(w.Regulator, new ApprovePlan("guangdong-2017", 1), Ct);
        var again = await w.Plans.HandleAsync(w.Regulator, new ApprovePlan("guangdong-2017", 1), Ct);
        var revised = (AllocationCommandOutcome.Completed)await w.Plans.HandleAsync(w.Regulator,
            new SavePlanDraft("guangdong-2017", 1, [new PlanEdit("benchmark.cement.clinker", 0.85m, "official text, annex 1")]), Ct);
        var approved = await w.Queries.ApprovedPlanAsync("guangdong", 2017, Ct);
        var versions = await w.Queries.PlansAsync(Ct);
        var journal = await w.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "allocation."), 0, 10), Ct);

        Assert.Equal((1, PlanStatus.Draft), (imported.Plan!.Version, imported.Plan.Status));
        Assert.Null(draftPlan);
        Assert.Equal("PlanApproved", Assert.IsType<AllocationCommandOutcome.Refused>(again).Rule);
        Assert.Equal((2, PlanStatus.Draft), (revised.Plan!.Version, revised.Plan.Status));
        Assert.Equal(0.8534m, approved!.SectorOf(Sector.Cement)!.Products[0].Benchmark!.Value);
        Assert.Equal([(1, PlanStatus.Approved), (2, PlanStatus.Draft)], versions.Select(v => (v.Version, v.Status)));
        Assert.Equal(0.85m, versions[1].Plan.SectorOf(Sector.Cement)!.Products[0].Benchmark!.Value);
        Assert.Equal(["allocation.plan.revised", "allocation.plan.approved", "allocation.plan.imported"], journal.Select(e => e.Kind));
    }

    [Fact]
    public async Task Allocation_PreAllocationThenTrueUp_MovesTheDifferenceOnceThroughTheRegistry()
    {
        await using var w = await AllocationWorldAsync(Db);
        await w.Plans.HandleAsync(w.Regulator, new ImportPlan(PlanJson.Shipped("guangdong-2017")), Ct);
        await w.Plans.HandleAsync(w.Regulator, new ApprovePlan("guangdong-2017", 1), Ct);
        var powerBefore = await HeldAsync(w.Registry, "GD-HOLD-POWER");
        var cementBefore = await HeldAsync(w.Registry, "GD-HOLD-CEMENT");

        var pre = (AllocationCommandOutcome.Completed)await w.Runs.HandleAsync(w.Regulator, new RunPreAllocation("guangdong", 2017), Ct);
        var preAgain = (AllocationCommandOutcome.Completed)await w.Runs.HandleAsync(w.Regulator, new RunPreAllocation("guangdong", 2017), Ct);
        var powerAfterPre = await HeldAsync(w.Registry, "GD-HOLD-POWER");
        var trueUp = (AllocationCommandOutcome.Completed)await w.Runs.HandleAsync(w.Regulator, new RunTrueUp("guangdong", 2017), Ct);
        var trueUpAgain = (AllocationCommandOutcome.Completed)await w.Runs.HandleAsync(w.Regulator, new RunTrueUp("guangdong", 2017), Ct);
        var cement = await w.Queries.AllocationAsync(CodeOf(CementCode), "guangdong", 2017, Ct);
        var check = await w.Registry.VerifyAsync(Ct);

        // Demo MRV outputs × the plan's placeholders (docs/allocation.md): power 2016 3 480 000 MWh × 0.877 = 3 051 960,
        // free 95 % = 2 899 362; 2017 3 600 000 × 0.877 = 3 157 200, free 2 999 340: +99 978. Cement 2016 1 450 000 t ×
        // 0.8534 = 1 237 430, free 97 % = 1 200 307; 2017 1 400 000 × 0.8534 = 1 194 760, free 1 158 917: −41 390.
        Assert.Equal(5, pre.Run!.Items.Count(i => i.Done && !i.Earlier));
        Assert.True(preAgain.Run!.NothingToDo);
        Assert.Equal(powerBefore + 2_899_362, powerAfterPre);
        Assert.Equal(powerAfterPre + 99_978, await HeldAsync(w.Registry, "GD-HOLD-POWER"));
        Assert.Equal(cementBefore + 1_200_307 - 41_390, await HeldAsync(w.Registry, "GD-HOLD-CEMENT"));
        Assert.Equal(41_390, trueUp.Run!.Withdrawn);
        Assert.True(trueUpAgain.Run!.NothingToDo);
        Assert.Equal((1_200_307L, 1_158_917L, -41_390L), (cement!.Pre!.Allocation.Free.Value, cement.Final!.Allocation.Free.Value, cement.TrueUp!.Difference));
        Assert.Contains(cement.Final.Allocation.Steps, s => s.Terms.Any(t => t.Name == "B" && t.Value == 0.8534m && t.Unconfirmed));
        Assert.True(check.Intact, check.ToString());
    }

    [Fact]
    public async Task Allocation_StoredCalculation_KeepsEachTermsSourceCodeAndFigures()
    {
        await using var w = await AllocationWorldAsync(Db);
        await w.Plans.HandleAsync(w.Regulator, new ImportPlan(PlanJson.Shipped("guangdong-2017")), Ct);
        await w.Plans.HandleAsync(w.Regulator, new ApprovePlan("guangdong-2017", 1), Ct);

        await w.Runs.HandleAsync(w.Regulator, new RunPreAllocation("guangdong", 2017), Ct);
        var terms = (await w.Queries.AllocationAsync(CodeOf(CementCode), "guangdong", 2017, Ct))!.Pre!.Allocation.Steps
            .SelectMany(s => s.Terms).ToList();

        Assert.Contains(terms, t => t is { Name: "Q", Code: CalculationSources.ApprovedOutput } && t.Figures.SequenceEqual(["clinker"]));
        Assert.Contains(terms, t => t is { Name: "Σ A(y−1 output)", Code: CalculationSources.MethodsOnOutput } && t.Figures.SequenceEqual(["2016"]));
        Assert.Contains(terms, t => t is { Name: "round(A)", Code: CalculationSources.RoundedNearest } && t.Figures.SequenceEqual(["1237430"]));
        Assert.Contains(terms, t => t is { Name: "B", Code: CalculationSources.Plan } && t.Figures.SequenceEqual([t.Source]));
    }

    [Fact]
    public async Task Allocation_RunWithoutAnApprovedPlan_IsRefusedAndMovesNothing()
    {
        await using var w = await AllocationWorldAsync(Db);
        await w.Plans.HandleAsync(w.Regulator, new ImportPlan(PlanJson.Shipped("guangdong-2017")), Ct);
        var before = await HeldAsync(w.Registry, "GD-HOLD-POWER");

        var outcome = await w.Runs.HandleAsync(w.Regulator, new RunPreAllocation("guangdong", 2017), Ct);

        Assert.Equal("NoApprovedPlan", Assert.IsType<AllocationCommandOutcome.Refused>(outcome).Rule);
        Assert.Equal(before, await HeldAsync(w.Registry, "GD-HOLD-POWER"));
    }

    // The market's registry code (GD, as compliance names it) where the plan names its jurisdiction (guangdong): the answer
    // names the jurisdiction and the plans' own, where it blamed the year ("no approved plan for this year").
    [Fact]
    public async Task Allocation_RunForTheRegistryCodeInsteadOfThePlansJurisdiction_IsRefusedNamingTheJurisdictions()
    {
        await using var w = await AllocationWorldAsync(Db);
        await w.Plans.HandleAsync(w.Regulator, new ImportPlan(PlanJson.Shipped("guangdong-2017")), Ct);
        await w.Plans.HandleAsync(w.Regulator, new ApprovePlan("guangdong-2017", 1), Ct);
        var before = await HeldAsync(w.Registry, "GD-HOLD-POWER");

        var outcome = await w.Runs.HandleAsync(w.Regulator, new RunPreAllocation("GD", 2017), Ct);

        var refused = Assert.IsType<AllocationCommandOutcome.Refused>(outcome);
        Assert.Equal(("UnknownJurisdiction", "jurisdiction"), (refused.Rule, refused.Field));
        Assert.Equal(["GD", "guangdong"], refused.Figures);
        Assert.Equal(before, await HeldAsync(w.Registry, "GD-HOLD-POWER"));
    }

    [Fact]
    public async Task Allocation_CompanyRunsPreAllocation_IsForbidden()
    {
        await using var w = await AllocationWorldAsync(Db);
        var company = new Actor(99, "cement-a", Domain.Identity.Role.CompanyRepresentative, null);

        var outcome = await w.Runs.HandleAsync(company, new RunPreAllocation("guangdong", 2017), Ct);
        var import = await w.Plans.HandleAsync(company, new ImportPlan(PlanJson.Shipped("guangdong-2017")), Ct);

        Assert.IsType<AllocationCommandOutcome.Forbidden>(outcome);
        Assert.IsType<AllocationCommandOutcome.Forbidden>(import);
    }
}
