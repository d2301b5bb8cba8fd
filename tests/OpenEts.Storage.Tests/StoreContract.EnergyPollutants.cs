using OpenEts.Application.DualControl.Cards;
using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Domain.DualControl.Cards;
using OpenEts.Domain.DualControl.Monitoring;

namespace OpenEts.Storage.Tests;

// Pollutant meters in online monitoring, on every database: a concentration meter is judged by the day's mean against
// its limit (超标), a load meter by the day's sum (超总量), and cards proposed from them carry the pollutant.
public abstract partial class StoreContract<TDb>
{
    // The cement works' stack: SO2 concentration (mg/m³, hourly, limit 100 as a daily mean) and NOx load (kg, hourly,
    // permitted 300 a day). On the 28th the SO2 hours are 23 × 100 and 1 × 124 (mean 101, over); on the 29th 24 × 100
    // (mean 100, at the limit, not over) although the day's sum, 2 400, is far above 100. NOx: 24 × 12.5 = 300 on the
    // 28th (at the permitted load), 24 × 13 = 312 on the 29th (over).
    private async Task<(MeterWorld World, CardsCommandHandler Cards)> PollutantWorldAsync()
    {
        var w = await MeterWorldAsync();
        var unit = (await w.Queries.UnitsAsync(w.Cement, Ct))!.Single();
        foreach (var (code, kind, unitOfMeasure, pollutant, limit) in new[]
        {
            ("BJ-SO2", nameof(EnergyKind.PollutantConcentration), "mg/m³", "SO2", 100m),
            ("BJ-NOX", nameof(EnergyKind.PollutantLoad), "kg", "NOx", 300m),
        })
        {
            Assert.True(RegisterMeterPoint.TryParse(new RegisterMeterPoint.Form(unit.Id, code, "窑尾烟气 CEMS", kind, unitOfMeasure, "Hourly", null, limit,
                "GB 4915-2013 (test)", pollutant), out var register, out var errors), string.Join("; ", errors.Select(e => e.Message)));
            Done(await w.Handler.HandleAsync(w.Regulator, register, Ct));
        }
        Done(await w.Handler.HandleAsync(w.Cement, Hours("so2-28", "BJ-SO2", Nov28, 23, 100m), Ct));
        Done(await w.Handler.HandleAsync(w.Cement, Hours("so2-28b", "BJ-SO2", Nov28, 1, 124m, from: 23), Ct));
        Done(await w.Handler.HandleAsync(w.Cement, Hours("so2-29", "BJ-SO2", Nov29, 24, 100m), Ct));
        Done(await w.Handler.HandleAsync(w.Cement, Hours("nox-28", "BJ-NOX", Nov28, 24, 12.5m), Ct));
        Done(await w.Handler.HandleAsync(w.Cement, Hours("nox-29", "BJ-NOX", Nov29, 24, 13m), Ct));
        return (w, new CardsCommandHandler(w.Store, CardRuleSets.Shipped, new FixedClock(MeterNow)));
    }

    [Fact]
    public async Task Exceedances_PollutantMeters_ConcentrationByTheDayMeanAndLoadByTheDaySum()
    {
        var (w, _) = await PollutantWorldAsync();
        await using var _w = w;

        var exceedances = (await w.Queries.ExceedancesAsync(w.Regulator, Nov28, Nov29, Ct))!;

        Assert.Equal([("BJ-NOX", Nov29, 312m), ("BJ-SO2", Nov28, 101m)],
            exceedances.Select(e => (e.Meter.Code, e.Day, e.Measured)).OrderBy(e => e.Code).ToArray());
        Assert.All(exceedances, e => Assert.Equal("北江水泥", e.Unit.OrganisationName));
        var so2 = (await w.Queries.MetersAsync(w.Regulator, exceedances[0].Unit.Id, Ct))!.Single(m => m.Code == "BJ-SO2");
        Assert.Equal(("SO2", EnergyKind.PollutantConcentration), (so2.Pollutant, so2.Kind));
    }

    [Fact]
    public async Task CardsFromMonitoring_ConcentrationOverItsLimit_ProposesAConcentrationExceedanceNamingThePollutant()
    {
        var (w, cards) = await PollutantWorldAsync();
        await using var _w = w;

        var result = (MonitoringProposals)Assert.IsType<CardsCommandOutcome.Completed>(await cards.HandleAsync(w.Regulator, Propose(), Ct)).Result;

        var byKind = result.Proposed.ToDictionary(p => p.Violation.Kind);
        Assert.Equal(2, byKind.Count);
        var so2 = byKind[ViolationKind.ConcentrationExceedance].Violation;
        Assert.Equal((Nov28, 101m, 100m, "mg/m³"), (so2.ObservedOn, so2.Measured, so2.Limit, so2.Unit));
        Assert.StartsWith("SO2 BJ-SO2", so2.Parameter, StringComparison.Ordinal);
        Assert.Contains("2026-11-28 101.000 mg/m³（均值，24 个读数）", so2.Evidence, StringComparison.Ordinal);
        var nox = byKind[ViolationKind.TotalLoadExceedance].Violation;
        Assert.Equal((Nov29, 312m, 300m, "kg"), (nox.ObservedOn, nox.Measured, nox.Limit, nox.Unit));
        Assert.All(result.Proposed, p => Assert.Equal(CardColour.Yellow, p.Proposed!.Colour));
    }
}
