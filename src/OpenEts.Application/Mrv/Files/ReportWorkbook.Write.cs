using System.Data;
using System.Globalization;
using MiniExcelLibs;
using OpenEts.Application.Files;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv.Files;

public static partial class ReportWorkbook
{
    /// <summary>
    /// Writes the .xlsx template of <paramref name="sector"/>: the data sheet with the report settings, a row per
    /// source the sector may have (fuel or material and unit filled in, the amount left blank) and per production
    /// output, each source's defaults shown; a factors sheet listing every default of <paramref name="library"/> with
    /// its source and whether it is confirmed; a notes sheet. Chinese headings, English when
    /// <paramref name="language"/> is "en".
    /// </summary>
    public static void WriteTemplate(Sector sector, string language, FactorLibrary library, Stream output)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(output);
        var template = SectorTemplates.For(sector)
            ?? throw new ArgumentOutOfRangeException(nameof(sector), sector, "Only covered sectors have a template.");
        var en = IsEnglish(language);
        var rows = new List<object?[]>
        {
            Meta(ReportMetaKind.Sector, en ? sector.ToString().ToLowerInvariant() : DomainNames.Chinese(sector), en),
            Meta(ReportMetaKind.Year, "", en),
            Meta(ReportMetaKind.Region, DefaultRegion, en),
            Meta(ReportMetaKind.Method, MethodCode(AccountingMethod.SectorGuideline), en),
        };
        var n = 0;
        foreach (var source in template.Sources)
        {
            n++;
            rows.Add(Row(SourceKinds.Name(source.Kind, en), string.Create(CultureInfo.InvariantCulture, $"L{n}"), source.Material, null,
                MeasureUnits.Symbol(source.Unit), Defaults(source, library, en), MaterialName(source.Material, library, en)));
        }
        foreach (var produced in template.Outputs)
        {
            rows.Add(Row(OutputKinds.Name(produced.Kind, en), "", produced.Detail, null, MeasureUnits.Symbol(produced.Unit), "",
                en ? "production output" : "产量"));
        }
        var sheets = new Dictionary<string, object>
        {
            [en ? DataSheetEn : DataSheetZh] = Table(ReportColumns.All.Select(c => ReportColumns.Header(c, en)), rows),
            [en ? "Factors" : "缺省因子"] = FactorsTable(library, en),
            [en ? "Notes" : "说明"] = Table([en ? "Note" : "说明"], Notes(template, library, en).Select(t => new object?[] { t })),
        };
        MiniExcel.SaveAs(output, sheets, excelType: ExcelType.XLSX);
    }

    /// <summary>
    /// Exports a computed report: the data sheet as it was read (so the file reads back), the emissions per line with
    /// the total rounded for reporting (<see cref="ReportCalculation.ReportedTotal"/>), the derivation tree, and the findings.
    /// </summary>
    public static void WriteReport(ReportInput report, ReportCalculation calculation, Stream output, string language = "zh")
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(calculation);
        ArgumentNullException.ThrowIfNull(output);
        var en = IsEnglish(language);
        var data = new List<object?[]>
        {
            Meta(ReportMetaKind.Sector, en ? report.Sector.ToString().ToLowerInvariant() : DomainNames.Chinese(report.Sector), en),
            Meta(ReportMetaKind.Year, report.Year.ToString(CultureInfo.InvariantCulture), en),
            Meta(ReportMetaKind.Region, report.Region, en),
            Meta(ReportMetaKind.Method, MethodCode(report.Method), en),
        };
        foreach (var line in report.Lines)
        {
            var row = Row(SourceKinds.Name(line.Kind, en), line.Id, line.Material, line.Amount, MeasureUnits.Symbol(line.Unit), "", "");
            foreach (var (column, parameter) in ReportColumns.Measured)
            {
                if (line.Measured.FirstOrDefault(m => m.Parameter == parameter) is { } measured)
                {
                    row[Array.IndexOf(ReportColumns.All, column)] = measured.Value;
                    row[Array.IndexOf(ReportColumns.All, ReportColumns.Evidence)] = measured.Evidence;
                    row[Array.IndexOf(ReportColumns.All, ReportColumns.Rule)] = measured.Rule;
                }
            }
            data.Add(row);
        }
        foreach (var produced in report.Outputs)
        {
            data.Add(Row(OutputKinds.Name(produced.Kind, en), "", produced.Detail, produced.Amount, MeasureUnits.Symbol(produced.Unit), "", ""));
        }
        var emissions = calculation.Lines
            .Select(l => new object?[] { l.LineId, SourceKinds.Name(l.Kind, en), l.Emissions.Value, MeasureUnits.Symbol(l.Emissions.Unit) })
            .Concat(calculation.Auxiliary.Select(l => new object?[]
                { l.LineId, SourceKinds.Name(l.Kind, en) + (en ? " (auxiliary, not in total)" : "(辅助报告项,不计入总量)"), l.Emissions.Value, "tCO2" }))
            .Append([en ? "Total" : "合计", "", calculation.Total.Value, "tCO2"])
            .Append([en ? "Total as reported (1 kg, half away from zero)" : "报告值(保留至千克,四舍五入)", "",
                calculation.ReportedTotal, "tCO2"]);
        var sheets = new Dictionary<string, object>
        {
            [en ? DataSheetEn : DataSheetZh] = Table(ReportColumns.All.Select(c => ReportColumns.Header(c, en)), data),
            [en ? "Emissions" : "排放量"] = Table(en ? ["Line", "Source", "Emissions", "Unit"] : ["编号", "排放源", "排放量", "单位"], emissions),
            [en ? "Derivation" : "推导过程"] = Table([en ? "Derivation" : "推导过程"],
                DerivationText.Lines(calculation.Total).Select(t => new object?[] { t })),
            [en ? "Findings" : "问题"] = Table(en ? ["Line", "Field", "Rule", "Severity", "Message"] : ["编号", "字段", "规则", "级别", "说明"],
                calculation.Issues.Select(i => new object?[] { i.LineId, i.Field, i.Rule, i.Severity.ToString(), i.Message })),
        };
        MiniExcel.SaveAs(output, sheets, excelType: ExcelType.XLSX);
    }

    private static bool IsEnglish(string? language) => language?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;

    private static object?[] Meta(ReportMetaKind kind, string value, bool en) =>
        Row(MetaName(kind, en), "", value, null, "", "", en ? "report setting" : "报告设置");

    private static object?[] Row(string kind, string id, string? material, decimal? amount, string unit, string defaults, string note)
    {
        var row = new object?[ReportColumns.All.Length];
        row[Array.IndexOf(ReportColumns.All, ReportColumns.Kind)] = kind;
        row[Array.IndexOf(ReportColumns.All, ReportColumns.Id)] = id;
        row[Array.IndexOf(ReportColumns.All, ReportColumns.Material)] = material;
        row[Array.IndexOf(ReportColumns.All, ReportColumns.Amount)] = amount;
        row[Array.IndexOf(ReportColumns.All, ReportColumns.Unit)] = unit;
        row[Array.IndexOf(ReportColumns.All, ReportColumns.Defaults)] = defaults;
        row[Array.IndexOf(ReportColumns.All, ReportColumns.Note)] = note;
        return row;
    }

    private static string MaterialName(string material, FactorLibrary library, bool en) =>
        library.Fuel(material) is { } f ? (en ? f.NameEn : f.NameZh)
        : library.Carbonate(material) is { } c ? (en ? c.NameEn : c.NameZh)
        : "";

    private static string Defaults(TemplateSource source, FactorLibrary library, bool en)
    {
        static string F(Figure f) => DerivationText.Number(f.Value) + " " + MeasureUnits.Symbol(f.Unit) + Flag(f);
        return source.Kind switch
        {
            SourceKind.FuelCombustion when library.Fuel(source.Material) is { } fuel =>
                $"NCV {F(fuel.Ncv)}; CC {F(fuel.CarbonContent)}; OF {F(fuel.Oxidation)}",
            SourceKind.PurchasedElectricity or SourceKind.ExportedElectricity =>
                en ? "grid factor of the year and region: see Factors" : "当年所在区域电网排放因子,见缺省因子表",
            SourceKind.PurchasedHeat or SourceKind.ExportedHeat when library.HeatFactor is { } heat => F(heat),
            SourceKind.Calcination or SourceKind.CarbonateUse or SourceKind.Desulfurisation when library.Carbonate(source.Material) is { } c =>
                F(c.Factor) + (en ? "; purity 1 unless measured" : ";纯度未实测时取1"),
            SourceKind.ClinkerOxides => en ? "measured CaO and MgO of clinker required" : "须填实测熟料氧化钙、氧化镁含量",
            SourceKind.ClinkerFactor => en ? "measured clinker emission factor required" : "须填实测熟料排放因子",
            _ => "",
        };
    }

    private static string Flag(Figure figure) => figure.Source is Provenance.Default { Confirmed: false } ? " [UNCONFIRMED]" : "";

    private static DataTable FactorsTable(FactorLibrary library, bool en)
    {
        var rows = new List<object?[]>();
        void Add(string group, string code, string name, Figure f, string? year = null)
        {
            var d = f.Source as Provenance.Default;
            rows.Add([group, code, name, f.Name, f.Value, MeasureUnits.Symbol(f.Unit), d is null ? "" : $"{d.Guideline}; {d.Table}; {d.Row}",
                year ?? d?.Year.ToString(CultureInfo.InvariantCulture),
                d is { Confirmed: false } ? (en ? "UNCONFIRMED" : "未确认") : (en ? "confirmed" : "已确认")]);
        }
        foreach (var fuel in library.Fuels.Values)
        {
            var name = en ? fuel.NameEn : fuel.NameZh;
            Add(en ? "fuel" : "燃料", fuel.Code, name, fuel.Ncv);
            Add(en ? "fuel" : "燃料", fuel.Code, name, fuel.CarbonContent);
            Add(en ? "fuel" : "燃料", fuel.Code, name, fuel.Oxidation);
        }
        foreach (var grid in library.Grid.OrderBy(g => g.Year).ThenBy(g => g.Region, StringComparer.Ordinal))
        {
            Add(en ? "grid" : "电网", grid.Region, grid.Region, grid.Factor, grid.Year.ToString(CultureInfo.InvariantCulture));
        }
        if (library.HeatFactor is { } heat)
        {
            Add(en ? "heat" : "热力", "heat", en ? "Heat" : "热力", heat);
        }
        foreach (var carbonate in library.Carbonates.Values)
        {
            Add(en ? "carbonate" : "碳酸盐", carbonate.Code, en ? carbonate.NameEn : carbonate.NameZh, carbonate.Factor);
        }
        if (library.PowerFacilityCoalOxidation is { } coal)
        {
            Add(en ? "power facility 2022" : "发电设施指南2022", "raw-coal", en ? "Coal" : "燃煤", coal);
        }
        return Table(en ? ["Group", "Code", "Name", "Parameter", "Value", "Unit", "Source", "Year", "Status"]
                : ["类别", "代码", "名称", "参数", "数值", "单位", "来源", "年份", "状态"], rows);
    }

    private static IEnumerable<string> Notes(SectorTemplate template, FactorLibrary library, bool en) => en
        ?
        [
            $"Template for the {template.Sector.ToString().ToLowerInvariant()} sector; guideline: {template.Guideline}.",
            $"Default factors: library version {library.Version} (sheet Factors). Values marked UNCONFIRMED have no retrievable source.",
            "Fill in the Year row and the amount of every source you have; leave the amount blank for a source you do not have.",
            "Units: t, 10^4Nm3, MWh, GJ, t·km, MW; fractions as 0.94 or 94%.",
            "A measured NCV, carbon content, oxidation rate, emission factor, purity, CaO or MgO replaces the default; give its evidence and measurement rule.",
            "Method: sector-guideline, or power-facility-2022 (the national power-facility guideline: purchased electricity is only an auxiliary item).",
            "Emissions are exact until reporting; the reported total is rounded to 1 kg, half away from zero (docs/mrv.md).",
        ]
        :
        [
            $"{DomainNames.Chinese(template.Sector)}行业报告模板;核算指南:{template.Guideline}。",
            $"缺省因子:因子库版本 {library.Version}(见缺省因子表)。标注\"未确认\"的数值尚无可查来源。",
            "请填写报告年度,以及每个实际存在的排放源的数量;不存在的排放源数量留空。",
            "单位:t、10^4Nm3(万标准立方米)、MWh、GJ、t·km、MW;比例可填 0.94 或 94%。",
            "实测的低位发热量、单位热值含碳量、碳氧化率、排放因子、纯度、氧化钙或氧化镁含量替代缺省值,须填写证据与测量规则。",
            "核算方法:sector-guideline(行业指南)或 power-facility-2022(发电设施指南2022:外购电力仅为辅助报告项)。",
            "排放量在报告前不取整;报告总量保留至千克(三位小数),四舍五入(docs/mrv.md)。",
        ];

    private static DataTable Table(IEnumerable<string> header, IEnumerable<object?[]> rows)
    {
        var table = new DataTable { Locale = CultureInfo.InvariantCulture };
        foreach (var h in header)
        {
            table.Columns.Add(h, typeof(object));
        }
        foreach (var row in rows)
        {
            table.Rows.Add([.. row.Select(v => v ?? DBNull.Value)]);
        }
        return table;
    }
}
