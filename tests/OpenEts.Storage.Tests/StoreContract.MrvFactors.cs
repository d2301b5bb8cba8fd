using OpenEts.Application.Demo;
using OpenEts.Application.Mrv;
using OpenEts.Domain.Mrv;

namespace OpenEts.Storage.Tests;

// Published factor corrections, on every database: the impact list before publication, the new version in force after,
// and approved reports that keep the figures they were approved on.
public abstract partial class StoreContract<TDb>
{
    // By hand: raw coal at the corrected NCV 20.0 GJ/t: 20.0 × 0.02637 tC/GJ × 0.94 × 44/12 = 1.817772 tCO2/t, against
    // 1.9002988488 with the shipped 20.908 GJ/t.
    private static readonly FactorCorrection RawCoalNcv = new(FactorCorrectionKind.FuelNcv, "raw-coal", 2024, 20.0m, "correction notice (test)");

    [Fact]
    public async Task Issue_9_FactorCorrection_ListsTheReportsItWouldMoveThenPublishesANewVersionThatNewReportsUse()
    {
        var (store, actorOf) = await MrvMarketAsync(Db);
        await using var _ = store;
        await new DemoMrv(store).SeedIfEmptyAsync(Ct);
        var regulator = await actorOf("regulator");
        var queries = new MrvQueries(store);
        var handler = new MrvCommandHandler(store, TimeProvider.System);

        var impact = await queries.CorrectionImpactAsync(regulator, RawCoalNcv, Ct);
        var byCompany = await queries.CorrectionImpactAsync(await actorOf("cement-a"), RawCoalNcv, Ct);
        var published = await handler.HandleAsync(regulator, new PublishFactorCorrection("2026.2", "raw coal NCV", RawCoalNcv), Ct);
        var again = await handler.HandleAsync(regulator, new PublishFactorCorrection("2026.2", "again", RawCoalNcv with { Value = 21m }), Ct);
        var (library, versions) = await queries.FactorsAsync(Ct);
        var cement = await actorOf("cement-a");
        var draft = (MrvCommandOutcome.Completed)await handler.HandleAsync(cement, Draft(2018, 1_000m, gas: 0m), Ct);
        var approved = (await queries.ReportsAsync(regulator, 2017, ReportStatus.Approved, Ct)).Single(r => r.Company.Code.Value == Code(CementCode));
        var detail = await queries.ReportAsync(regulator, approved.Report.Id, Ct);

        // Power, cement and paper burn raw coal (2016 and 2017); steel (coke) and aviation (kerosene) do not move.
        Assert.Equal(6, impact!.Count);
        var power2017 = impact.Single(i => i.Year == 2017 && i.Organisation.StartsWith("91440101MA5CY1001", StringComparison.Ordinal));
        Assert.Equal(3_049_979.652m, power2017.OldTotal);
        Assert.Equal(2_917_524.060m, power2017.NewTotal); // 1 605 000 t × 1.817772
        Assert.Equal(power2017, impact[0]); // the largest change first
        Assert.Null(byCompany);
        Assert.IsType<MrvCommandOutcome.Completed>(published);
        Assert.Equal("FactorVersionExists", Assert.IsType<MrvCommandOutcome.Refused>(again).Rule);
        Assert.Equal("2026.2", library.Version);
        Assert.Equal(20.0m, library.Fuel("raw-coal")!.Ncv.Value);
        Assert.Equal(["2026.2"], versions.Select(v => v.Version));
        Assert.Equal(1_817.772m, draft.Report!.Reported.Value); // 1 000 t × 1.817772
        Assert.Equal("2026.2", draft.Report.FactorVersion);
        // The approved 2017 cement report keeps the figures it was approved on: 605 000 t × 1.9002988488.
        Assert.Equal(1_149_680.804m, Math.Round(detail!.Verified!.Total.Value, 3));
        Assert.Equal(DefaultFactors.Version, detail.Verified.FactorLibraryVersion);
    }

    [Fact]
    public async Task Issue_9_FactorCorrection_OfAnUnknownFuelOrAnOxidationAboveOne_IsRefusedAndWritesNothing()
    {
        var (store, actorOf) = await MrvMarketAsync(Db);
        await using var _ = store;
        var regulator = await actorOf("regulator");
        var handler = new MrvCommandHandler(store, TimeProvider.System);

        var unknown = await handler.HandleAsync(regulator, new PublishFactorCorrection("2026.2", "", RawCoalNcv with { Target = "unobtainium" }), Ct);
        var oxidation = await handler.HandleAsync(regulator, new PublishFactorCorrection("2026.3", "",
            RawCoalNcv with { Kind = FactorCorrectionKind.FuelOxidation, Value = 1.2m }), Ct);
        var company = await handler.HandleAsync(await actorOf("cement-a"), new PublishFactorCorrection("2026.4", "", RawCoalNcv), Ct);

        Assert.Equal("UnknownFuel", Assert.Single(Assert.IsType<MrvCommandOutcome.Invalid>(unknown).Errors).Rule);
        Assert.Equal("value", Assert.Single(Assert.IsType<MrvCommandOutcome.Invalid>(oxidation).Errors).Field);
        Assert.IsType<MrvCommandOutcome.Forbidden>(company);
        Assert.Empty(await store.ReadAsync(s => s.Mrv.ListFactorVersionsAsync(), Ct));
        Assert.Equal(0, await store.ReadAsync(s => s.Journal.CountAsync(new Application.Storage.JournalFilter(KindPrefix: "mrv.factors")), Ct));
    }
}
