using System.Globalization;
using OpenEts.Domain.Mrv;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Mrv;

/// <summary>How MRV's pages write numbers and codes: tonnes to 3 decimals (1 kg), enum names through the resources.</summary>
public static class MrvText
{
    /// <summary>Tonnes CO2 as the pages show them: grouped, 3 decimals.</summary>
    public static string Tonnes(decimal value) => value.ToString("N3", CultureInfo.CurrentCulture);

    /// <summary>An amount as typed back into an input: invariant, no grouping, no trailing zeros.</summary>
    public static string Input(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    public static string Status(Application.Mrv.ReportStatus status) => Text.T("mrv.status." + status);

    public static string Kind(SourceKind kind) => SourceKinds.Name(kind, Text.IsEnglish);

    public static string Unit(MeasureUnit unit) => MeasureUnits.Symbol(unit);

    /// <summary>A fuel's or carbonate's name in the page's language (原煤 for <c>raw-coal</c>); null for a code the factor library does not name.</summary>
    public static string? Material(string code) =>
        DefaultFactors.Library.Fuel(code) is { } fuel ? (Text.IsEnglish ? fuel.NameEn : fuel.NameZh)
        : DefaultFactors.Library.Carbonate(code) is { } carbonate ? (Text.IsEnglish ? carbonate.NameEn : carbonate.NameZh)
        : null;

    /// <summary>
    /// A grid factor's region in the page's language (南方区域电网 for <c>south</c>, 广东 for <c>guangdong</c>); null for a
    /// code the resources do not name, such as a region a correction added.
    /// </summary>
    public static string? Region(string code) => Text.NameOf("mrv.region.", code);

    /// <summary>What a correction corrects, named: a grid region or a fuel; null for a code neither names.</summary>
    public static string? Target(string code) => Region(code) ?? Material(code);

    public static string Parameter(ParameterKind parameter) => Text.T("mrv.param." + parameter);

    public static string Output(OutputKind kind) => OutputKinds.Name(kind, Text.IsEnglish);
}
