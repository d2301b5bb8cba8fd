namespace OpenEts.Domain.DualControl.Monitoring;

/// <summary>
/// A load meter's unit as tonnes (the unit of the plans' pollutant totals): t, kg and g, in English or Chinese. A
/// meter in another unit (a rate such as kg/h, or a concentration) has no load in tonnes.
/// </summary>
public static class PollutantMass
{
    /// <summary>Tonnes per one of <paramref name="unit"/>, or null when the unit is not a mass.</summary>
    public static decimal? TonnesPer(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Trim().ToLowerInvariant() switch
        {
            "t" or "吨" => 1m,
            "kg" or "千克" or "公斤" => 0.001m,
            "g" or "克" => 0.000001m,
            _ => null,
        };
    }

    /// <summary>
    /// A meter's total in thousandths of its unit as tonnes, exact to 1 g (6 decimals; a gram meter's thousandths of a
    /// gram are rounded half away from zero), or null when the unit is not a mass.
    /// </summary>
    public static decimal? Tonnes(long totalMilli, string unit) =>
        TonnesPer(unit) is { } per ? decimal.Round(totalMilli / 1000m * per, 6, MidpointRounding.AwayFromZero) : null;
}
