using System.IO.Compression;
using OpenEts.Application.Files;

namespace OpenEts.Application.Tests.Files;

// The .xlsx sheet reader on packages written by hand, as other spreadsheet programs write them.
public sealed partial class TabularFileTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static TabularFile ReadSheet(string sheetData, string? sharedStrings = null, string? styles = null)
    {
        using var buffer = Package(sheetData, sharedStrings, styles);
        return TabularFile.Read(buffer, "sheet.xlsx");
    }

    // A workbook whose first sheet (数据) holds sheetData, positioned at its start.
    private static MemoryStream Package(string sheetData, string? sharedStrings = null, string? styles = null)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="数据" sheetId="1" r:id="rId7"/><sheet name="其他" sheetId="2" r:id="rId8"/></sheets></workbook>""");
            Part(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/other.xml"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
            Part(zip, "xl/worksheets/other.xml", $"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>not the first sheet</t></is></c></row></sheetData></worksheet>""");
            Part(zip, "xl/worksheets/data.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><sheetData>{sheetData}</sheetData></worksheet>""");
            if (sharedStrings is not null)
            {
                Part(zip, "xl/sharedStrings.xml", $"""<sst xmlns="{Main}">{sharedStrings}</sst>""");
            }
            if (styles is not null)
            {
                Part(zip, "xl/styles.xml", $"""<styleSheet xmlns="{Main}">{styles}</styleSheet>""");
            }
        }
        buffer.Position = 0;
        return buffer;
    }

    private static string[][] AllRows(TabularFile file)
    {
        Assert.Null(file.Error);
        return [[.. file.Header], .. file.Rows.Select(r => r.Cells)];
    }

    [Fact]
    public void Read_XlsxWithSharedStrings_ReadsTheWorkbooksFirstSheetWithItsText()
    {
        var file = ReadSheet(
            """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>12.5</v></c></row>""",
            """<si><t>行业</t></si><si><r><t>报告</t></r><r><rPr><b/></rPr><t xml:space="preserve">年度 </t></r><rPh sb="0" eb="2"><t>ホウコク</t></rPh></si><si><t> 水泥 </t></si>""");

        Assert.Equal([["行业", "报告年度"], ["水泥", "12.5"]], AllRows(file));
    }

    [Fact]
    public void Read_XlsxFormulaWithoutItsCalculatedValue_IsRefusedNamingTheCell()
    {
        var file = ReadSheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>数量</t></is></c></row><row r="2"><c r="A2"><f>100*1200</f><v>120000</v></c></row><row r="3"><c r="A3"><f>100*1200</f></c></row><row r="4"><c r="A4"><f t="shared" si="0"/></c></row>""");

        Assert.Equal("FormulaWithoutValue", file.ErrorRule);
        Assert.Equal((3, 0, "数据"), (file.ErrorRow, file.ErrorColumn, file.SheetName));
        Assert.StartsWith("cell A3 of sheet '数据' holds a formula with no calculated value (1 more cells are the same)", file.Error, StringComparison.Ordinal);
        Assert.Equal(["数据", "A3"], file.ErrorFigures);
        Assert.Equal(("A", "数量"), (file.ErrorColumnLetter, file.ErrorHeader));
    }

    // Every importer names the cell of an uncalculated formula by its row and column, and gives its sheet and cell as
    // figures for the message in Chinese: the organisation list and the registry's batch as two of them.
    [Fact]
    public void Importers_XlsxFormulaWithoutItsCalculatedValue_NameTheRowAndColumn()
    {
        const string Rows = """<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c><c r="B1" t="inlineStr"><is><t>数量</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>甲</t></is></c><c r="B2"><f>100*1200</f></c></row>""";
        using var organisations = Package(Rows);
        using var batch = Package(Rows);

        var organisationError = Assert.Single(OpenEts.Application.Organisations.OrganisationSheet.Read(organisations, "企业名录.xlsx").Errors);
        var batchError = Assert.Single(OpenEts.Application.Registry.BatchSheet.Read(batch.ToArray(), "批量发放.xlsx", allocation: false).Errors);

        Assert.Equal((2, "B", "FormulaWithoutValue"), (organisationError.Row, organisationError.Column, organisationError.Rule));
        Assert.Equal(["数据", "B2"], organisationError.Figures);
        Assert.Equal((2, "B", "数量", "FormulaWithoutValue"), (batchError.Row, batchError.Column, batchError.Header, batchError.Rule));
    }

    [Fact]
    public void Read_XlsxWithInlineStringsAndBooleans_ReadsTheirText()
    {
        var file = ReadSheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c><c r="B1" t="inlineStr"><is><t>有效</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><r><t>广州</t></r><r><t>电厂</t></r></is></c><c r="B2" t="b"><v>1</v></c></row>""");

        Assert.Equal([["名称", "有效"], ["广州电厂", "True"]], AllRows(file));
    }

    [Fact]
    public void Read_XlsxWithMissingCells_PlacesEachCellInItsColumn()
    {
        var file = ReadSheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c><c r="C1" t="inlineStr"><is><t>c</t></is></c><c r="D1" t="inlineStr"><is><t>d</t></is></c></row><row r="2"><c r="B2"><v>2</v></c><c r="D2"><v>4</v></c><c r="E2" s="0"/></row><row r="3"><c><v>1</v></c><c><v>2</v></c></row>""");

        Assert.Equal([["a", "b", "c", "d"], ["", "2", "", "4"], ["1", "2"]], AllRows(file));
    }

    [Fact]
    public void Read_XlsxWithRowGaps_KeepsTheRowNumbersExcelShows()
    {
        var file = ReadSheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row><row r="5"><c r="A5"><v>5</v></c></row><row r="6" ht="20" customHeight="1"/><row r="9"><c r="C9"><v>9</v></c></row>""");

        Assert.Null(file.Error);
        Assert.Equal([(2, "1"), (5, "5"), (9, "9")], file.Rows.Select(r => (r.Row, r.Cells[^1])));
    }

    [Fact]
    public void Read_XlsxNumbersWithExponentsOrTrailingZeros_AreReadAsPlainDecimalText()
    {
        var file = ReadSheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>n</t></is></c></row><row r="2"><c r="A2"><v>1.5E-05</v></c><c r="B2"><v>2E+3</v></c><c r="C2"><v>-0.250</v></c><c r="D2"><v>12345678901234567890</v></c><c r="E2"><v>7.0</v></c></row>""");

        Assert.Equal(["0.000015", "2000", "-0.25", "12345678901234567890", "7"], AllRows(file)[1]);
    }

    [Fact]
    public void Read_XlsxDateStyledNumber_IsReadAsItsDate()
    {
        var styles = """<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00&quot;t&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>""";

        var file = ReadSheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>d</t></is></c></row><row r="2"><c r="A2" s="1"><v>42935</v></c><c r="B2" s="2"><v>42935</v></c><c r="C2" s="3"><v>42935</v></c><c r="D2" s="0"><v>42935</v></c></row>""",
            styles: styles);

        // Serial 42935 is 19 July 2017 (days since 30 December 1899).
        Assert.Equal(["07/19/2017 00:00:00", "07/19/2017 00:00:00", "42935", "42935"], AllRows(file)[1]);
    }

    [Theory]
    [InlineData("""<row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c></row><row r="2"><c r="A2"><v>1</v>""", "")]
    [InlineData("""<row r="1"><c r="1A"><v>1</v></c></row>""", "cell reference '1A'")]
    [InlineData("""<row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="A2"><v>1</v></c></row>""", "cell reference 'A2' in row 3")]
    [InlineData("""<row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>""", "row 1 comes after row 2")]
    [InlineData("""<row r="1"><c r="A1" t="s"><v>7</v></c></row>""", "shared string 7")]
    [InlineData("""<row r="1"><c r="XFE1"><v>1</v></c></row>""", "within columns A to XFD")]
    public void Read_MalformedSheet_IsUnreadableWithItsReason(string sheetData, string reason)
    {
        var file = ReadSheet(sheetData);

        Assert.Equal("Unreadable", file.ErrorRule);
        Assert.StartsWith("the file is not a readable .xlsx workbook (", file.Error, StringComparison.Ordinal);
        Assert.Contains(reason, file.Error, StringComparison.Ordinal);
        Assert.Empty(file.Rows);
    }

    [Fact]
    public void Read_XlsxWithACellBeyondTheRowLimit_IsRefusedWithoutReadingTheBlankRows()
    {
        var file = ReadSheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row>""");

        Assert.Equal("TooManyRows", file.ErrorRule);
    }

    [Fact]
    public void Read_PackageWithoutAWorksheet_NamesTheMissingPart()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "xl/workbook.xml", $"""<workbook xmlns="{Main}"/>""");
        }
        buffer.Position = 0;

        var file = TabularFile.Read(buffer, "empty.xlsx");

        Assert.Equal("Unreadable", file.ErrorRule);
        Assert.Contains("xl/worksheets/sheet1.xml", file.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_XlsxTextWithALineBreak_KeepsTheLineBreak()
    {
        var file = ReadSheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>备注</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">第一行&#13;&#10;第二行</t></is></c></row>""");

        Assert.Equal("第一行\r\n第二行", AllRows(file)[1][0]);
    }
}
