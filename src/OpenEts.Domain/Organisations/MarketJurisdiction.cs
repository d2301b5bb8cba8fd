using System.Collections.Frozen;

namespace OpenEts.Domain.Organisations;

/// <summary>
/// The carbon market a covered entity is covered by (所属碳市场), named by the two-letter code the allocation plans give
/// as their <c>registryCode</c> and the registry writes on allowances: <c>CN</c> the national market (全国), <c>GD</c>
/// the Guangdong pilot (广东试点, GDEA), and the other pilots. A jurisdiction's province is the one whose offset credits
/// are in-province for its entities (Shenzhen's is Guangdong); the national market has none.
/// </summary>
/// <remarks><c>default</c> is not a jurisdiction (its code is null): an organisation without one is covered by no market.</remarks>
public readonly record struct MarketJurisdiction
{
    private static readonly FrozenDictionary<string, (string Name, string? Province)> Known =
        new Dictionary<string, (string Name, string? Province)>
        {
            ["CN"] = ("全国碳市场", null),
            ["BJ"] = ("北京试点", "BJ"), ["TJ"] = ("天津试点", "TJ"), ["SH"] = ("上海试点", "SH"), ["CQ"] = ("重庆试点", "CQ"),
            ["HB"] = ("湖北试点", "HB"), ["GD"] = ("广东试点", "GD"), ["SZ"] = ("深圳试点", "GD"), ["FJ"] = ("福建试点", "FJ"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private MarketJurisdiction(string code) => Code = code;

    /// <summary>The national market (全国碳市场).</summary>
    public static MarketJurisdiction National { get; } = new("CN");

    /// <summary>The Guangdong pilot (广东试点): the market the platform's demo runs, and the one existing entities were given.</summary>
    public static MarketJurisdiction Guangdong { get; } = new("GD");

    /// <summary>Every code, in the order forms offer them.</summary>
    public static IReadOnlyList<string> Codes { get; } = ["GD", "SZ", "BJ", "TJ", "SH", "CQ", "HB", "FJ", "CN"];

    /// <summary>The accepted words for "no market" in forms and files (the entity is covered by none).</summary>
    public static IReadOnlyList<string> NoneWords { get; } = ["none", "无"];

    /// <summary>Two upper-case letters, one of <see cref="Codes"/>.</summary>
    public string Code { get; }

    /// <summary>The Chinese name (广东试点, 全国碳市场).</summary>
    public string Name => Known[Code].Name;

    /// <summary>The province whose credits are in-province for its entities (<c>GD</c> for GD and SZ); null for the national market.</summary>
    public string? Province => Known[Code].Province;

    /// <summary>True when <paramref name="text"/> (trimmed, any case) names no market: <see cref="NoneWords"/>.</summary>
    public static bool IsNone(string? text) =>
        NoneWords.Contains((text ?? "").Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The choices a form or file offers, each code with its Chinese name, and the words for none
    /// (<c>GD 广东试点, SZ 深圳试点, …, none/无</c>), for a message that refuses a value.
    /// </summary>
    public static string Choices =>
        string.Join(", ", Codes.Select(c => $"{c} {Known[c].Name}")) + $" ({string.Join("/", NoneWords)} for none)";

    /// <summary>Reads a code as typed (any case, trimmed); <paramref name="reason"/> says why when it is not one.</summary>
    public static bool TryParse(string? text, out MarketJurisdiction jurisdiction, out string reason)
    {
        var code = (text ?? "").Trim().ToUpperInvariant();
        if (Known.ContainsKey(code))
        {
            jurisdiction = new MarketJurisdiction(code);
            reason = "";
            return true;
        }
        jurisdiction = default;
        reason = $"'{text}' is not a market: one of {Choices}";
        return false;
    }

    /// <summary>A known code (trusted data: stored rows, plans); throws otherwise.</summary>
    public static MarketJurisdiction From(string code) =>
        TryParse(code, out var j, out var reason) && j.Code == code ? j : throw new ArgumentException(reason, nameof(code));

    /// <inheritdoc/>
    public override string ToString() => Code ?? "";
}
