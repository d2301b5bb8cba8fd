using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Api;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Allocation;

/// <summary>
/// An entity's allocation is computed from its approved emission reports, and its page says which: the final allocation
/// links to the year's approved report, the pre-allocation to the year before's.
/// </summary>
public sealed partial class AllocationReportLinksPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static Dictionary<string, string> Year() => new() { ["jurisdiction"] = "guangdong", ["year"] = "2017" };

    [Fact]
    public async Task Entity_EachStage_LinksToTheApprovedReportItIsComputedFrom()
    {
        using var regulator = await CookieBrowser.SignInAsync(server, "regulator");
        using var approve = await regulator.PostFormAsync("/Allocation", "/Allocation?handler=Approve",
            new Dictionary<string, string> { ["plan"] = "guangdong-2017", ["version"] = "1" });
        using var pre = await regulator.PostFormAsync("/Allocation", "/Allocation?handler=Pre", Year());
        using var trueUp = await regulator.PostFormAsync("/Allocation", "/Allocation?handler=TrueUp", Year());

        var entity = await server.PageAsync("cement-a", "/Allocation/Entity?jurisdiction=guangdong&year=2017");
        var final = BasisLink().Matches(entity).Single(m => m.Groups["year"].Value == "2017").Groups["report"].Value;
        var previous = BasisLink().Matches(entity).Single(m => m.Groups["year"].Value == "2016").Groups["report"].Value;
        var finalReport = await server.PageAsync("cement-a", final);
        var previousReport = await server.PageAsync("cement-a", previous);

        // The final allocation reads the 2017 report's approved output, the pre-allocation the 2016 report's.
        Assert.Matches("id=\"stage-final\">.*?href=\"" + Regex.Escape(final) + "\"", Regex.Replace(entity, "\\s+", " "));
        Assert.Contains("北江示范水泥有限公司 · 2017</h1>", finalReport, StringComparison.Ordinal);
        Assert.Contains("北江示范水泥有限公司 · 2016</h1>", previousReport, StringComparison.Ordinal);
    }

    [GeneratedRegex("<a class=\"basis-report\" href=\"(?<report>/Mrv/Report/\\d+)\">依据：(?<year>\\d{4}) 年度排放报告</a>")]
    private static partial Regex BasisLink();
}
