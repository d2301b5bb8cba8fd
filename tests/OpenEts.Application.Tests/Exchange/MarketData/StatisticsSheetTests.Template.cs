using OpenEts.Application.Exchange.MarketData;
using OpenEts.Application.Tests.Files;

namespace OpenEts.Application.Tests.Exchange.MarketData;

public sealed partial class StatisticsSheetTests
{
    private static byte[] Template() => TemplateWorkbook.Write(StatisticsSheet.WriteTemplate);

    [Fact]
    public void WriteTemplate_InstructionsSheet_ListsEveryColumnWithItsUnitAndWhetherItIsRequired()
    {
        var template = Template();

        var guide = TemplateWorkbook.CheckedInstructions(template, "统计数据", StatisticsSheet.TemplateHeader);

        Assert.Equal(["吨", "必填"], guide["累计成交量(吨)"][..2]);
        Assert.Equal(["万元", "必填"], guide["累计成交金额(万元)"][..2]);
        Assert.Equal(["元/吨", "选填"], guide["平均价(元/吨)"][..2]);
        Assert.All(guide.Values, g => Assert.False(string.IsNullOrEmpty(g[2]), "a column without its allowed values"));
        Assert.All(guide.Values, g => Assert.False(string.IsNullOrEmpty(g[4]), "a column without its example"));
    }

    [Fact]
    public void Read_TemplateAsDownloaded_NoErrorAndNoRows()
    {
        using var untouched = new MemoryStream(Template());

        var sheet = StatisticsSheet.Read(untouched, "碳市场累计成交统计模板.xlsx");

        Assert.Empty(sheet.Errors);
        Assert.Empty(sheet.Rows);
    }

    [Fact]
    public void Read_TemplateWithOneRowTyped_ReadsThatRowOnly()
    {
        using var filled = TemplateWorkbook.Filled(Template(), ["深圳", "", "2017-07-19", 20_623_286, 65_952, 31.98m, "深交所"]);

        var sheet = StatisticsSheet.Read(filled, "碳市场累计成交统计模板.xlsx");

        Assert.Empty(sheet.Errors);
        var row = Assert.Single(sheet.Rows);
        Assert.Equal((2, "深圳", 20_623_286L), (row.Row, row.Statistic.Market, row.Statistic.VolumeTonnes));
        Assert.Equal("统计数据", sheet.Sheet);
    }
}
