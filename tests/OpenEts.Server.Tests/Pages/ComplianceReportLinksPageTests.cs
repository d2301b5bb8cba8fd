using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// An obligation is read from an approved emission report, and the pages say which: the company's own compliance and
/// the regulator's overview link each obligation to its report, and an approved report links to the compliance year
/// that reads it.
/// </summary>
public sealed partial class ComplianceReportLinksPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task Own_ApprovedEmissions_LinkToTheReportTheyAreRead_WhichLinksBack()
    {
        await server.ApproveDemoPlanAsync();

        var own = await server.PageAsync("power-a", "/Compliance/Own");
        var report = await server.PageAsync("power-a", ApprovedReport().Match(own).Groups[1].Value);

        // The 2017 report of the company, whose approved total is the figure the page shows (3,049,979.652 t).
        Assert.Contains("<dd>3,049,979.652 t", own, StringComparison.Ordinal);
        Assert.Contains("珠江示范发电有限公司 · 2017</h1>", report, StringComparison.Ordinal);
        Assert.Contains("id=\"total-approved\" data-tonnes=\"3049979.652\"", report, StringComparison.Ordinal);
        Assert.Contains("<a class=\"button secondary\" href=\"/Compliance/Own?jurisdiction=GD&year=2017\" id=\"compliance-link\">履约情况：广东试点 2017 年度</a>",
            report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_EachObligation_LinksToTheEntitysApprovedReport_WhichLinksBackToTheOverview()
    {
        await server.ApproveDemoPlanAsync();

        var overview = await server.PageAsync("regulator", "/Compliance/Overview");
        var links = OwedLink().Matches(overview);
        var steel = links.Single(l => l.Groups["owed"].Value == "2,048,060").Groups["report"].Value;
        var report = await server.PageAsync("regulator", steel);

        Assert.Equal(5, links.Count);
        Assert.Contains("韶关示范钢铁有限公司 · 2017</h1>", report, StringComparison.Ordinal);
        Assert.Contains("href=\"/Compliance/Overview?jurisdiction=GD&year=2017\" id=\"compliance-link\"", report, StringComparison.Ordinal);
    }

    [GeneratedRegex("<a id=\"approved-report\" href=\"(/Mrv/Report/\\d+)\">2017 年度排放报告</a>")]
    private static partial Regex ApprovedReport();

    [GeneratedRegex("<a class=\"approved-report\" href=\"(?<report>/Mrv/Report/\\d+)\" title=\"2017 年度排放报告\">(?<owed>[0-9,]+)</a>")]
    private static partial Regex OwedLink();
}
