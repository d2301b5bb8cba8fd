using System.Globalization;
using OpenEts.Domain.Mrv;

namespace OpenEts.Domain.DualControl.Calculators;

/// <summary>What the reduction calculators share: the claim tolerance, the claim check, factor look-ups and number display.</summary>
public static class Calc
{
    /// <summary>
    /// A claim follows from its inputs when it is within ±5 % of the recomputation. A platform choice, not a published
    /// figure: claims are quoted rounded ("约 7 万吨"), and 5 % covers two-significant-figure rounding.
    /// </summary>
    public const decimal Tolerance = 0.05m;

    /// <summary>Carbon to CO2 by molar mass, 44/12 (as in the MRV calculator).</summary>
    public const decimal CarbonToCo2 = 44m / 12m;

    /// <summary>Checks <paramref name="claimed"/> against <paramref name="computed"/> within <see cref="Tolerance"/>.</summary>
    public static ClaimCheck Check(decimal computed, decimal? claimed)
    {
        if (claimed is not { } claim)
        {
            return ClaimCheck.NotClaimed;
        }
        var allowed = Math.Abs(computed) * Tolerance;
        return claim - computed > allowed ? ClaimCheck.Overclaimed
            : computed - claim > allowed ? ClaimCheck.Underclaimed
            : ClaimCheck.Follows;
    }

    /// <summary>A number for the arithmetic lines: invariant, grouped, at most 4 decimals.</summary>
    public static string Show(decimal value) =>
        decimal.Round(value, 4, MidpointRounding.AwayFromZero).ToString("#,0.####", CultureInfo.InvariantCulture);

    // A library figure as the library holds it (0.02637, not 0.0264): the sentence names what the factor is made of, and
    // a figure rounded for display would not multiply out to it.
    private static string AsStored(decimal value) => value.ToString("#,0.############", CultureInfo.InvariantCulture);

    /// <summary>
    /// A fuel's CO2 factor per unit of its reported amount from the factor library: NCV × carbon content × oxidation ×
    /// 44/12 (tCO2/t, or tCO2/10⁴Nm³ for gas), with the library's sources; null for an unknown fuel.
    /// </summary>
    public static SourcedInput? FuelFactor(FactorLibrary library, string code, string inputCode)
    {
        ArgumentNullException.ThrowIfNull(library);
        if (library.Fuel(code) is not { } fuel)
        {
            return null;
        }
        var value = fuel.Ncv.Value * fuel.CarbonContent.Value * fuel.Oxidation.Value * CarbonToCo2;
        var unit = fuel.AmountUnit == MeasureUnit.TenThousandNm3 ? "t CO2/10⁴Nm³" : "t CO2/t";
        var confirmed = IsConfirmed(fuel.Ncv) && IsConfirmed(fuel.CarbonContent) && IsConfirmed(fuel.Oxidation);
        return new SourcedInput(inputCode, value, unit,
            $"factor library {library.Version}: {fuel.NameZh} NCV {AsStored(fuel.Ncv.Value)} × CC {AsStored(fuel.CarbonContent.Value)} × OF {AsStored(fuel.Oxidation.Value)} × 44/12 ({Describe(fuel.Ncv.Source)})",
            confirmed);
    }

    /// <summary>The unit a fuel's amount is reported in (<c>t</c> or <c>10⁴Nm³</c>), or null for an unknown fuel.</summary>
    public static string? FuelUnit(FactorLibrary library, string code)
    {
        ArgumentNullException.ThrowIfNull(library);
        return library.Fuel(code) is not { } fuel ? null : fuel.AmountUnit == MeasureUnit.TenThousandNm3 ? "10⁴Nm³" : "t";
    }

    /// <summary>The grid factor (tCO2/MWh) for the year and region from the factor library, with its source; null when none.</summary>
    public static SourcedInput? GridFactor(FactorLibrary library, int year, string region)
    {
        ArgumentNullException.ThrowIfNull(library);
        if (library.GridFor(year, region) is not { } grid)
        {
            return null;
        }
        var sameYear = grid.Year == year;
        return new SourcedInput("gridFactor", grid.Factor.Value, "t CO2/MWh",
            $"factor library {library.Version}: {grid.Region} {grid.Year} ({Describe(grid.Factor.Source)})"
                + (sameYear ? "" : $"; no {year} factor, nearest year used [UNCONFIRMED for {year}]"),
            sameYear && IsConfirmed(grid.Factor));
    }

    private static bool IsConfirmed(Figure f) => f.Source is not Provenance.Default { Confirmed: false };

    private static string Describe(Provenance p) => p switch
    {
        Provenance.Default d => $"{d.Guideline}, {d.Table}, {d.Row}" + (d.Confirmed ? "" : " [UNCONFIRMED]"),
        _ => p.ToString(),
    };
}
