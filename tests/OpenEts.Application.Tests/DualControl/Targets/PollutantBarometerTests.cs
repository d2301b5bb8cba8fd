using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Domain.DualControl.Monitoring;
using OpenEts.Domain.DualControl.Targets;
using Xunit;

namespace OpenEts.Application.Tests.DualControl.Targets;

/// <summary>
/// The pollutant 晴雨表 built from a plan and the load meters' sums: NX (NOx 1 000 t cut 10 % over 2021–2025, so 900 t in
/// 2025) → cities C1 and C2 → key user K1 under C1 with its own NOx budget (100 t cut 10 %: 90 t in 2025).
/// </summary>
public sealed class PollutantBarometerTests
{
    private static readonly WarningPeriod Year2025 = WarningPeriod.Of(2025, 12);

    private static TargetUnit Unit(string code, UnitKind kind, string? parent, params PollutantTarget[] pollutants) =>
        new(UnitCode.From(code), code + " name", kind, parent is null ? null : UnitCode.From(parent), 15m, null, false,
            [.. Enumerable.Range(2021, 5).Select(y => new YearBudget(y, Tce.From(1_000m), Tce.Zero, 3.2m))], pollutants.Length == 0 ? null : pollutants);

    private static TargetPlan Plan() => new(UnitCode.From("NX"), 1, "test", 2021, 2025, Tce.From(900m), 15m, Tce.From(1_000m),
        [new PollutantTarget("氮氧化物", 1_000m, 10m)],
        [Unit("NX", UnitKind.Province, null), Unit("C1", UnitKind.City, "NX"), Unit("C2", UnitKind.City, "NX"),
            Unit("K1", UnitKind.KeyEnergyUser, "C1", new PollutantTarget("NOx", 100m, 10m))], "invented for tests");

    private static PollutantLoad Load(long unitId, string region, string? keyUser, string pollutant, string unit, long totalMilli, long received = 365) =>
        new(new MonitoredUnit(unitId, unitId, "unit " + unitId, region, new DateOnly(2025, 1, 1), DateTimeOffset.UnixEpoch, "regulator"), keyUser,
            new MeterPoint(unitId * 10 + pollutant.Length, unitId, $"M{unitId}-{pollutant}-{unit}", "meter", EnergyKind.PollutantLoad, unit, MeterCadence.Daily,
                new DateOnly(2025, 1, 1), pollutant), totalMilli, received);

    // K1's unit: 95 t of NOx in kg (and SO2, which no target names); C2's unit by its region code: 10 t; a unit outside
    // the plan (广州市), a kg/h meter and a meter with no readings count for nothing.
    private static IReadOnlyList<PollutantLoad> Loads() =>
    [
        Load(1, "广州市", "K1", "NOx", "kg", 95_000_000),
        Load(1, "广州市", "K1", "SO2", "kg", 50_000_000),
        Load(2, "C2", null, "NOx", "t", 10_000),
        Load(3, "广州市", null, "NOx", "t", 1_000_000),
        Load(4, "C1", null, "NOx", "kg/h", 7_000_000),
        Load(5, "C1", null, "NOx", "kg", 0, received: 0),
    ];

    [Fact]
    public void Rate_KeyUserOverItsOwnBudgetWithinTenPercent_IsYellowAndTheRegionSumsItsMeters()
    {
        var table = PollutantBarometer.Rate([Plan()], Loads(), Year2025, withKeyUsers: true);

        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), (table.From, table.To));
        Assert.Equal(["NX", "K1"], table.Rows.Select(r => r.Unit.Value));
        var k1 = table.Rows.Single(r => r.Unit.Value == "K1");
        // 95 t against 90 t: 5 t over, 5.5556 % of the path: yellow.
        Assert.Equal((90m, 95m, 5m, 5.5556m, WarningLevel.Yellow, 1, 1),
            (k1.Rating.Target, k1.Rating.Actual, k1.Rating.Shortfall, k1.Rating.ShortfallPercentOfTarget, k1.Rating.Level, k1.Meters, k1.MonitoredUnits));
        var nx = table.Rows.Single(r => r.Unit.Value == "NX");
        Assert.Equal((900m, 105m, WarningLevel.Green, 2, 2), (nx.Rating.Target, nx.Rating.Actual, nx.Rating.Level, nx.Meters, nx.MonitoredUnits));
    }

    [Fact]
    public void Rate_ThePublic_SeesRegionsButNoKeyUser() =>
        Assert.Equal(["NX"], PollutantBarometer.Rate([Plan()], Loads(), Year2025, withKeyUsers: false).Rows.Select(r => r.Unit.Value));

    [Fact]
    public void Rate_NoMeterForTheTarget_IsNoDataAndAYearOutsideThePlanHasNoRows()
    {
        var unmeasured = PollutantBarometer.Rate([Plan()], [Load(2, "C2", null, "SO2", "t", 10_000)], Year2025, withKeyUsers: true);

        Assert.All(unmeasured.Rows, r => Assert.Equal((WarningLevel.NoData, 0), (r.Rating.Level, r.Meters)));
        Assert.Empty(PollutantBarometer.Rate([Plan()], Loads(), WarningPeriod.Of(2026, 12), withKeyUsers: true).Rows);
    }

    [Fact]
    public void Days_AQuarter_RunsFromJanuaryToItsLastDay() =>
        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31)), PollutantBarometer.Days(WarningPeriod.Of(2024, 3)));
}
