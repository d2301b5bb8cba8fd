namespace OpenEts.Server.Pages.Energy.Targets;

/// <summary>
/// The 31 provincial units under dual-control assessment as tiles on a grid (a tile-grid cartogram: each province one
/// equal square near its place, not a territorial map; ECharts 5+ ships no China geometry). Codes are ISO 3166-2:CN.
/// </summary>
public static class ProvinceTiles
{
    public sealed record Tile(string Code, string Name, int Row, int Column);

    public static IReadOnlyList<Tile> All { get; } =
    [
        new("HL", "黑龙江", 0, 8),
        new("XJ", "新疆", 1, 1), new("NM", "内蒙古", 1, 5), new("JL", "吉林", 1, 8),
        new("GS", "甘肃", 2, 3), new("NX", "宁夏", 2, 4), new("SX", "山西", 2, 5), new("HE", "河北", 2, 6), new("BJ", "北京", 2, 7), new("LN", "辽宁", 2, 8),
        new("XZ", "西藏", 3, 1), new("QH", "青海", 3, 2), new("SN", "陕西", 3, 4), new("HA", "河南", 3, 5), new("SD", "山东", 3, 6), new("TJ", "天津", 3, 7),
        new("SC", "四川", 4, 3), new("CQ", "重庆", 4, 4), new("HB", "湖北", 4, 5), new("AH", "安徽", 4, 6), new("JS", "江苏", 4, 7),
        new("YN", "云南", 5, 2), new("GZ", "贵州", 5, 3), new("HN", "湖南", 5, 4), new("JX", "江西", 5, 5), new("ZJ", "浙江", 5, 6), new("SH", "上海", 5, 7),
        new("GX", "广西", 6, 3), new("GD", "广东", 6, 4), new("FJ", "福建", 6, 5),
        new("HI", "海南", 7, 4),
    ];
}
