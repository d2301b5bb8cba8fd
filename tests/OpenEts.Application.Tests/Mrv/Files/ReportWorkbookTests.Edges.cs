using System.IO.Compression;
using System.Security;
using System.Text;
using OpenEts.Application.Mrv.Files;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Tests.Mrv.Files;

// Files found by exploratory testing: figures too large, formulas never calculated, the sheet read, the rows named.
public sealed partial class ReportWorkbookTests
{
    private const string Header = "类别,编号,燃料或物料,数量,单位";

    [Theory]
    [InlineData("5000000000000000")]
    [InlineData("4e28")]
    [InlineData("4e29")]
    public void Read_AmountOverTheLargestAccepted_IsLocatedWithTheBound(string amount)
    {
        var result = ReadCsv($"{Header}\n化石燃料燃烧,L1,raw-coal,{amount},t\n", Sector.Cement, 2022);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("report.csv", 2, "D", "数量", "TooLarge"), (error.Sheet, error.Row, error.Column, error.Header, error.Rule));
        Assert.Contains("1,000,000,000,000", error.Message, StringComparison.Ordinal);
        Assert.Equal([amount, "1,000,000,000,000"], error.Figures);
    }

    [Fact]
    public void Check_TinyOutputAndLargestAmount_ComputesWithAWarning()
    {
        var csv = $"{Header}\n化石燃料燃烧,L1,raw-coal,1000000000000,t\n熟料产量,,,0.0000000000000000000001,t\n";

        var check = ReportFileCheck.Run(Encoding.UTF8.GetBytes(csv), "report.csv", DefaultFactors.Library, Sector.Cement, 2022);

        Assert.Equal("EmissionsTooLarge", Assert.Single(check.Errors).Rule);
        Assert.Contains(check.Warnings, w => w.Rule == "IntensityOutOfRange");
    }

    [Fact]
    public void Read_XlsxFormulaWithoutItsValue_IsLocatedAndAsksForTheFileToBeCalculated()
    {
        var xlsx = Workbook(("报告", [["类别", "编号", "燃料或物料", "数量", "单位"], ["化石燃料燃烧", "L1", "raw-coal", "=100*1200", "t"]]));

        var result = ReportWorkbook.Read(xlsx, "cement.xlsx", Sector.Cement, 2022);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("报告", 2, "D", "数量", "FormulaWithoutValue"), (error.Sheet, error.Row, error.Column, error.Header, error.Rule));
        Assert.Contains("Excel or WPS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_XlsxWhoseReportSheetIsNotTheFirst_ReadsTheReportSheet()
    {
        var xlsx = Workbook(("说明", [["这是说明"]]), ("报告", [["类别", "编号", "燃料或物料", "数量", "单位"], ["化石燃料燃烧", "L1", "raw-coal", "many", "t"]]));

        var result = ReportWorkbook.Read(xlsx, "cement.xlsx", Sector.Cement, 2022);

        Assert.Equal(("报告", 2, "D", "BadNumber"), Assert.Single(result.Errors) is var e ? (e.Sheet, e.Row, e.Column, e.Rule) : default);
    }

    [Fact]
    public void Read_XlsxWithoutAReportSheet_NamesTheSheetItRead()
    {
        var xlsx = Workbook(("Sheet1", [["类别", "编号", "燃料或物料", "数量", "单位"], ["化石燃料燃烧", "L1", "raw-coal", "many", "t"]]));

        var result = ReportWorkbook.Read(xlsx, "cement.xlsx", Sector.Cement, 2022);

        Assert.Equal("Sheet1", Assert.Single(result.Errors).Sheet);
    }

    [Fact]
    public void Read_SectorAndYearDifferFromTheFile_NameTheirRowsAndFigures()
    {
        var result = ReadCsv("kind,material,amount,unit\nsector,steel,,\nyear,2017,,\n", Sector.Cement, 2022);

        Assert.Collection(result.Errors,
            e => Assert.Equal((2, "SectorMismatch", "Steel|Cement|钢铁|水泥"), (e.Row, e.Rule, string.Join('|', e.Figures))),
            e => Assert.Equal((3, "YearMismatch", "2017|2022"), (e.Row, e.Rule, string.Join('|', e.Figures))));
    }

    [Fact]
    public void Read_MissingColumn_NamesTheColumn()
    {
        var result = ReadCsv("类别,编号,燃料或物料,单位\n化石燃料燃烧,L1,raw-coal,t\n", Sector.Cement, 2022);

        var error = Assert.Single(result.Errors);
        Assert.Equal((1, "MissingColumn", "数量"), (error.Row, error.Rule, error.Header));
        Assert.Equal("数量", error.Figures[0]);
    }

    // A workbook written as openpyxl writes one: inline strings, numbers, and formulas ("=…") without a cached value.
    private static byte[] Workbook(params (string Name, string[][] Rows)[] sheets)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            const string Rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
            Part(zip, "_rels/.rels", $"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            var list = string.Concat(sheets.Select((s, i) => $"""<sheet name="{s.Name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>"""));
            Part(zip, "xl/workbook.xml", $"""<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{Rels}"><sheets>{list}</sheets></workbook>""");
            var related = string.Concat(sheets.Select((_, i) => $"""<Relationship Id="rId{i + 1}" Type="{Rels}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>"""));
            Part(zip, "xl/_rels/workbook.xml.rels", $"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{related}</Relationships>""");
            for (var i = 0; i < sheets.Length; i++)
            {
                var rows = string.Concat(sheets[i].Rows.Select((row, r) => $"<row r=\"{r + 1}\">" + string.Concat(row.Select((cell, c) => Cell(cell, $"{(char)('A' + c)}{r + 1}"))) + "</row>"));
                Part(zip, $"xl/worksheets/sheet{i + 1}.xml", $"""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>""");
            }
        }
        return buffer.ToArray();
    }

    private static string Cell(string value, string reference) =>
        value.StartsWith('=') ? $"<c r=\"{reference}\"><f>{SecurityElement.Escape(value[1..])}</f></c>"
        : decimal.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _) ? $"<c r=\"{reference}\"><v>{value}</v></c>"
        : $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(value)}</t></is></c>";

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }
}
