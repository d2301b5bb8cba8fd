using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Mrv;

/// <summary>
/// The templates of the six sectors Guangdong covers (power, cement, steel, petrochemical, paper, aviation;
/// reference/guangdong.md §1.4). The outputs are those allocation reads: power MWh generated and supplied, GJ heat
/// supplied, unit category, cooling method and load factor (reference/national-ets.md §2.2); cement t clinker and
/// t cement; steel t crude steel by process; paper t by grade; aviation t·km.
/// </summary>
public static class SectorTemplates
{
    private const string FirstBatch = "发改办气候〔2013〕2526号";
    private const string SecondBatch = "发改办气候〔2014〕2920号";
    private const string ThirdBatch = "发改办气候〔2015〕1722号 [document number UNCONFIRMED]";

    private static readonly TemplateSource PurchasedElectricity = new(SourceKind.PurchasedElectricity, "grid", MeasureUnit.MegawattHour);
    private static readonly TemplateSource PurchasedHeat = new(SourceKind.PurchasedHeat, "heat", MeasureUnit.Gigajoule);

    private static readonly SectorTemplate[] All =
    [
        new(Sector.Power,
            [Fuel("raw-coal"), Fuel("natural-gas", MeasureUnit.TenThousandNm3), Fuel("fuel-oil"), Fuel("diesel"),
             new(SourceKind.Desulfurisation, "limestone", MeasureUnit.Tonne), PurchasedElectricity,
             new(SourceKind.ExportedHeat, "heat", MeasureUnit.Gigajoule)],
            [new(OutputKind.ElectricityGenerated), new(OutputKind.ElectricitySupplied), new(OutputKind.HeatSupplied),
             new(OutputKind.UnitCategory, "I"), new(OutputKind.CoolingMethod, "water"), new(OutputKind.LoadFactor)],
            "中国发电企业温室气体排放核算方法与报告指南 (" + FirstBatch + ")"),
        new(Sector.Cement,
            [Fuel("raw-coal"), Fuel("diesel"), new(SourceKind.ClinkerOxides, "clinker", MeasureUnit.Tonne), PurchasedElectricity],
            [new(OutputKind.Clinker), new(OutputKind.Cement)],
            "中国水泥生产企业温室气体排放核算方法与报告指南 (" + FirstBatch + ")"),
        new(Sector.Steel,
            [Fuel("raw-coal"), Fuel("coke"), Fuel("natural-gas", MeasureUnit.TenThousandNm3),
             new(SourceKind.Calcination, "limestone", MeasureUnit.Tonne), new(SourceKind.Calcination, "dolomite", MeasureUnit.Tonne),
             PurchasedElectricity],
            [new(OutputKind.CrudeSteel, "BF-BOF"), new(OutputKind.CrudeSteel, "EAF")],
            "中国钢铁生产企业温室气体排放核算方法与报告指南 (" + FirstBatch + ")"),
        new(Sector.Petrochemical,
            [Fuel("fuel-oil"), Fuel("refinery-dry-gas"), Fuel("lpg"), Fuel("natural-gas", MeasureUnit.TenThousandNm3),
             PurchasedElectricity, PurchasedHeat],
            [new(OutputKind.CrudeOilProcessed)],
            "中国石油化工企业温室气体排放核算方法与报告指南 (" + SecondBatch + ")"),
        new(Sector.Paper,
            [Fuel("raw-coal"), Fuel("natural-gas", MeasureUnit.TenThousandNm3), new(SourceKind.CarbonateUse, "limestone", MeasureUnit.Tonne),
             PurchasedElectricity, PurchasedHeat],
            [new(OutputKind.Paper, "ordinary"), new(OutputKind.Paper, "special")],
            "造纸和纸制品生产企业温室气体排放核算方法与报告指南 (" + ThirdBatch + ")"),
        new(Sector.Aviation,
            [Fuel("jet-kerosene"), Fuel("diesel"), PurchasedElectricity],
            [new(OutputKind.TransportWork)],
            "中国民用航空企业温室气体排放核算方法与报告指南 (" + FirstBatch + ")"),
    ];

    /// <summary>The sectors that have a template.</summary>
    public static IReadOnlyList<Sector> Sectors { get; } = [.. All.Select(t => t.Sector)];

    /// <summary>The template of <paramref name="sector"/>, or null for a sector without one (<see cref="Sector.Other"/>).</summary>
    public static SectorTemplate? For(Sector sector) => Array.Find(All, t => t.Sector == sector);

    private static TemplateSource Fuel(string code, MeasureUnit unit = MeasureUnit.Tonne) => new(SourceKind.FuelCombustion, code, unit);
}
