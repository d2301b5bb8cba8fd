using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Api;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Allocation;

/// <summary>
/// The regulator excludes an abnormal historical year from an entity's history basis on the allocation page or through
/// the API: the year must be one of the approved plan's history years (Guangdong 2017: 2014–2016, one exclusion
/// [UNCONFIRMED]), and the record is listed with its years.
/// </summary>
public sealed class AllocationExclusionTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string Paper = "91440600MA5CY1004T";

    private static readonly int[] TwoYears = [2014, 2015], OwnYear = [2016];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Form(string years, string reference) => new()
    {
        ["jurisdiction"] = "guangdong", ["year"] = "2017", ["Circumstance.Organisation"] = Paper, ["Circumstance.Kind"] = "HistoryExclusion",
        ["Circumstance.ExcludedYears"] = years, ["Circumstance.Reference"] = reference,
    };

    [Fact]
    public async Task HistoryExclusion_OnThePageAndTheApi_IsCheckedAgainstThePlansHistoryYearsAndListed()
    {
        using var regulator = await CookieBrowser.SignInAsync(server, "regulator");
        using var api = await server.SignedInAsync("regulator");
        using var company = await server.SignedInAsync("paper-a");
        using var approve = await regulator.PostFormAsync("/Allocation", "/Allocation?handler=Approve",
            new Dictionary<string, string> { ["plan"] = "guangdong-2017", ["version"] = "1" });

        using var outside = await regulator.PostFormAsync("/Allocation", "/Allocation?handler=Circumstance", Form("2013", "检修（演示）"));
        var outsideHtml = await outside.Content.ReadAsStringAsync(Ct);
        using var recorded = await regulator.PostFormAsync("/Allocation", "/Allocation?handler=Circumstance", Form("2015", "2015 年大修（演示）"));
        using var tooMany = await api.PostAsJsonAsync("/api/v1/allocation/guangdong/2017/circumstances",
            new { organisation = Paper, kind = "HistoryExclusion", reference = "两年", excludedYears = TwoYears }, Ct);
        var tooManyBody = await tooMany.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var byCompany = await company.PostAsJsonAsync("/api/v1/allocation/guangdong/2017/circumstances",
            new { organisation = Paper, kind = "HistoryExclusion", reference = "own", excludedYears = OwnYear }, Ct);
        var listed = await api.GetFromJsonAsync<JsonElement>("/api/v1/allocation/guangdong/2017/circumstances", Ct);
        var page = await regulator.GetStringAsync("/Allocation?jurisdiction=guangdong&year=2017");

        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Contains("id=\"circ-excluded-error\"", outsideHtml, StringComparison.Ordinal);
        // In the page's language, with the year typed and the plan's own years (rule.NotAHistoryYear.figures).
        Assert.Contains("2013 年不是方案的历史基准年（2014, 2015, 2016）", WebUtility.HtmlDecode(outsideHtml), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.True(tooManyBody.GetProperty("errors").TryGetProperty("excludedYears", out _), tooManyBody.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, byCompany.StatusCode);
        var only = Assert.Single(listed.EnumerateArray());
        Assert.Equal("historyExclusion", only.GetProperty("kind").GetString());
        Assert.Equal([2015], only.GetProperty("excludedYears").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Contains($"data-code=\"{Paper}\" data-kind=\"HistoryExclusion\"", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"excluded-years\">2015</td>", page, StringComparison.Ordinal);
    }
}
