namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// One unit in a plan's split (省 → 市 → 重点用能单位): its code and name, kind, parent (none for the province), its five-year
/// intensity-reduction target in percent, an incentive intensity target (十四五: meeting it exempts the unit from the
/// total-energy assessment), whether it is at its sector's efficiency benchmark (Ningxia 2022: exempt from the
/// total-energy assessment), its yearly budgets, and the unit's own pollutant totals with their cuts where the plan gives
/// it a pollutant budget (the region's own totals are the plan's <see cref="TargetPlan.Pollutants"/>).
/// </summary>
public sealed record TargetUnit(
    UnitCode Code,
    string Name,
    UnitKind Kind,
    UnitCode? Parent,
    decimal IntensityReductionPercent,
    decimal? IncentiveIntensityPercent,
    bool AtSectorBenchmark,
    IReadOnlyList<YearBudget> Years,
    IReadOnlyList<PollutantTarget>? Pollutants = null)
{
    /// <summary>The budget for <paramref name="year"/>, or null when the plan gives none.</summary>
    public YearBudget? Year(int year) => Years.FirstOrDefault(y => y.Year == year);
}
