using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// The figures a 晴雨表 or an assessment reads, from the loaded data: a region's January-to-month totals from its monthly
/// and quarterly statistics (only when they cover exactly those months, without gap or overlap), a key energy user's
/// year from its annual report (a key user has no figures for part of a year here).
/// </summary>
public sealed class EnergyBook
{
    private readonly ILookup<(UnitCode Region, int Year), EnergyStatistic> _statistics;
    private readonly Dictionary<(UnitCode KeyUser, int Year), AnnualEnergyReport> _reports;

    public EnergyBook(IEnumerable<EnergyStatistic> statistics, IEnumerable<AnnualEnergyReport> reports)
    {
        _statistics = statistics.ToLookup(s => (s.Region, s.Year));
        _reports = reports.ToDictionary(r => (r.KeyUser, r.Year));
    }

    /// <summary>The unit's figures January to the period's month, or null when the data do not cover exactly those months.</summary>
    public EnergyFigures? Figures(TargetUnit unit, WarningPeriod period)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.Kind == UnitKind.KeyEnergyUser)
        {
            return period.Months == 12 && _reports.TryGetValue((unit.Code, period.Year), out var report) ? report.Figures : null;
        }
        var covered = new bool[13];
        var sum = EnergyFigures.None;
        foreach (var s in _statistics[(unit.Code, period.Year)].Where(s => s.LastMonth <= period.Months))
        {
            for (var m = s.FirstMonth; m <= s.LastMonth; m++)
            {
                if (covered[m])
                {
                    // A month given both monthly and in its quarter: the monthly rows are the finer data, so the quarter is not added.
                    return MonthlyOnly(unit.Code, period);
                }
                covered[m] = true;
            }
            sum = sum.Plus(s.Figures);
        }
        return Enumerable.Range(1, period.Months).All(m => covered[m]) ? sum : null;
    }

    private EnergyFigures? MonthlyOnly(UnitCode region, WarningPeriod period)
    {
        var months = _statistics[(region, period.Year)].Where(s => s.Months == 1 && s.LastMonth <= period.Months).ToList();
        return months.Count == period.Months ? months.Aggregate(EnergyFigures.None, (a, s) => a.Plus(s.Figures)) : null;
    }

    /// <summary>The unit's 晴雨表 for a period.</summary>
    public UnitWarning Warning(TargetUnit unit, WarningPeriod period) =>
        EarlyWarning.Rate(unit, period, Figures(unit, period), Figures(unit, period.YearBefore));

    /// <summary>The fall in intensity over the year from the year before, in percent, or null without both years.</summary>
    public decimal? YearIntensityReduction(TargetUnit unit, int year)
    {
        var period = WarningPeriod.Of(year, 12);
        return (Figures(unit, period), Figures(unit, period.YearBefore)) is ({ } now, { } before) ? now.IntensityReductionPercentFrom(before) : null;
    }
}
