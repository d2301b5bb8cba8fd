namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// The early-warning 晴雨表 (能耗双控目标完成情况晴雨表), computed for any round from progress against the linear path to the
/// year's target. Levels from 发改办环资〔2021〕629号 as reported by m.caixin.com/m/2021-06-04/101723094.html: red when the
/// progress target is missed by more than 10 % of the target value, yellow when missed within 10 %, green when met.
/// </summary>
/// <remarks>
/// Intensity: the target is the year's intensity-reduction milestone (e.g. 3.2 %), the actual value the fall in intensity
/// from the same months of the year before (a ratio, so the same target holds for every round of the year). Total energy:
/// the target is the linear path, the year's budget × months ÷ 12; the actual value the energy used January to the
/// round's month. A shortfall of exactly 10 % of the target is yellow ("within 10 %").
/// </remarks>
public static class EarlyWarning
{
    /// <summary>The line between yellow and red: 10 % of the target value.</summary>
    public const decimal RedLinePercent = 10m;

    /// <summary>The level for a shortfall (positive = missed) against a target value.</summary>
    public static WarningLevel Level(decimal target, decimal shortfall) =>
        shortfall <= 0m ? WarningLevel.Green
        : shortfall <= Math.Abs(target) * RedLinePercent / 100m ? WarningLevel.Yellow
        : WarningLevel.Red;

    /// <summary>Rates the intensity indicator: <paramref name="targetPercent"/> reduction required, <paramref name="actualPercent"/> achieved.</summary>
    public static IndicatorRating Intensity(decimal targetPercent, decimal? actualPercent)
    {
        if (actualPercent is not { } actual)
        {
            return IndicatorRating.NoData;
        }
        var shortfall = targetPercent - actual;
        return new IndicatorRating(targetPercent, actual, shortfall, Share(shortfall, targetPercent), Level(targetPercent, shortfall));
    }

    /// <summary>Rates total energy: the linear path of <paramref name="yearBudget"/> to the round against the energy used.</summary>
    public static IndicatorRating TotalEnergy(Tce yearBudget, WarningPeriod period, Tce? used)
    {
        if (used is not { } actual)
        {
            return IndicatorRating.NoData;
        }
        // Budget × months first, then ÷ 12: months ÷ 12 first is inexact (4 ÷ 12 = 0.333…3), which put a path of 12 000 × 4 ÷ 12
        // a hair under 4 000 and rated exactly 4 000 used yellow.
        var path = yearBudget.Value * period.Months / 12m;
        var shortfall = actual.Value - path;
        return new IndicatorRating(path, actual.Value, shortfall, Share(shortfall, path), Level(path, shortfall));
    }

    /// <summary>
    /// A unit's 晴雨表 for a round: <paramref name="now"/> are its figures January to the round's month,
    /// <paramref name="yearBefore"/> the same months of the year before (null when either is missing).
    /// </summary>
    public static UnitWarning Rate(TargetUnit unit, WarningPeriod period, EnergyFigures? now, EnergyFigures? yearBefore)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var budget = unit.Year(period.Year);
        var reduction = now is not null && yearBefore is not null ? now.IntensityReductionPercentFrom(yearBefore) : null;
        var intensity = budget is null ? IndicatorRating.NoData : Intensity(budget.IntensityReductionPercent, reduction);
        IndicatorRating energy;
        if (budget is null || now is null)
        {
            energy = IndicatorRating.NoData;
        }
        else if (Exemptions.TotalEnergyExemption(unit, now, reduction) is { } why)
        {
            energy = TotalEnergy(budget.EnergyBudget, period, now.Energy) with { Level = WarningLevel.Exempt, Exemption = why };
        }
        else
        {
            energy = TotalEnergy(budget.EnergyBudget, period, now.Energy);
        }
        return new UnitWarning(unit.Code, unit.Name, unit.Kind, unit.Parent, period, intensity, energy);
    }

    private static decimal? Share(decimal shortfall, decimal target) =>
        target == 0m ? null : decimal.Round(shortfall / Math.Abs(target) * 100m, 4, MidpointRounding.AwayFromZero);
}
