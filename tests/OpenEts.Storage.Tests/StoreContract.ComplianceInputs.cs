using OpenEts.Application.Allocation;
using OpenEts.Application.Compliance;
using OpenEts.Application.Mrv;
using OpenEts.Application.Offsets;
using OpenEts.Application.Organisations;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;

namespace OpenEts.Storage.Tests;

// The kept compliance inputs (ComplianceInputsCache) on every database: the database's own counter (migration 0041's
// triggers) moves with every change of the rows the inputs are read from and with nothing else, so the inputs are read
// again exactly when one of them changed.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task ComplianceInputs_KeptWhileTheirRowsStand_ReadAgainAfterAUserAReportAnEntityOrAPlanChanges()
    {
        await using var p = await CompliancePlatformAsync();
        var registry = new RegistryQueries(p.Registry);
        var mrv = new MrvQueries(p.Store);
        var organisations = new OrganisationService(p.Store);
        var rulebook = new ComplianceRulebook(new AllocationQueries(p.Store, mrv, organisations));
        Task<ComplianceInputs?> LoadAsync() =>
            ComplianceInputsCache.LoadAsync(p.Store, registry, mrv, new OffsetsQueries(p.Store, registry), organisations, rulebook, "GD", 2017, Ct);
        Task ChangeAsync(Func<IStoreSession, Task> change) => p.Store.WriteAsync(async s => { await change(s); return 0; }, Ct);
        var steel = (await p.Store.ReadAsync(s => s.Users.FindByNameAsync("steel-a"), Ct))!;
        var steelCompany = (await p.Store.ReadAsync(s => s.Organisations.FindByIdAsync(steel.OrganisationId!.Value), Ct))!;
        var power = (await p.Store.ReadAsync(s => s.Users.FindByNameAsync("power-a"), Ct))!;
        var powerCompany = (await p.Store.ReadAsync(s => s.Organisations.FindByIdAsync(power.OrganisationId!.Value), Ct))!;

        var first = await LoadAsync();
        var again = await LoadAsync();
        await ChangeAsync(s => s.Users.SetSignInStateAsync(steel.Id, 3, null));
        var afterSignInFailure = await LoadAsync();
        await ChangeAsync(s => s.Users.UpdateAccessAsync(steel.Id, steel.DisplayName, steel.Role, power.OrganisationId));
        var afterMove = await LoadAsync();
        await ChangeAsync(async s =>
        {
            var report = (await s.Mrv.FindReportAsync(powerCompany.Id, 2017))!;
            await s.Mrv.UpdateReportAsync(report with { Approved = Tonnes.From(1_000m) });
        });
        var afterReport = await LoadAsync();
        await ChangeAsync(s => s.Organisations.UpdateAsync(steelCompany with { Jurisdiction = MarketJurisdiction.National }, SurrenderDay));
        var afterMarket = await LoadAsync();
        var plan = (await p.Store.ReadAsync(s => s.Allocation.FindPlanAsync("guangdong-2017", 1), Ct))!;
        await ChangeAsync(s => s.Allocation.InsertPlanAsync(plan with { Version = 2, Status = PlanStatus.Draft, ApprovedAt = null, ApprovedBy = null }));
        var afterPlan = await LoadAsync();

        Assert.Same(first, again);
        Assert.Same(first, afterSignInFailure);
        Assert.NotSame(first, afterMove);
        Assert.Equal(powerCompany.Code, afterMove!.EntityOfUser("steel-a"));
        Assert.NotSame(afterMove, afterReport);
        Assert.Equal(1_000m, afterReport!.Approved[powerCompany.Code].Approved.Value);
        Assert.NotSame(afterReport, afterMarket);
        Assert.DoesNotContain(steelCompany.Code, afterMarket!.Approved.Keys);
        Assert.NotSame(afterMarket, afterPlan);
        Assert.Equal(afterMarket.Approved.Count, afterPlan!.Approved.Count);
    }
}
