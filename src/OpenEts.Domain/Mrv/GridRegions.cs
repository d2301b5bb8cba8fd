namespace OpenEts.Domain.Mrv;

/// <summary>Region codes used by grid factors and reporting jurisdictions.</summary>
public static class GridRegions
{
    /// <summary>The national average grid factor.</summary>
    public const string National = "national";

    /// <summary>The regional grids (区域电网), by their codes.</summary>
    public static IReadOnlyList<string> Grids { get; } = ["north", "northeast", "east", "central", "northwest", "south", "southwest"];

    /// <summary>The 31 provincial-level regions of the mainland, in lower-case pinyin.</summary>
    public static IReadOnlyList<string> Provinces { get; } =
    [
        "beijing", "tianjin", "hebei", "shanxi", "neimenggu", "liaoning", "jilin", "heilongjiang", "shanghai", "jiangsu", "zhejiang",
        "anhui", "fujian", "jiangxi", "shandong", "henan", "hubei", "hunan", "guangdong", "guangxi", "hainan", "chongqing", "sichuan",
        "guizhou", "yunnan", "xizang", "shaanxi", "gansu", "qinghai", "ningxia", "xinjiang",
    ];

    private static readonly HashSet<string> KnownCodes = new([National, .. Grids, .. Provinces], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether <paramref name="code"/> names a region: the nation, a province or a regional grid. A typo (guandong) would
    /// otherwise fall back to the national factor without a word.
    /// </summary>
    public static bool IsKnown(string code) => KnownCodes.Contains(code);

    /// <summary>The message of a region that is not known, naming what is.</summary>
    public static string Unknown(string field, string code) =>
        $"{field}: '{code}' is not a region: national, a province in lower-case pinyin (guangdong, beijing, …) or a regional grid ({string.Join(", ", Grids)})";
}
