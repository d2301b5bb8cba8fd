using System.Text;
using MiniExcelLibs;
using OpenEts.Application.Mrv.Files;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Tests.Mrv.Files;

public sealed partial class ReportWorkbookTests
{
    private static ReportFileResult ReadCsv(string text, Sector? sector = null, int? year = null) =>
        ReportWorkbook.Read(Encoding.UTF8.GetBytes(text), "report.csv", sector, year);

    [Fact]
    public void WriteTemplate_Cement_HasChineseHeadingsSourcesOutputsAndAFactorsSheet()
    {
        using var stream = new MemoryStream();

        ReportWorkbook.WriteTemplate(Sector.Cement, "zh", DefaultFactors.Library, stream);

        stream.Position = 0;
        Assert.Equal(["报告", "缺省因子", "说明"], MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "报告").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains("类别", rows[0].Keys);
        Assert.Contains("实测低位发热量", rows[0].Keys);
        Assert.Contains(rows, r => Equals(r["类别"], "化石燃料燃烧") && Equals(r["燃料或物料"], "raw-coal") && Equals(r["单位"], "t"));
        Assert.Contains(rows, r => Equals(r["类别"], "熟料产量"));
        Assert.Contains(rows, r => Equals(r["类别"], "水泥产量"));
        Assert.Contains(rows, r => r["缺省值"] is string s && s.Contains("20.908 GJ/t", StringComparison.Ordinal));
        stream.Position = 0;
        var factors = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "缺省因子").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(factors, r => Equals(r["代码"], "limestone") && Equals(r["状态"], "未确认"));
        Assert.Contains(factors, r => Equals(r["代码"], "raw-coal") && Equals(r["状态"], "已确认"));
    }

    [Fact]
    public void WriteTemplate_English_HasEnglishHeadings()
    {
        using var stream = new MemoryStream();

        ReportWorkbook.WriteTemplate(Sector.Power, "en", DefaultFactors.Library, stream);

        stream.Position = 0;
        Assert.Equal(["Report", "Factors", "Notes"], MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Report").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => Equals(r["kind"], "Electricity supplied") && Equals(r["unit"], "MWh"));
        Assert.Contains(rows, r => Equals(r["kind"], "Load factor"));
    }

    [Fact]
    public void Read_FilledTemplate_ReturnsTheReportWithItsLinesAndOutputs()
    {
        using var template = new MemoryStream();
        ReportWorkbook.WriteTemplate(Sector.Cement, "zh", DefaultFactors.Library, template);
        template.Position = 0;
        var rows = MiniExcel.Query(template, useHeaderRow: true, sheetName: "报告").Cast<IDictionary<string, object?>>().ToList();
        foreach (var row in rows)
        {
            if (Equals(row["燃料或物料"], "raw-coal"))
            {
                row["数量"] = 1000m;
            }
            if (Equals(row["类别"], "熟料产量"))
            {
                row["数量"] = 500000m;
            }
            if (Equals(row["类别"], "报告年度"))
            {
                row["燃料或物料"] = "2017";
            }
        }
        using var filled = new MemoryStream();
        MiniExcel.SaveAs(filled, rows);
        filled.Position = 0;

        var result = ReportWorkbook.Read(filled, "cement.xlsx");

        Assert.Empty(result.Errors);
        var report = Assert.IsType<ReportInput>(result.Report);
        Assert.Equal(Sector.Cement, report.Sector);
        Assert.Equal(2017, report.Year);
        Assert.Equal("guangdong", report.Region);
        var coal = Assert.Single(report.Lines);
        Assert.Equal(("raw-coal", 1000m, MeasureUnit.Tonne), (coal.Material, coal.Amount, coal.Unit));
        var clinker = Assert.Single(report.Outputs);
        Assert.Equal((OutputKind.Clinker, 500000m), (clinker.Kind, clinker.Amount));
    }

    [Fact]
    public void Read_Csv_ReadsMeasuredValuesWithTheirEvidence()
    {
        var result = ReadCsv("""
            类别,编号,燃料或物料,数量,单位,实测低位发热量,证据,测量规则
            行业,,水泥,,,,,
            报告年度,,2016,,,,,
            化石燃料燃烧,C1,raw-coal,"1,200",t,21.5,LAB-2016-07,GB/T 213 per batch
            熟料产量,,,500000,t,,,
            """);

        Assert.Empty(result.Errors);
        var line = Assert.Single(result.Report!.Lines);
        Assert.Equal(1200m, line.Amount);
        Assert.Equal(new MeasuredValue(ParameterKind.NetCalorificValue, 21.5m, "LAB-2016-07", "GB/T 213 per batch"), Assert.Single(line.Measured));
        Assert.Equal(4, result.RowOf("C1"));
    }

    [Fact]
    public void Read_CsvWithBadCells_NamesSheetRowColumnAndRule()
    {
        var result = ReadCsv("""
            kind,id,material,amount,unit,measured_ncv,evidence,measurement_rule
            year,,2017,,,,,
            fuel-combustion,C1,raw-coal,many,t,,,
            fuel-combustion,C2,diesel,5,litres,,,
            coal burning,C3,raw-coal,5,t,,,
            fuel-combustion,C4,raw-coal,5,t,21.5,,
            """, sector: Sector.Power);

        Assert.Null(result.Report);
        Assert.Collection(result.Errors,
            e => Assert.Equal(("report.csv", 3, "D", "amount", "BadNumber"), (e.Sheet, e.Row, e.Column, e.Header, e.Rule)),
            e => Assert.Equal((4, "E", "UnknownUnit"), (e.Row, e.Column, e.Rule)),
            e => Assert.Equal((5, "A", "UnknownKind"), (e.Row, e.Column, e.Rule)),
            e => Assert.Equal((6, "G", "MissingEvidence"), (e.Row, e.Column, e.Rule)),
            e => Assert.Equal((6, "H", "MissingRule"), (e.Row, e.Column, e.Rule)));
    }

    [Fact]
    public void Read_SectorDiffersFromTheFile_IsAMismatch()
    {
        var result = ReadCsv("kind,material,amount,unit\nsector,cement,,\nyear,2017,,\n", sector: Sector.Power);

        Assert.Equal("SectorMismatch", Assert.Single(result.Errors).Rule);
    }

    [Fact]
    public void Read_NoYear_IsMissingYear()
    {
        var result = ReadCsv("kind,material,amount,unit\nsector,cement,,\n");

        Assert.Equal("MissingYear", Assert.Single(result.Errors).Rule);
    }

    [Fact]
    public void Locate_CalculatorFinding_PointsAtTheRowAndColumn()
    {
        var result = ReadCsv("kind,id,material,amount,unit\nsector,,cement,,\nyear,,2017,,\nfuel-combustion,C1,peat,5,t\n");
        var calculation = MrvCalculator.Calculate(result.Report!, DefaultFactors.Library);

        var located = result.Locate(Assert.Single(calculation.Issues));

        Assert.Equal((4, "C", "material", "UnknownMaterial"), (located.Row, located.Column, located.Header, located.Rule));
    }

    [Fact]
    public void WriteReport_ReadsBackToTheSameReport()
    {
        var report = new ReportInput(Sector.Cement, 2017, "guangdong",
            [new ReportLine("C1", SourceKind.FuelCombustion, "raw-coal", 1000m, MeasureUnit.Tonne,
                [new MeasuredValue(ParameterKind.NetCalorificValue, 21.5m, "LAB-7", "GB/T 213")])],
            [new ProductionOutput(OutputKind.Clinker, 500000m, MeasureUnit.Tonne)]);
        using var stream = new MemoryStream();

        ReportWorkbook.WriteReport(report, MrvCalculator.Calculate(report, DefaultFactors.Library), stream);

        stream.Position = 0;
        var back = ReportWorkbook.Read(stream, "report.xlsx").Report!;
        Assert.Equal((report.Sector, report.Year, report.Region), (back.Sector, back.Year, back.Region));
        Assert.Equal(report.Lines[0] with { Measured = [] }, back.Lines[0] with { Measured = [] });
        Assert.Equal(report.Lines[0].Measured, back.Lines[0].Measured);
        Assert.Equal(report.Outputs, back.Outputs);
        stream.Position = 0;
        Assert.Contains("推导过程", MiniExcel.GetSheetNames(stream));
    }
}
