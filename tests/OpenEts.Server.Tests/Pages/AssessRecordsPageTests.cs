using System.Net;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// The year's assessment records on /Energy/Targets/Assess list each scored area by the name the scoring form gives it
/// (目标责任 5: …); they listed its code (responsibility 5: …), which the form shows nowhere.
/// </summary>
public sealed partial class AssessRecordsPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AssessPage_TheDemosScoredCities_NameEachScoredAreaAsTheFormDoes()
    {
        using var regulator = await server.SignedInAsync("regulator");

        var page = await regulator.GetStringAsync("/Energy/Targets/Assess?Unit=NX-YC&Year=2025", Ct);

        var start = page.IndexOf("id=\"assessments\"", StringComparison.Ordinal);
        var records = Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(page[start..page.IndexOf("</table>", start, StringComparison.Ordinal)], "")), " ");
        Assert.Matches(@"目标责任 \d+(\.\d+)?:", records);
        Assert.Matches(@"节能管理与服务 \d+(\.\d+)?:", records);
        Assert.DoesNotContain("responsibility", records, StringComparison.Ordinal);
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
