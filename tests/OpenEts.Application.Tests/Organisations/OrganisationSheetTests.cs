using System.Text;
using OpenEts.Application.Organisations;

namespace OpenEts.Application.Tests.Organisations;

public sealed class OrganisationSheetTests
{
    private static OrganisationSheet Csv(string text) =>
        OrganisationSheet.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "list.csv");

    [Fact]
    public void Read_CsvWithEnglishHeadersInAnyOrder_MapsColumns()
    {
        var sheet = Csv("region,name,code,sector\n广州市,\"珠江,示范\",91440101MA5CY10016,power\n");

        Assert.Empty(sheet.Errors);
        var (row, draft) = Assert.Single(sheet.Rows);
        Assert.Equal(2, row);
        Assert.Equal("珠江,示范", draft.Name);
        Assert.Equal("91440101MA5CY10016", draft.Code);
        Assert.Equal("C", sheet.ColumnOf("code"));
    }

    [Fact]
    public void Read_BlankLinesInBetween_KeepExcelRowNumbers()
    {
        var sheet = Csv("统一社会信用代码,企业名称,行业,地区\nA,B,电力,广州\n,,,\nC,D,水泥,清远\n");

        Assert.Equal([2, 4], sheet.Rows.Select(r => r.Row).ToArray());
    }

    [Fact]
    public void Read_MissingRequiredColumn_NamesItAndReadsNoRows()
    {
        var sheet = Csv("统一社会信用代码,企业名称,地区\nA,B,广州\n");

        var error = Assert.Single(sheet.Errors);
        Assert.Equal("sector", error.Field);
        Assert.Equal("MissingColumn", error.Rule);
        Assert.Empty(sheet.Rows);
    }

    [Fact]
    public void Read_UnclosedQuote_ReportsTheRow()
    {
        var sheet = Csv("code,name,sector,region\n\"9144,x,power,广州\n");

        Assert.Contains("not closed", Assert.Single(sheet.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CorruptXlsx_ReportsUnreadableFile()
    {
        var sheet = OrganisationSheet.Read(new MemoryStream([1, 2, 3, 4]), "list.xlsx");

        Assert.Equal("Unreadable", Assert.Single(sheet.Errors).Rule);
    }

    [Fact]
    public void WriteXlsx_ThenRead_RoundTripsChineseText()
    {
        var o = new OpenEts.Domain.Organisations.OrganisationDraft("91440101MA5CY10016", "珠江示范发电有限公司", "电力", "广州市", "纳入")
            .Validate().Organisation!;
        using var buffer = new MemoryStream();

        OrganisationSheet.WriteXlsx(buffer, [o]);
        buffer.Position = 0;
        var sheet = OrganisationSheet.Read(buffer, "back.xlsx");

        var (_, draft) = Assert.Single(sheet.Rows);
        Assert.Equal("珠江示范发电有限公司", draft.Name);
        Assert.Equal("电力", draft.Sector);
        Assert.Equal("纳入", draft.Status);
    }
}
