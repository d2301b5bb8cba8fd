using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Domain.Tests.DualControl.Targets;

/// <summary>A small invented province (NX) with two cities and one key user per city, 2021–2025; numbers are made up for tests.</summary>
internal static class TargetSamples
{
    public static UnitCode Nx => UnitCode.From("NX");

    public static TargetUnit Unit(string code, UnitKind kind, string? parent, decimal budget, decimal retained = 0m,
        decimal yearPercent = 3.2m, decimal? incentive = null, bool benchmark = false, int first = 2021, int last = 2025) =>
        new(UnitCode.From(code), code, kind, parent is null ? null : UnitCode.From(parent), 15m, incentive, benchmark,
            [.. Enumerable.Range(first, last - first + 1).Select(y => new YearBudget(y, Tce.From(budget), Tce.From(retained), yearPercent))]);

    public static TargetPlan Plan(params TargetUnit[] units) => new(Nx, 1, "test plan", 2021, 2025, Tce.From(9_000m), 15m,
        Tce.From(11_200_000m), [new PollutantTarget("NOx", 1000m, 10m)], units, "invented for tests");

    /// <summary>NX 10 000 (retains 1 000) → C1 6 000 (retains 1 000; K1 5 000), C2 3 000 (retains 3 000).</summary>
    public static TargetPlan Province() => Plan(
        Unit("NX", UnitKind.Province, null, 10_000m, 1_000m),
        Unit("C1", UnitKind.City, "NX", 6_000m, 1_000m),
        Unit("C2", UnitKind.City, "NX", 3_000m, 3_000m),
        Unit("K1", UnitKind.KeyEnergyUser, "C1", 5_000m));

    public static EnergyFigures Figures(decimal tce, decimal wanYuan) => new(Tce.From(tce), EconomicOutput.FromWanYuan(wanYuan));
}
