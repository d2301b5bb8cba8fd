namespace OpenEts.Domain.Mrv;

/// <summary>The codes, names and units of <see cref="OutputKind"/> as templates and files write them.</summary>
public static class OutputKinds
{
    private static readonly (OutputKind Kind, string Code, string Zh, string En, MeasureUnit Unit)[] Table =
    [
        (OutputKind.ElectricityGenerated, "electricity-generated", "发电量", "Electricity generated", MeasureUnit.MegawattHour),
        (OutputKind.ElectricitySupplied, "electricity-supplied", "供电量", "Electricity supplied", MeasureUnit.MegawattHour),
        (OutputKind.HeatSupplied, "heat-supplied", "供热量", "Heat supplied", MeasureUnit.Gigajoule),
        (OutputKind.Clinker, "clinker", "熟料产量", "Clinker produced", MeasureUnit.Tonne),
        (OutputKind.Cement, "cement", "水泥产量", "Cement produced", MeasureUnit.Tonne),
        (OutputKind.CrudeSteel, "crude-steel", "粗钢产量", "Crude steel produced", MeasureUnit.Tonne),
        (OutputKind.Paper, "paper", "纸产量", "Paper produced", MeasureUnit.Tonne),
        (OutputKind.TransportWork, "transport-work", "运输周转量", "Transport work", MeasureUnit.TonneKilometre),
        (OutputKind.UnitCategory, "unit-category", "机组类别", "Unit category", MeasureUnit.Megawatt),
        (OutputKind.CoolingMethod, "cooling-method", "冷却方式", "Cooling method", MeasureUnit.Megawatt),
        (OutputKind.LoadFactor, "load-factor", "负荷系数", "Load factor", MeasureUnit.Fraction),
        (OutputKind.CrudeOilProcessed, "crude-oil-processed", "原油加工量", "Crude oil processed", MeasureUnit.Tonne),
    ];

    private static readonly Dictionary<string, OutputKind> ByName = Table
        .SelectMany(t => new[] { t.Code, t.Zh, t.En, t.Kind.ToString() }.Select(name => (name, t.Kind)))
        .DistinctBy(n => n.name, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(n => n.name, n => n.Kind, StringComparer.OrdinalIgnoreCase);

    /// <summary>The stable code, e.g. "electricity-supplied".</summary>
    public static string Code(OutputKind kind) => Row(kind).Code;

    /// <summary>The Chinese or English name.</summary>
    public static string Name(OutputKind kind, bool english) => english ? Row(kind).En : Row(kind).Zh;

    /// <summary>The unit the output is reported in.</summary>
    public static MeasureUnit UnitOf(OutputKind kind) => Row(kind).Unit;

    /// <summary>Reads a code, a Chinese name or an English name (case-insensitive, trimmed).</summary>
    public static bool TryParse(string? text, out OutputKind kind) => ByName.TryGetValue(text?.Trim() ?? "", out kind);

    private static (OutputKind Kind, string Code, string Zh, string En, MeasureUnit Unit) Row(OutputKind kind) =>
        Array.Find(Table, t => t.Kind == kind) is { Code: not null } row
            ? row
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an output kind.");
}
