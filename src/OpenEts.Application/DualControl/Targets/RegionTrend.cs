using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// A region's year month by month against its path (the targets page's trend chart): the energy used January to each
/// month against the linear path to the year's budget, and the fall in intensity against the year's milestone. Each month
/// is the 晴雨表 of the round January → that month (<see cref="EarlyWarning"/>), so the chart and the 晴雨表 agree.
/// </summary>
public sealed record RegionTrend(UnitCode Unit, string Name, UnitKind Kind, int Year, Tce Budget, decimal IntensityTargetPercent,
    IReadOnlyList<TrendMonth> Months)
{
    /// <summary>
    /// The trend of <paramref name="unit"/> (a province or a city) over <paramref name="year"/> from
    /// <paramref name="book"/>, which must hold that year's and the year before's statistics. Null for a key energy user
    /// (rated on its annual report, it has no months) or a year the plan gives the unit no budget.
    /// </summary>
    public static RegionTrend? Build(TargetUnit unit, EnergyBook book, int year)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(book);
        if (unit.Kind == UnitKind.KeyEnergyUser || unit.Year(year) is not { } budget)
        {
            return null;
        }
        var months = new List<TrendMonth>(12);
        Tce? before = Tce.Zero;
        for (var m = 1; m <= 12; m++)
        {
            var period = WarningPeriod.Of(year, m);
            var warning = book.Warning(unit, period);
            Tce? toDate = book.Figures(unit, period)?.Energy;
            // The month alone is known only when both January → month and January → the month before are.
            Tce? month = toDate is { } t && before is { } b && t >= b ? t - b : null;
            var path = Tce.From(decimal.Round(budget.EnergyBudget.Value * m / 12m, Tce.Scale, MidpointRounding.AwayFromZero));
            var fall = warning.Intensity.Actual is { } actual ? decimal.Round(actual, 2, MidpointRounding.AwayFromZero) : (decimal?)null;
            months.Add(new TrendMonth(m, month, toDate, path, warning.TotalEnergy.Level, fall, warning.Intensity.Level));
            before = toDate;
        }
        return new RegionTrend(unit.Code, unit.Name, unit.Kind, year, budget.EnergyBudget, budget.IntensityReductionPercent, months);
    }
}
