using System.Text;
using OpenEts.Application.Exchange.MarketData;
using OpenEts.Application.Files;

namespace OpenEts.Application.Tests.Exchange.MarketData;

public sealed partial class StatisticsSheetTests
{
    private static StatisticsSheet Xlsx(params object?[][] rows)
    {
        using var xlsx = new MemoryStream();
        TabularWriter.WriteXlsx(xlsx, StatisticsSheet.TemplateHeader, rows);
        xlsx.Position = 0;
        return StatisticsSheet.Read(xlsx, "统计.xlsx");
    }

    [Fact]
    public void Read_BadCells_NameTheSheetRowColumnAndRule()
    {
        var sheet = Xlsx(
            ["深圳", "", "2017-07-19", 20_623_286, 65_952, 31.98m, ""],
            ["上海", "", "19 July", "many", 23_482, 23.361m, ""]);

        Assert.Empty(sheet.Rows);
        Assert.Equal(
        [
            "Sheet1, row 3, column C (截止日期): Date: '19 July' is not a date as yyyy-MM-dd",
            "Sheet1, row 3, column D (累计成交量(吨)): Number: 'many' is not a number",
            "Sheet1, row 3, column F (平均价(元/吨)): Precision: 23.361 has more than 2 decimals",
        ], sheet.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Read_SameMarketAndDateTwice_IsADuplicate()
    {
        var sheet = Xlsx(["深圳", "", "2017-07-19", 1, 1, null, ""], ["深圳", "", "2017/7/19", 2, 2, null, ""]);

        Assert.Equal("Duplicate", Assert.Single(sheet.Errors).Rule);
        Assert.Equal(3, sheet.Errors[0].Row);
    }

    [Fact]
    public void Read_CsvWithoutTheVolumeColumn_NamesTheMissingColumn()
    {
        using var csv = new MemoryStream(Encoding.UTF8.GetBytes("市场,截止日期,累计成交金额(万元)\r\n深圳,2017-07-19,65952\r\n"));

        var sheet = StatisticsSheet.Read(csv, "stats.csv");

        var error = Assert.Single(sheet.Errors);
        Assert.Equal(("stats.csv", 1, "MissingColumn"), (error.Sheet, error.Row, error.Rule));
        Assert.Contains("累计成交量(吨)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GoodRows_KeepTheExactPublishedFigures()
    {
        var sheet = Xlsx(["福建", "FFCER 林业碳汇", "2017-08-15", 261_000, 488.1m, null, "s"]);

        var row = Assert.Single(sheet.Rows);
        Assert.Equal((2, 488.1m, (decimal?)null, new DateOnly(2017, 8, 15)),
            (row.Row, row.Statistic.Turnover10kYuan, row.Statistic.AveragePrice, row.Statistic.AsOf));
    }
}
