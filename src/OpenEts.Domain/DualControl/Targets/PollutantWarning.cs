namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// The 晴雨表 of a pollutant total (污染物排放总量): the measured load January to the round's month against the linear
/// path of the plan's cut. The path: the plan's years cut the baseline evenly to the cap, so year y (the k-th of n plan
/// years) allows baseline − (baseline − cap) × k ÷ n tonnes, and a round of m months allows that × m ÷ 12.
/// </summary>
/// <remarks>
/// The levels are the energy 晴雨表's (<see cref="EarlyWarning.Level"/>: red when the load is over the path by more than
/// 10 % of it, yellow within 10 %, green at or under it). The reference gives the 10 % rule only for the energy
/// indicators (发改办环资〔2021〕629号); applying it and the even linear path to pollutant totals is the platform's
/// reading [UNCONFIRMED]. Tonnes are exact to 1 kg for the path (rounded toward zero, the stricter side).
/// </remarks>
public static class PollutantWarning
{
    /// <summary>What the flag says wherever a pollutant rating is shown.</summary>
    public const string Unconfirmed = "[UNCONFIRMED] the energy barometer's (晴雨表) 10 % rule and an even linear path applied to pollutant totals";

    /// <summary>The tonnes the plan allows in <paramref name="year"/> on the even path from the baseline to the cap; null outside the plan.</summary>
    public static decimal? YearAllowance(PollutantTarget target, int firstYear, int lastYear, int year)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (year < firstYear || year > lastYear || lastYear < firstYear)
        {
            return null;
        }
        var cut = target.BaselineTonnes - target.CapTonnes;
        return decimal.Round(target.BaselineTonnes - cut * (year - firstYear + 1) / (lastYear - firstYear + 1), 3, MidpointRounding.ToZero);
    }

    /// <summary>The round's path: the year's allowance × months ÷ 12; null outside the plan.</summary>
    public static decimal? Path(PollutantTarget target, int firstYear, int lastYear, WarningPeriod period) =>
        YearAllowance(target, firstYear, lastYear, period.Year) is { } year
            ? decimal.Round(year * period.Months / 12m, 3, MidpointRounding.ToZero)
            : null;

    /// <summary>Rates the measured load (tonnes; null: no meter measures it) against the round's path.</summary>
    public static IndicatorRating Rate(PollutantTarget target, int firstYear, int lastYear, WarningPeriod period, decimal? measuredTonnes)
    {
        if (Path(target, firstYear, lastYear, period) is not { } path || measuredTonnes is not { } load)
        {
            return IndicatorRating.NoData;
        }
        var over = load - path;
        decimal? share = path == 0m ? null : decimal.Round(over / path * 100m, 4, MidpointRounding.AwayFromZero);
        return new IndicatorRating(path, load, over, share, EarlyWarning.Level(path, over));
    }
}
