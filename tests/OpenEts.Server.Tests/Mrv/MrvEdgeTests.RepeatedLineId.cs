using System.Net;
using System.Text.RegularExpressions;

namespace OpenEts.Server.Tests.Mrv;

public sealed partial class MrvEdgeTests
{
    [Fact]
    public async Task Edit_TwoLinesSharingAnId_ShowsEveryErrorOfTheRepeatedLineUnderItAndNoneUnderTheOther()
    {
        using var cement = await server.SignedInAsync("cement-a");

        using var saved = await PostAsync(cement, "/Mrv/Edit", "Save", new()
        {
            ["Input.Year"] = "2031",
            ["Input.Lines[0].Id"] = "L1", ["Input.Lines[0].Kind"] = "fuel-combustion", ["Input.Lines[0].Material"] = "raw-coal",
            ["Input.Lines[0].Amount"] = "10", ["Input.Lines[0].Unit"] = "t",
            ["Input.Lines[1].Id"] = "L1", ["Input.Lines[1].Kind"] = "fuel-combustion", ["Input.Lines[1].Material"] = "peat",
            ["Input.Lines[1].Amount"] = "-5", ["Input.Lines[1].Unit"] = "t",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = WebUtility.HtmlDecode(await cement.GetStringAsync("/Mrv/Edit?year=2031", Ct));

        var first = LineNote().Match(page[page.IndexOf("id=\"line-row-0\"", StringComparison.Ordinal)..]).Groups[1].Value;
        var second = LineNote().Match(page[page.IndexOf("id=\"line-row-1\"", StringComparison.Ordinal)..]).Groups[1].Value;
        Assert.DoesNotContain("重复", first, StringComparison.Ordinal);
        Assert.Contains("排放源行编号重复", second, StringComparison.Ordinal);
        Assert.Contains("数量为负数（-5）", second, StringComparison.Ordinal);
        Assert.Contains("的物料“peat”", second, StringComparison.Ordinal);
    }

    [GeneratedRegex("<td class=\"line-note\">(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex LineNote();
}
