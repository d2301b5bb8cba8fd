namespace OpenEts.Domain.Mrv;

/// <summary>
/// The codes of <see cref="ParameterKind"/>: the <see cref="MrvIssue.Field"/> of a finding on a measured value, and
/// the field of its column in report files.
/// </summary>
public static class ParameterKinds
{
    /// <summary>The stable code, e.g. "ncv", "cao".</summary>
    public static string Code(ParameterKind parameter) => parameter switch
    {
        ParameterKind.NetCalorificValue => "ncv",
        ParameterKind.CarbonContent => "carbon-content",
        ParameterKind.OxidationRate => "oxidation-rate",
        ParameterKind.EmissionFactor => "emission-factor",
        ParameterKind.MassFraction => "purity",
        ParameterKind.CaOContent => "cao",
        ParameterKind.MgOContent => "mgo",
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "Not a parameter."),
    };

    /// <summary>
    /// True when <paramref name="parameter"/> is a factor of a line of <paramref name="kind"/>'s formula, so that a
    /// measured value of it replaces a default: NCV, carbon content and oxidation rate for combustion; the emission factor
    /// for electricity, heat and the clinker-factor route; the CaO and MgO contents for the CaO/MgO route; the purity and
    /// the emission factor for the carbonate sources (docs/mrv.md, "Measured parameters").
    /// </summary>
    public static bool AppliesTo(SourceKind kind, ParameterKind parameter) => kind switch
    {
        SourceKind.FuelCombustion => parameter is ParameterKind.NetCalorificValue or ParameterKind.CarbonContent or ParameterKind.OxidationRate,
        SourceKind.PurchasedElectricity or SourceKind.ExportedElectricity or SourceKind.PurchasedHeat or SourceKind.ExportedHeat
            or SourceKind.ClinkerFactor => parameter == ParameterKind.EmissionFactor,
        SourceKind.ClinkerOxides => parameter is ParameterKind.CaOContent or ParameterKind.MgOContent,
        _ => parameter is ParameterKind.MassFraction or ParameterKind.EmissionFactor,
    };

    /// <summary>The codes of the parameters a line of <paramref name="kind"/> may measure, for a refusal's text.</summary>
    public static string CodesFor(SourceKind kind) =>
        string.Join(", ", Enum.GetValues<ParameterKind>().Where(p => AppliesTo(kind, p)).Select(Code));
}
