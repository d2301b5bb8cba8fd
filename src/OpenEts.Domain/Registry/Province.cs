using System.Collections.Frozen;

namespace OpenEts.Domain.Registry;

/// <summary>
/// China's provincial-level divisions by their ISO 3166-2:CN code without the <c>CN-</c> prefix (<c>GD</c> = 广东,
/// <c>FJ</c> = 福建), the host province of an offset project. The same two letters as the registry's allowance
/// jurisdictions, so "in-province" is a comparison of codes.
/// </summary>
public static class Province
{
    private static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["AH"] = "安徽", ["BJ"] = "北京", ["CQ"] = "重庆", ["FJ"] = "福建", ["GD"] = "广东", ["GS"] = "甘肃",
        ["GX"] = "广西", ["GZ"] = "贵州", ["HA"] = "河南", ["HB"] = "湖北", ["HE"] = "河北", ["HI"] = "海南",
        ["HK"] = "香港", ["HL"] = "黑龙江", ["HN"] = "湖南", ["JL"] = "吉林", ["JS"] = "江苏", ["JX"] = "江西",
        ["LN"] = "辽宁", ["MO"] = "澳门", ["NM"] = "内蒙古", ["NX"] = "宁夏", ["QH"] = "青海", ["SC"] = "四川",
        ["SD"] = "山东", ["SH"] = "上海", ["SN"] = "陕西", ["SX"] = "山西", ["TJ"] = "天津", ["TW"] = "台湾",
        ["XJ"] = "新疆", ["XZ"] = "西藏", ["YN"] = "云南", ["ZJ"] = "浙江",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every code, sorted.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. Names.Keys.Order(StringComparer.Ordinal)];

    /// <summary>True when <paramref name="code"/> is one of <see cref="Codes"/> (upper case).</summary>
    public static bool IsCode(string? code) => code is not null && Names.ContainsKey(code);

    /// <summary>The Chinese name of a province code (e.g. 广东 for <c>GD</c>); the code itself when unknown.</summary>
    public static string NameOf(string code) => Names.GetValueOrDefault(code, code);
}
