using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;
using OpenEts.Server.Tests.Pages;

namespace OpenEts.Server.Tests.Market;

// The statistics import's refusals on the Chinese page name the cell as typed and the limit it breaks. Before, a row said
// only 不是数字 or 超出允许的范围 — the same words for a negative volume and for an average price with three decimals —
// so the operator had to open the file to find which value was meant.
public sealed class StatisticsImportMessagesPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task Import_BadCells_NameTheValueTypedAndTheLimitBroken()
    {
        var session = await PageSession.SignInAsync(server, "exchange");
        var csv = string.Join("\n",
            "市场,产品,截止日期,累计成交量(吨),累计成交金额(万元),平均价(元/吨),来源",
            "湖北,,2017-08-31,abc,1000,10,文字",
            "深圳,,2017-13-40,1000,1,10,坏日期",
            "上海,,2017-08-31,-5,1,10,负数",
            "北京,,2017-08-31,1000,100,14.675,三位小数");

        var result = await session.UploadAsync("/Market/Statistics", "Upload", "stat.csv", Encoding.UTF8.GetBytes(csv), []);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var rows = Regex.Matches(Regex.Match(result.Body, "<table id=\"import-errors\">.*?</table>", RegexOptions.Singleline).Value,
            "<tr><td>stat.csv</td>.*?</tr>", RegexOptions.Singleline).Select(m => Regex.Replace(m.Value, "<[^>]+>", " ")).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains("“abc”不是数字", rows[0], StringComparison.Ordinal);
        Assert.Contains("“2017-13-40”不是日期", rows[1], StringComparison.Ordinal);
        Assert.Contains("须在 0 至 1000000000000 之间", rows[2], StringComparison.Ordinal);
        Assert.Contains("Precision", rows[3], StringComparison.Ordinal);
        Assert.Contains("“14.675”最多保留 2 位小数", rows[3], StringComparison.Ordinal);
    }
}
