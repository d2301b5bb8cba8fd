namespace OpenEts.Domain.Mrv;

/// <summary>
/// The largest figures a report may hold (docs/mrv.md, "Bounds"), far above any real plant and low enough that no
/// calculation overflows <see cref="decimal"/> and no total overflows the kilograms a report is stored in (a
/// <see cref="long"/>, at most about 9.2 × 10¹⁵ t). The readers refuse a larger figure where it is typed (the file's
/// cell, the form's field) and the calculator refuses it again on the line, so that no input makes it throw.
/// </summary>
public static class MrvLimits
{
    /// <summary>
    /// The largest amount of a line or an output, in its own unit (t, 10⁴Nm³, MWh, GJ): 10¹², some fifty thousand times
    /// the coal the largest power plant burns in a year (some 2 × 10⁷ t).
    /// </summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>
    /// The largest measured parameter (GJ/t, GJ/10⁴Nm³, tC/GJ, tCO2/MWh, tCO2/t): 10⁴, about 25 times the highest
    /// real one (the calorific value of natural gas, some 390 GJ/10⁴Nm³). Fractions are at most 1 in any case.
    /// </summary>
    public const decimal MaxMeasured = 10_000m;

    /// <summary>
    /// The largest total a report's emissions may reach, tCO2, either way: 10¹², some 25 times the world's yearly CO2.
    /// A line whose emissions would take the total past it is an error and left out.
    /// </summary>
    public const decimal MaxEmissions = 1_000_000_000_000m;
}
