namespace OpenEts.Domain.Mrv;

/// <summary>
/// The factor library that ships with the platform. Fuel defaults: reference/mrv.md §3.3 (table "各种能源折标准煤及碳排放
/// 参考系数", NCV in kJ/kg = GJ/t, natural gas 38 931 kJ/m³ = 389.31 GJ/10⁴Nm³, carbon content tC/TJ ÷ 1 000 = tC/GJ).
/// Grid factors: §3.4. Carbonates and the heat factor: §3.2. Flags follow the reference: an [UNCONFIRMED] value has
/// <c>Confirmed = false</c>, and its line here says [UNCONFIRMED].
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
            // [UNCONFIRMED] jet kerosene is not in the §3.3 table; the guidelines are often quoted with kerosene's values.
            Fuel("jet-kerosene", "航空煤油", "Jet kerosene", MeasureUnit.Tonne, 43.070m, 19.5m, 0.98m, confirmed: false),
        ];
        GridFactor[] grid =
        [
            // [UNCONFIRMED] "2015 baseline" national factor, seen only in third-party code (§3.4). It is the nearest
            // earlier national factor for 2016–2020 reports, which have no published factor in this library.
            Grid(2015, GridRegions.National, 0.6101m, "third-party code (no retrievable notice)", "2015 baseline national", false),
            // [UNCONFIRMED] used for 2021–2022 reporting per third-party code; 环办气候函〔2022〕111号 not retrieved.
            Grid(2021, GridRegions.National, 0.5810m, "环办气候函〔2022〕111号 (not retrieved)", "national grid average", false),
            Grid(2022, GridRegions.National, 0.5703m, "环办气候函〔2023〕43号", "national grid average 2022", true),
            Grid(2023, GridRegions.National, 0.5306m, "MEE/NBS 公告2025年第47号", "national average", true),
            Grid(2023, "guangdong", 0.4419m, "MEE/NBS 公告2025年第47号", "广东", true),
            Grid(2023, "beijing", 0.5554m, "MEE/NBS 公告2025年第47号", "北京", true),
            Grid(2023, "shanghai", 0.5737m, "MEE/NBS 公告2025年第47号", "上海", true),
            Grid(2023, "jiangsu", 0.5827m, "MEE/NBS 公告2025年第47号", "江苏", true),
            Grid(2023, "sichuan", 0.1564m, "MEE/NBS 公告2025年第47号", "四川", true),
            Grid(2023, "yunnan", 0.1333m, "MEE/NBS 公告2025年第47号", "云南", true),
            Grid(2023, "north", 0.6361m, "MEE/NBS 公告2025年第47号", "华北", true),
            Grid(2023, "northeast", 0.5122m, "MEE/NBS 公告2025年第47号", "东北", true),
            Grid(2023, "east", 0.5500m, "MEE/NBS 公告2025年第47号", "华东", true),
            Grid(2023, "central", 0.5271m, "MEE/NBS 公告2025年第47号", "华中", true),
            Grid(2023, "northwest", 0.5543m, "MEE/NBS 公告2025年第47号", "西北", true),
            Grid(2023, "south", 0.4042m, "MEE/NBS 公告2025年第47号", "南方", true),
            Grid(2023, "southwest", 0.2472m, "MEE/NBS 公告2025年第47号", "西南", true),
        ];
        CarbonateDefault[] carbonates =
        [
            // [UNCONFIRMED] the commonly used factors of reference/mrv.md §3.2; the guideline formulas were not retrieved.
            Carbonate("limestone", "石灰石", "Limestone", 0.440m),
            Carbonate("dolomite", "白云石", "Dolomite", 0.477m),
        ];
        return new FactorLibrary(Version, fuels.ToDictionary(f => f.Code, StringComparer.Ordinal), grid,
            // [UNCONFIRMED] the commonly used default heat factor (reference: no retrievable source).
            HeatFactor: new Figure("heat emission factor", 0.11m, MeasureUnit.TonneCo2PerGigajoule,
                new Provenance.Default("NDRC sector guidelines (commonly quoted)", "default heat emission factor", "热力",
                    2013, Confirmed: false)))
        {
            Carbonates = carbonates.ToDictionary(c => c.Code, StringComparer.Ordinal),
            // The 2022 power-facility guideline fixed coal's oxidation rate at 99 % (reference/mrv.md §3.2, confirmed);
            // the update notice replaced it with the National GHG Emission Factor Database value, which was not
            // retrieved, so 0.99 stands in for it.
            PowerFacilityCoalOxidation = new Figure("oxidation rate", 0.99m, MeasureUnit.Fraction,
                new Provenance.Default("企业温室气体排放核算与报告指南 发电设施 (MEE 2022)", "coal oxidation rate", "燃煤 / 碳氧化率",
                    2022, Confirmed: true)),
        };
    }

    private static CarbonateDefault Carbonate(string code, string zh, string en, decimal factor) =>
        new(code, zh, en, new Figure("carbonate emission factor", factor, MeasureUnit.TonneCo2PerTonne,
            new Provenance.Default("NDRC sector guidelines (commonly used value)", "carbonate emission factors (reference/mrv.md §3.2)",
                zh, 2013, Confirmed: false)));

    private static FuelDefault Fuel(string code, string zh, string en, MeasureUnit unit, decimal ncv, decimal carbonPerTj,
        decimal oxidation, bool confirmed = true)
    {
        var ncvUnit = unit == MeasureUnit.TenThousandNm3 ? MeasureUnit.GigajoulePerTenThousandNm3 : MeasureUnit.GigajoulePerTonne;
        return new FuelDefault(code, zh, en, unit,
            new Figure("NCV", ncv, ncvUnit, Source(zh, "NCV", confirmed)),
            new Figure("carbon content", carbonPerTj / 1000m, MeasureUnit.TonneCarbonPerGigajoule, Source(zh, "carbon content", confirmed)),
            new Figure("oxidation rate", oxidation, MeasureUnit.Fraction, Source(zh, "oxidation rate", confirmed)));
    }

    private static Provenance.Default Source(string row, string column, bool confirmed) =>
        new(FuelGuideline, FuelTable, $"{row} / {column}", 2013, confirmed);

    private static GridFactor Grid(int year, string region, decimal value, string notice, string row, bool confirmed) =>
        new(year, region, new Figure("grid emission factor", value, MeasureUnit.TonneCo2PerMegawattHour,
            new Provenance.Default(notice, "electricity CO2 emission factors (reference/mrv.md §3.4)", row, year, confirmed)));
}
