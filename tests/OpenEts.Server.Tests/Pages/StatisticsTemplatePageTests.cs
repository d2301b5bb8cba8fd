using System.Net;
using System.Net.Http.Headers;
using MiniExcelLibs;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// The statistics templates a regulator's clerk downloads: an instructions sheet beside the data sheet, and the template
// uploaded back untouched loads nothing and refuses nothing; a filled one with errors is refused naming every one.
public sealed class StatisticsTemplatePageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> UploadAsync(HttpClient client, string page, byte[] file, string fileName)
    {
        var form = await client.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        var token = ServerFactory.AntiforgeryToken(form);
        using var content = new MultipartFormDataContent();
        using var upload = new ByteArrayContent(file);
        upload.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(upload, "Upload", fileName);
        using var antiforgery = new StringContent(token);
        content.Add(antiforgery, "__RequestVerificationToken");
        using var response = await client.PostAsync(new Uri(page, UriKind.Relative), content, Ct);
        // An import that went through answers with a redirect to the page that says so.
        if (response.StatusCode == HttpStatusCode.Found)
        {
            return WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location, Ct));
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("/Market/Statistics", "统计数据", "累计成交量(吨)", "吨")]
    [InlineData("/Energy/Targets/Statistics", "地区能源统计", "能源消费量（吨标准煤）", "吨标准煤（tce）")]
    public async Task Template_Downloaded_HasTheInstructionsSheetAndUploadedUntouchedLoadsNothingWithoutError(
        string page, string dataSheet, string column, string unit)
    {
        using var regulator = await server.SignedInAsync("regulator");

        var template = await regulator.GetByteArrayAsync(new Uri(page + "?handler=Template", UriKind.Relative), Ct);
        var shown = await UploadAsync(regulator, page, template, "模板.xlsx");

        Assert.Equal([dataSheet, "填写说明"], MiniExcel.GetSheetNames(new MemoryStream(template)));
        var guide = MiniExcel.Query(new MemoryStream(template), useHeaderRow: true, sheetName: "填写说明").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(guide, r => Equals(r["列名"], column) && Equals(r["单位"], unit));
        Assert.Single(MiniExcel.Query(new MemoryStream(template), useHeaderRow: false, sheetName: dataSheet));
        Assert.DoesNotContain("class=\"alert bad\"", shown, StringComparison.Ordinal);
        Assert.Matches("已导入(本文件)?：?\\s*(新增 )?0 行", shown);
    }

    // The energy statistics import told its errors in stages (the cells that were no numbers; after a fix, the rows' rules;
    // after another, the regions no plan names) and named a column by its key (month). Every error now comes in one pass,
    // named by its row, its column and the template's header.
    [Fact]
    public async Task EnergyStatisticsUpload_RowsWithEveryKindOfError_NamesEachRowColumnHeaderAndRuleInOnePass()
    {
        using var regulator = await server.SignedInAsync("regulator");
        const string csv = "地区代码,年份,月份,月数,能源消费量（吨标准煤）,地区生产总值（万元）\n"
            + "XX-NOPE,2025,13,1,100,200\n"
            + "NX-GY,2025,3,1,很多,200\n";

        var page = await UploadAsync(regulator, "/Energy/Targets/Statistics", System.Text.Encoding.UTF8.GetBytes(csv), "统计.csv");

        Assert.Contains("第 2 行 A 列 · 地区代码：没有已通过的规划包含地区“XX-NOPE”", page, StringComparison.Ordinal);
        Assert.Contains("第 2 行 C 列 · 月份：月份为 1–12", page, StringComparison.Ordinal);
        Assert.Contains("第 3 行 E 列 · 能源消费量（吨标准煤）：“很多”不是数字", page, StringComparison.Ordinal);
        var banner = page.IndexOf("alert bad", StringComparison.Ordinal);
        Assert.DoesNotContain("month", page[banner..page.IndexOf("</div>", banner, StringComparison.Ordinal)], StringComparison.Ordinal);
    }
    // A sheet without the output column was refused with "outputWanYuan：文件缺少此列。": the field's key, and no word of
    // the header the sheet should have. It is named now by the template's header, with the names the sheet accepts.
    [Fact]
    public async Task EnergyStatisticsUpload_AColumnMissing_NamesItByTheTemplatesHeader()
    {
        using var regulator = await server.SignedInAsync("regulator");
        const string csv = "地区代码,年份,月份,月数,能源消费量（吨标准煤）\nNX-GY,2025,3,1,100\n";

        var page = await UploadAsync(regulator, "/Energy/Targets/Statistics", System.Text.Encoding.UTF8.GetBytes(csv), "统计.csv");

        Assert.Contains("第 1 行 · 地区生产总值（万元）：文件缺少“地区生产总值（万元）”列（或“outputWanYuan”列）。", page, StringComparison.Ordinal);
        Assert.DoesNotContain("outputWanYuan：", page, StringComparison.Ordinal);
    }
}
