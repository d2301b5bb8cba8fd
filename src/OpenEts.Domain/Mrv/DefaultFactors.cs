namespace OpenEts.Domain.Mrv;

/// <summary>
/// The factor library that ships with the platform. Fuel defaults: reference/mrv.md §3.3 (table "各种能源折标准煤及碳排放
/// 参考系数", NCV in kJ/kg = GJ/t, natural gas 38 931 kJ/m³ = 389.31 GJ/10⁴Nm³, carbon content tC/TJ ÷ 1 000 = tC/GJ).
/// Grid factors: §3.4. Flags follow the reference: an [UNCONFIRMED] value has <c>Confirmed = false</c>.
/// </summary>
public static class DefaultFactors
{
    /// <summary>The version label of <see cref="Library"/>.</summary>
    public const string Version = "2026.1";

    private const string FuelTable = "各种能源折标准煤及碳排放参考系数 (reference/mrv.md §3.3)";
    private const string FuelGuideline = "NDRC 24-sector accounting guidelines, Annex defaults";

    /// <summary>The shipped library.</summary>
    public static FactorLibrary Library { get; } = Build();

    private static FactorLibrary Build()
    {
        FuelDefault[] fuels =
        [
            Fuel("raw-coal", "原煤", "Raw coal", MeasureUnit.Tonne, 20.908m, 26.37m, 0.94m),
            Fuel("coke", "焦炭", "Coke", MeasureUnit.Tonne, 28.435m, 29.5m, 0.93m),
            Fuel("crude-oil", "原油", "Crude oil", MeasureUnit.Tonne, 41.816m, 20.1m, 0.98m),
            Fuel("fuel-oil", "燃料油", "Fuel oil", MeasureUnit.Tonne, 41.816m, 21.1m, 0.98m),
            Fuel("gasoline", "汽油", "Gasoline", MeasureUnit.Tonne, 43.070m, 18.9m, 0.98m),
            Fuel("kerosene", "煤油", "Kerosene", MeasureUnit.Tonne, 43.070m, 19.5m, 0.98m),
            Fuel("diesel", "柴油", "Diesel", MeasureUnit.Tonne, 42.652m, 20.2m, 0.98m),
            Fuel("lpg", "液化石油气", "LPG", MeasureUnit.Tonne, 50.179m, 17.2m, 0.98m),
            Fuel("refinery-dry-gas", "炼厂干气", "Refinery dry gas", MeasureUnit.Tonne, 46.055m, 18.2m, 0.98m),
            Fuel("natural-gas", "天然气", "Natural gas", MeasureUnit.TenThousandNm3, 389.31m, 15.3m, 0.99m),
        ];
        GridFactor[] grid =
        [
            Grid(2022, GridRegions.National, 0.5703m, "环办气候函〔2023〕43号", "national grid average 2022", true),
            Grid(2023, GridRegions.National, 0.5306m, "MEE/NBS 公告2025年第47号", "national average", true),
            Grid(2023, "guangdong", 0.4419m, "MEE/NBS 公告2025年第47号", "广东", true),
        ];
        return new FactorLibrary(Version, fuels.ToDictionary(f => f.Code, StringComparer.Ordinal), grid, HeatFactor: null);
    }

    private static FuelDefault Fuel(string code, string zh, string en, MeasureUnit unit, decimal ncv, decimal carbonPerTj, decimal oxidation)
    {
        var ncvUnit = unit == MeasureUnit.TenThousandNm3 ? MeasureUnit.GigajoulePerTenThousandNm3 : MeasureUnit.GigajoulePerTonne;
        return new FuelDefault(code, zh, en, unit,
            new Figure("NCV", ncv, ncvUnit, Source(zh, "NCV")),
            new Figure("carbon content", carbonPerTj / 1000m, MeasureUnit.TonneCarbonPerGigajoule, Source(zh, "carbon content")),
            new Figure("oxidation rate", oxidation, MeasureUnit.Fraction, Source(zh, "oxidation rate")));
    }

    private static Provenance.Default Source(string row, string column) =>
        new(FuelGuideline, FuelTable, $"{row} / {column}", 2013, Confirmed: true);

    private static GridFactor Grid(int year, string region, decimal value, string notice, string row, bool confirmed) =>
        new(year, region, new Figure("grid emission factor", value, MeasureUnit.TonneCo2PerMegawattHour,
            new Provenance.Default(notice, "electricity CO2 emission factors (reference/mrv.md §3.4)", row, year, confirmed)));
}
