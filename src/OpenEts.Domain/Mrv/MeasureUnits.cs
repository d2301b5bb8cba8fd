namespace OpenEts.Domain.Mrv;

/// <summary>
/// The symbols of <see cref="MeasureUnit"/> as files and reports write them ("t", "10^4Nm3", "MWh"), and the spellings
/// a reader accepts (万Nm3, 万标准立方米, tCO2, t·km, …).
/// </summary>
public static class MeasureUnits
{
    private static readonly (MeasureUnit Unit, string Symbol, string[] Aliases)[] Table =
    [
        (MeasureUnit.Tonne, "t", ["吨", "tonne", "tonnes"]),
        (MeasureUnit.TenThousandNm3, "10^4Nm3", ["10⁴Nm³", "10^4 Nm3", "万Nm3", "万Nm³", "万标准立方米", "万立方米", "10000Nm3"]),
        (MeasureUnit.MegawattHour, "MWh", ["兆瓦时", "mwh"]),
        (MeasureUnit.Gigajoule, "GJ", ["吉焦", "gj"]),
        (MeasureUnit.TonneCo2, "tCO2", ["tCO₂", "吨二氧化碳"]),
        (MeasureUnit.TonneKilometre, "t·km", ["t.km", "t*km", "tkm", "吨公里"]),
        (MeasureUnit.GigajoulePerTonne, "GJ/t", []),
        (MeasureUnit.GigajoulePerTenThousandNm3, "GJ/10^4Nm3", ["GJ/万Nm3", "GJ/10⁴Nm³"]),
        (MeasureUnit.TonneCarbonPerGigajoule, "tC/GJ", []),
        (MeasureUnit.TonneCo2PerGigajoule, "tCO2/GJ", []),
        (MeasureUnit.TonneCo2PerMegawattHour, "tCO2/MWh", []),
        (MeasureUnit.TonneCo2PerTonne, "tCO2/t", []),
        (MeasureUnit.Fraction, "fraction", ["比例"]),
        (MeasureUnit.Megawatt, "MW", ["兆瓦"]),
    ];

    private static readonly Dictionary<string, MeasureUnit> ByName = Names();

    /// <summary>The symbol, e.g. "10^4Nm3".</summary>
    public static string Symbol(MeasureUnit unit) =>
        Array.Find(Table, t => t.Unit == unit) is { Symbol: not null } row
            ? row.Symbol
            : throw new ArgumentOutOfRangeException(nameof(unit), unit, "Not a unit.");

    /// <summary>Reads a symbol or one of its spellings (case-insensitive, spaces ignored).</summary>
    public static bool TryParse(string? text, out MeasureUnit unit) =>
        ByName.TryGetValue((text ?? "").Replace(" ", "", StringComparison.Ordinal), out unit);

    private static Dictionary<string, MeasureUnit> Names()
    {
        var names = new Dictionary<string, MeasureUnit>(StringComparer.OrdinalIgnoreCase);
        foreach (var (unit, symbol, aliases) in Table)
        {
            foreach (var name in (string[])[symbol, unit.ToString(), .. aliases])
            {
                names.TryAdd(name.Replace(" ", "", StringComparison.Ordinal), unit);
            }
        }
        return names;
    }
}
