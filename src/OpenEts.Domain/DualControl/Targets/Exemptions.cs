namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// Who is exempt from the total-energy (能耗总量) assessment. Sources: Ningxia's measures of 2022-08-23 (units below
/// 1.67 tce per 万元 of industrial value added, or at their sector's efficiency benchmark; nengyuanjie.net/article/61692.html);
/// the 十四五 rule that a province meeting its incentive intensity target is exempt (m.sfmzp.com/article-34715-3.html).
/// Both are secondary citations (docs/dual-control.md).
/// </summary>
public static class Exemptions
{
    /// <summary>1.67 tce per 万元 of industrial value added (Ningxia 2022).</summary>
    public const decimal NingxiaIntensityThreshold = 1.67m;

    /// <summary>A key energy user uses at least 50 000 tce a year (5万 tce; Ningxia 十二五, www.njkoyo.com/news/71670.html).</summary>
    public const decimal KeyEnergyUserThresholdTce = 50_000m;

    /// <summary>Why a unit is exempt from the total-energy assessment, or null when it is not.</summary>
    public static string? TotalEnergyExemption(TargetUnit unit, EnergyFigures figures, decimal? intensityReductionPercent)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(figures);
        if (unit.Kind == UnitKind.KeyEnergyUser && unit.AtSectorBenchmark)
        {
            return "SectorBenchmark";
        }
        if (unit.Kind == UnitKind.KeyEnergyUser && figures.Intensity is { } i && i < NingxiaIntensityThreshold)
        {
            return "LowIntensity";
        }
        if (unit.IncentiveIntensityPercent is { } incentive && intensityReductionPercent is { } actual && actual >= incentive)
        {
            return "IncentiveTargetMet";
        }
        return null;
    }
}
