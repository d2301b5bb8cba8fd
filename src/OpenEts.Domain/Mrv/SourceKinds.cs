namespace OpenEts.Domain.Mrv;

/// <summary>
/// The codes and names of <see cref="SourceKind"/> as templates, CSV files and the CLI write them: a stable code
/// ("fuel-combustion"), the Chinese name of the guidelines (化石燃料燃烧) and an English name.
/// </summary>
public static class SourceKinds
{
    private static readonly (SourceKind Kind, string Code, string Zh, string En)[] Table =
    [
        (SourceKind.FuelCombustion, "fuel-combustion", "化石燃料燃烧", "Fuel combustion"),
        (SourceKind.PurchasedElectricity, "purchased-electricity", "净购入电力", "Purchased electricity"),
        (SourceKind.ExportedElectricity, "exported-electricity", "输出电力", "Exported electricity"),
        (SourceKind.PurchasedHeat, "purchased-heat", "净购入热力", "Purchased heat"),
        (SourceKind.ExportedHeat, "exported-heat", "输出热力", "Exported heat"),
        (SourceKind.ClinkerOxides, "clinker-oxides", "熟料煅烧(氧化钙氧化镁法)", "Clinker calcination (CaO/MgO)"),
        (SourceKind.ClinkerFactor, "clinker-factor", "熟料煅烧(熟料排放因子法)", "Clinker calcination (clinker factor)"),
        (SourceKind.Calcination, "calcination", "石灰/白云石煅烧", "Lime/dolomite calcination"),
        (SourceKind.CarbonateUse, "carbonate-use", "碳酸盐使用", "Carbonate use"),
        (SourceKind.Desulfurisation, "desulfurisation", "脱硫过程", "Desulfurisation"),
    ];

    /// <summary>Every kind, in template order.</summary>
    public static IReadOnlyList<SourceKind> All { get; } = [.. Table.Select(t => t.Kind)];

    private static readonly Dictionary<string, SourceKind> ByName = Table
        .SelectMany(t => new[] { t.Code, t.Zh, t.En, t.Kind.ToString() }.Select(name => (name, t.Kind)))
        .DistinctBy(n => n.name, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(n => n.name, n => n.Kind, StringComparer.OrdinalIgnoreCase);

    /// <summary>The stable code, e.g. "fuel-combustion".</summary>
    public static string Code(SourceKind kind) => Row(kind).Code;

    /// <summary>The Chinese or English name (<paramref name="english"/>).</summary>
    public static string Name(SourceKind kind, bool english) => english ? Row(kind).En : Row(kind).Zh;

    /// <summary>Reads a code, a Chinese name or an English name (case-insensitive, trimmed).</summary>
    public static bool TryParse(string? text, out SourceKind kind) => ByName.TryGetValue(text?.Trim() ?? "", out kind);

    private static (SourceKind Kind, string Code, string Zh, string En) Row(SourceKind kind) =>
        Array.Find(Table, t => t.Kind == kind) is { Code: not null } row
            ? row
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a source kind.");
}
