using System.Net;
using OpenEts.Server.Tests.Api;
using OpenEts.Server.Tests.Infrastructure;
using OpenEts.Server.Tests.Pages;

namespace OpenEts.Server.Tests.Allocation;

/// <summary>
/// A pre-allocation run before the plan is approved is refused in Chinese. It has a server of its own: on a server that
/// another test has already approved the plan on, the refusal could not happen, whatever order the tests run in.
/// </summary>
public sealed class PreAllocationBeforeApprovalTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PreAllocation_BeforeAndAfterApproval_RefusesInChineseThenNamesStepsAndJurisdictionInWords()
    {
        using var regulator = await CookieBrowser.SignInAsync(server, "regulator");
        using var cement = await server.SignedInAsync("cement-a");

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync("/Allocation?jurisdiction=guangdong&year=2017"));
        using var early = await regulator.PostFormAsync("/Allocation", "/Allocation?handler=Pre",
            new Dictionary<string, string> { ["jurisdiction"] = "guangdong", ["year"] = "2017" });
        var refused = WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync(Ct));
        var own = await AllocationChinesePagesTests.ApprovedAndPreAllocatedAsync(regulator, cement);
        var approved = await regulator.GetStringAsync("/Allocation?jurisdiction=guangdong&year=2017");

        Assert.Contains("年度：该年度没有已批准的分配方案，请先批准方案", refused, StringComparison.Ordinal);
        // Before, the page offered the run's buttons though the run would be refused: it now says why where they would be.
        Assert.Contains("<p class=\"note\" id=\"run-refused\">年度：该年度没有已批准的分配方案，请先批准方案</p>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"run-pre\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"run-pre\"", approved, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"run-refused\"", approved, StringComparison.Ordinal);
        Assert.DoesNotContain("no approved plan", refused, StringComparison.Ordinal);
        Assert.Contains("<span id=\"jurisdiction\">广东 2017</span>", own, StringComparison.Ordinal);
        Assert.Contains("class=\"step\">熟料生产 (clinker)</td>", own, StringComparison.Ordinal);
        Assert.Contains("class=\"step\">预分配</td>", own, StringComparison.Ordinal);
        Assert.Contains("class=\"step\">免费配额</td>", own, StringComparison.Ordinal);
    }
}
