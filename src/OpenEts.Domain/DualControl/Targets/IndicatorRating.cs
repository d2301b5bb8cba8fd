namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// One indicator of a 晴雨表 (intensity, or total energy) for one unit and period: the progress target, the actual value,
/// the shortfall (positive = missed; in the indicator's unit: percentage points for intensity, tce for total energy),
/// the shortfall as a share of the target in percent, and the level. Null figures when there is no data.
/// </summary>
public sealed record IndicatorRating(decimal? Target, decimal? Actual, decimal? Shortfall, decimal? ShortfallPercentOfTarget,
    WarningLevel Level, string? Exemption = null)
{
    /// <summary>No data to rate.</summary>
    public static IndicatorRating NoData { get; } = new(null, null, null, null, WarningLevel.NoData);
}
