namespace OpenEts.Domain.DualControl.Targets;

/// <summary>A unit's 晴雨表 for one period: the intensity and total-energy ratings and the overall level (the worse of the two rated).</summary>
public sealed record UnitWarning(UnitCode Unit, string Name, UnitKind Kind, UnitCode? Parent, WarningPeriod Period,
    IndicatorRating Intensity, IndicatorRating TotalEnergy)
{
    /// <summary>The worse of the two rated levels; <see cref="WarningLevel.NoData"/> when intensity cannot be rated.</summary>
    public WarningLevel Overall => Intensity.Level == WarningLevel.NoData
        ? WarningLevel.NoData
        : (WarningLevel)Math.Min((int)Intensity.Level, TotalEnergy.Level is WarningLevel.Exempt or WarningLevel.NoData ? (int)WarningLevel.Green : (int)TotalEnergy.Level);
}
