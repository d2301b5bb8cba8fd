namespace OpenEts.Domain.Organisations;

/// <summary>Names of sectors and statuses as people write them in forms and Excel files: English or Chinese.</summary>
public static class DomainNames
{
    private static readonly Dictionary<string, Sector> SectorByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["power"] = Sector.Power, ["电力"] = Sector.Power,
        ["cement"] = Sector.Cement, ["水泥"] = Sector.Cement,
        ["steel"] = Sector.Steel, ["钢铁"] = Sector.Steel,
        ["petrochemical"] = Sector.Petrochemical, ["石化"] = Sector.Petrochemical,
        ["paper"] = Sector.Paper, ["造纸"] = Sector.Paper,
        ["aviation"] = Sector.Aviation, ["民航"] = Sector.Aviation, ["航空"] = Sector.Aviation,
        ["other"] = Sector.Other, ["其他"] = Sector.Other,
    };

    private static readonly Dictionary<string, CoverageStatus> StatusByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["covered"] = CoverageStatus.Covered, ["纳入"] = CoverageStatus.Covered,
        ["newentrant"] = CoverageStatus.NewEntrant, ["new entrant"] = CoverageStatus.NewEntrant,
        ["新建项目"] = CoverageStatus.NewEntrant, ["新进入"] = CoverageStatus.NewEntrant,
        ["left"] = CoverageStatus.Left, ["退出"] = CoverageStatus.Left,
    };

    /// <summary>The accepted sector words, for error messages.</summary>
    public static IReadOnlyList<string> SectorChoices { get; } =
        ["power/电力", "cement/水泥", "steel/钢铁", "petrochemical/石化", "paper/造纸", "aviation/民航", "other/其他"];

    /// <summary>The accepted status words, for error messages.</summary>
    public static IReadOnlyList<string> StatusChoices { get; } = ["covered/纳入", "newentrant/新建项目", "left/退出"];

    public static bool TryParseSector(string? text, out Sector sector) =>
        SectorByName.TryGetValue((text ?? "").Trim(), out sector);

    public static bool TryParseStatus(string? text, out CoverageStatus status) =>
        StatusByName.TryGetValue((text ?? "").Trim(), out status);

    /// <summary>The Chinese name of a sector.</summary>
    public static string Chinese(Sector sector) => sector switch
    {
        Sector.Power => "电力",
        Sector.Cement => "水泥",
        Sector.Steel => "钢铁",
        Sector.Petrochemical => "石化",
        Sector.Paper => "造纸",
        Sector.Aviation => "民航",
        _ => "其他",
    };

    /// <summary>The Chinese name of a status.</summary>
    public static string Chinese(CoverageStatus status) => status switch
    {
        CoverageStatus.NewEntrant => "新建项目",
        CoverageStatus.Left => "退出",
        _ => "纳入",
    };
}
