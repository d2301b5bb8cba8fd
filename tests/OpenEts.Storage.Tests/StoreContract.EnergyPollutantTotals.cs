using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Mrv;
using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Storage.Tests;

// The pollutant 晴雨表 from stored plans and pollutant meters, on every database: the targets read the load meters'
// sums through the monitoring queries, follow a unit's key-user link up the split, and show key users only to overseers.
public abstract partial class StoreContract<TDb>
{
    // A one-year plan for 2026: NX (NOx 10 t cut 10 %: 9 t, so 8.25 t for January–November) → C1 → K1, a key user added
    // beside the list with its own NOx budget of 0.6 t cut 10 % (0.54 t; 0.495 t for January–November). The cement works
    // is linked to K1 and its NOx load meter reads 24 × 12.5 kg on 28 November: 0.3 t, and 24 × 12.5 kg on the 29th.
    private static PlanDocument PollutantPlan()
    {
        static PlanDocument.UnitDocument Unit(string code, string kind, string? parent, decimal budget, decimal retained,
            IReadOnlyList<PlanDocument.PollutantDocument>? pollutants = null) =>
            new(code, code + "（测试）", kind, parent, 15m, null, false, [new PlanDocument.YearDocument(2026, budget, retained, 3.2m)], pollutants);
        return new PlanDocument("NX", "污染物总量（测试）", 2026, 2026, 900m, 15m, 200m, [new("氮氧化物", 10m, 10m)],
            [Unit("NX", nameof(UnitKind.Province), null, 1_000m, 500m), Unit("C1", nameof(UnitKind.City), "NX", 500m, 400m),
                Unit("K1", nameof(UnitKind.KeyEnergyUser), "C1", 100m, 0m, [new("NOx", 0.6m, 10m)])], "invented for tests");
    }

    [Fact]
    public async Task PollutantWarnings_ALinkedUnitsLoadMeter_RatesItsKeyUserAndItsRegion()
    {
        await using var w = await MeterWorldAsync();
        var targets = new EnergyTargetsCommandHandler(w.Store, new FixedClock(MeterNow));
        Assert.True(AdoptPlan.TryParse(PollutantPlan(), out var adopt, out var planErrors), string.Join("; ", planErrors.Select(e => e.Message)));
        Assert.IsType<EnergyTargetsOutcome.Completed>(await targets.HandleAsync(w.Regulator, adopt, Ct));
        Assert.True(DesignateKeyUser.TryParse(new DesignateKeyUser.Form("K1", "北江水泥（测试）", "C1", null), out var designate, out _));
        Assert.IsType<EnergyTargetsOutcome.Completed>(await targets.HandleAsync(w.Regulator, designate, Ct));
        var unit = (await w.Queries.UnitsAsync(w.Cement, Ct))!.Single();
        Done(await w.Handler.HandleAsync(w.Regulator, new LinkKeyUser(unit.Id, UnitCode.From("K1")), Ct));
        Assert.True(RegisterMeterPoint.TryParse(new RegisterMeterPoint.Form(unit.Id, "BJ-NOX", "窑尾 NOx", "PollutantLoad", "kg", "Hourly", null, null, null, "NOx"),
            out var register, out var errors), string.Join("; ", errors.Select(e => e.Message)));
        Done(await w.Handler.HandleAsync(w.Regulator, register, Ct));
        Done(await w.Handler.HandleAsync(w.Cement, Hours("nox-28", "BJ-NOX", Nov28, 24, 12.5m), Ct));
        Done(await w.Handler.HandleAsync(w.Cement, Hours("nox-29", "BJ-NOX", Nov29, 24, 12.5m), Ct));
        var queries = new EnergyTargetsQueries(w.Store, new MrvQueries(w.Store));

        var overseen = await queries.PollutantWarningsAsync(w.Regulator, WarningPeriod.Of(2026, 11), Ct);
        var published = await queries.PollutantWarningsAsync(null, WarningPeriod.Of(2026, 11), Ct);

        var k1 = overseen.Rows.Single(r => r.Unit.Value == "K1");
        // 0.6 t against 0.495 t: 0.105 t over, 21.2121 % of the path: red.
        Assert.Equal((0.495m, 0.6m, 21.2121m, WarningLevel.Red, 1), (k1.Rating.Target, k1.Rating.Actual, k1.Rating.ShortfallPercentOfTarget, k1.Rating.Level, k1.Meters));
        var nx = Assert.Single(published.Rows);
        Assert.Equal(("NX", 8.25m, 0.6m, WarningLevel.Green), (nx.Unit.Value, nx.Rating.Target, nx.Rating.Actual, nx.Rating.Level));
    }
}
