using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// One month of a region's <see cref="RegionTrend"/>. <paramref name="Energy"/> is the energy used in the month alone,
/// <paramref name="EnergyToDate"/> January to the month (null when the statistics do not cover exactly those months),
/// <paramref name="Path"/> the linear path to the year's budget (budget × month ÷ 12, to the kgce) with the 晴雨表's
/// total-energy level; <paramref name="IntensityReductionPercent"/> the fall in intensity January to the month against the
/// same months of the year before (2 dp; null without both years' data) with the 晴雨表's intensity level.
/// </summary>
public sealed record TrendMonth(int Month, Tce? Energy, Tce? EnergyToDate, Tce Path, WarningLevel EnergyLevel,
    decimal? IntensityReductionPercent, WarningLevel IntensityLevel)
{
    /// <summary>Energy used to date less the path, tce (negative = under it); null without figures.</summary>
    public decimal? OverPath => EnergyToDate is { } used ? used.Value - Path.Value : null;
}
