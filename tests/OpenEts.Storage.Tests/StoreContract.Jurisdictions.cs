using OpenEts.Application.Allocation;
using OpenEts.Application.Compliance;
using OpenEts.Application.Identity;
using OpenEts.Application.Organisations;
using OpenEts.Application.Storage;
using OpenEts.Domain.Organisations;

namespace OpenEts.Storage.Tests;

// Each covered entity's market (所属碳市场) on every database: the migration gives existing companies GD, the demo's
// companies are GD's, and an entity moved to another market leaves GD's compliance list, surrender check and allocation.
public abstract partial class StoreContract<TDb>
{
    // Moves the demo organisation named `name` to `jurisdiction` as the regulator would, on its page or through the API.
    private static async Task MoveToMarketAsync(IStore store, Actor regulator, string name, string jurisdiction)
    {
        var service = new OrganisationService(store);
        var o = Assert.Single(await service.ListAsync(new OrganisationFilter(Search: name), Ct));
        var outcome = await service.UpdateAsync(regulator, o.Code.Value,
            new OrganisationDraft(o.Code.Value, o.Name, o.Sector.ToString(), o.Region, o.Status.ToString(), Jurisdiction: jurisdiction),
            SurrenderDay, Ct);
        Assert.Equal(jurisdiction, Assert.IsType<OrganisationOutcome.Saved>(outcome).Organisation.Jurisdiction?.Code);
    }

    [Fact]
    public async Task Jurisdiction_DemoCompanies_AreGuangdongsAndTheOthersHaveNone()
    {
        await using var p = await CompliancePlatformAsync();

        var all = await new OrganisationService(p.Store).ListAsync(new OrganisationFilter(), Ct);

        Assert.All(all, o => Assert.Equal(o.Kind == OrganisationKind.Company ? "GD" : null, o.Jurisdiction?.Code));
        Assert.Equal(5, (await new OrganisationService(p.Store).CoveredByAsync("GD", Ct)).Count);
    }

    [Fact]
    public async Task Jurisdiction_EntityOfAnotherMarket_IsAbsentFromTheListAndCannotSurrenderForIt()
    {
        await using var p = await CompliancePlatformAsync();
        await MoveToMarketAsync(p.Store, await p.ActorAsync("regulator"), "韶关示范钢铁", "CN");
        var steel = await p.ActorAsync("steel-a");

        var list = await p.Queries.ListAsync("GD", 2017, Ct);
        var own = await p.Queries.OwnAsync(steel, "GD", 2017, Ct);
        var surrender = await p.SurrenderAsync(steel, "GD-HOLD-STEEL", "GDEA-2017", 1_000, "steel-after-move");
        var history = await new OrganisationService(p.Store).ChangesAsync(CreditCode.Parse(Code("91440200MA5CY1003")).Code, Ct);

        Assert.Equal(4, list!.Rows.Count);
        Assert.DoesNotContain(list.Rows, r => r.Name == "韶关示范钢铁有限公司");
        Assert.Null(own);
        Assert.Equal("Compliance.NoApprovedEmissions", Assert.IsType<ComplianceOutcome.Refused>(surrender).Rule);
        Assert.Equal(2_000_000, await p.HeldAsync("GD-HOLD-STEEL", "GDEA-2017"));
        var change = Assert.Single(history[0].Changes);
        Assert.Equal(("jurisdiction", "GD", "CN"), (change.Field, change.Before, change.After));
    }

    [Fact]
    public async Task Jurisdiction_EntityOfAnotherMarket_IsLeftOutOfTheAllocationRunAndTheWhatIf()
    {
        await using var w = await AllocationWorldAsync(Db);
        await w.Plans.HandleAsync(w.Regulator, new ImportPlan(PlanJson.Shipped("guangdong-2017")), Ct);
        await w.Plans.HandleAsync(w.Regulator, new ApprovePlan("guangdong-2017", 1), Ct);
        await MoveToMarketAsync(w.Store, w.Regulator, "北江示范水泥", "SZ");
        var cementBefore = await HeldAsync(w.Registry, "GD-HOLD-CEMENT");

        var pre = (AllocationCommandOutcome.Completed)await w.Runs.HandleAsync(w.Regulator, new RunPreAllocation("guangdong", 2017), Ct);
        var (whatIf, _) = await w.Queries.WhatIfAsync("guangdong-2017", null, 2017, [], null, Ct);

        Assert.Equal(4, pre.Run!.Items.Count(i => i.Done && !i.Earlier));
        Assert.DoesNotContain(pre.Run.Items, i => i.Organisation == Code(CementCode));
        Assert.Equal(cementBefore, await HeldAsync(w.Registry, "GD-HOLD-CEMENT"));
        Assert.Null(await w.Queries.AllocationAsync(CodeOf(CementCode), "guangdong", 2017, Ct));
        Assert.Equal(4, whatIf!.Rows.Count);
        Assert.DoesNotContain(whatIf.Rows, r => r.Baseline.Code == Code(CementCode));
    }
}
