namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// The pollutants of the five-year totals (总量控制: COD, NH3-N, SO2, NOx, and VOCs in later plans) under their usual
/// Chinese and English names, so that a plan's "氮氧化物" and a meter's "NOx" name the same pollutant.
/// </summary>
/// <remarks>A name not in the list matches only itself (case-insensitive, spaces ignored).</remarks>
public static class PollutantNames
{
    private static readonly (string Code, string[] Names)[] Known =
    [
        ("COD", ["COD", "CODCR", "化学需氧量"]),
        ("NH3-N", ["NH3-N", "NH3N", "氨氮"]),
        ("SO2", ["SO2", "SO₂", "二氧化硫"]),
        ("NOX", ["NOX", "NOₓ", "氮氧化物"]),
        ("VOCS", ["VOCS", "VOC", "挥发性有机物"]),
        ("PM", ["PM", "颗粒物", "烟尘"]),
    ];

    /// <summary>The pollutant's key: the known pollutant's code, else the name upper-cased without spaces.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        foreach (var (code, names) in Known)
        {
            if (Array.IndexOf(names, text) >= 0)
            {
                return code;
            }
        }
        return text;
    }

    /// <summary>True when both names name the same pollutant.</summary>
    public static bool Same(string a, string b) => Key(a) == Key(b);
}
