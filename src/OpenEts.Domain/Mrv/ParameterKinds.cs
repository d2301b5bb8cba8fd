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
}
