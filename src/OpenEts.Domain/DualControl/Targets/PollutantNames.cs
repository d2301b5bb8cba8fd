namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// The pollutants of the five-year totals (总量控制: COD, NH3-N, SO2, NOx, and VOCs in later plans) under their usual
/// Chinese and English names, so that a plan's "氮氧化物" and a meter's "NOx" name the same pollutant.
/// </summary>
/// <remarks>A name not in the list matches only itself (case-insensitive, spaces ignored).</remarks>
public static class PollutantNames
{
    private static readonly (string Code, string Symbol, string[] Names)[] Known =
    [
        ("COD", "COD", ["COD", "CODCR", "化学需氧量"]),
        ("NH3-N", "NH3-N", ["NH3-N", "NH3N", "氨氮"]),
        ("SO2", "SO2", ["SO2", "SO₂", "二氧化硫"]),
        ("NOX", "NOx", ["NOX", "NOₓ", "氮氧化物"]),
        ("VOCS", "VOCs", ["VOCS", "VOC", "挥发性有机物"]),
        ("PM", "PM", ["PM", "颗粒物", "烟尘"]),
    ];

    /// <summary>The pollutant's key: the known pollutant's code, else the name upper-cased without spaces.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        foreach (var (code, _, names) in Known)
        {
            if (Array.IndexOf(names, text) >= 0)
            {
                return code;
            }
        }
        return text;
    }

    /// <summary>
    /// The name as a reader who does not read Chinese knows it: a known pollutant's usual symbol (氮氧化物 → NOx), any
    /// other name as written.
    /// </summary>
    public static string Symbol(string name)
    {
        var key = Key(name);
        foreach (var (code, symbol, _) in Known)
        {
            if (code == key)
            {
                return symbol;
            }
        }
        return name;
    }

    /// <summary>True when both names name the same pollutant.</summary>
    public static bool Same(string a, string b) => Key(a) == Key(b);
}
