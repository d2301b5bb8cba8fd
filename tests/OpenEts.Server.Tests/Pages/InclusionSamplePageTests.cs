using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// The verifier's sample page (核查抽样) on the demo's Guangdong weeks: the sample's findings are recorded in one form,
// every bad row named at once and nothing saved until all read, then the rest confirmed in one submit and verified.
public sealed partial class InclusionSamplePageTests(OneYearServer server) : IClassFixture<OneYearServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SamplePage_RecordsEveryFindingInOneFormAndNamesEachBadRowTogether()
    {
        var aggregation = await FileTheDemosWeeksAsync();
        var verifier = await PageSession.SignInAsync(server, "verifier");
        var url = $"/Inclusion/Sample?id={aggregation}";
        await verifier.PostAsync(new PageForm("draw", "verifier", $"/Inclusion/Sample?handler=Draw&id={aggregation}", "", [new("Id", aggregation)]), null);
        using var reader = await server.SignedInAsync("verifier");
        var drawn = WebUtility.HtmlDecode(await reader.GetStringAsync(new Uri(url, UriKind.Relative), Ct));
        var size = EventRow().Count(drawn);
        // Verified before every sampled event has a finding: refused, and the opinion typed is still in its field.
        var early = await verifier.PostAsync(new PageForm("verify", "verifier", $"/Inclusion/Sample?handler=Verify&id={aggregation}", "",
            [new("Id", aggregation), new("opinion", "抽样尚未核完时写下的意见")]), null);

        var findings = new PageForm("findings", "verifier", $"/Inclusion/Sample?handler=Findings&id={aggregation}", "",
        [
            new("Id", aggregation),
            new("Findings[0].Ordinal", "1"), new("Findings[0].Finding", "notSupported"), new("Findings[0].Reason", ""),
            new("Findings[1].Ordinal", "2"), new("Findings[1].Finding", "notSupported"), new("Findings[1].Reason", ""),
            new("Findings[2].Ordinal", "3"), new("Findings[2].Finding", "confirmed"), new("Findings[2].Reason", ""),
        ]);
        var refused = await verifier.PostAsync(findings, null);
        var saved = await verifier.PostAsync(findings.With("Findings[0].Reason", "合作方无此刷卡记录").With("Findings[1].Finding", "confirmed").With("rest", "confirmed"), null);
        var verified = await verifier.PostAsync(new PageForm("verify", "verifier", $"/Inclusion/Sample?handler=Verify&id={aggregation}", "",
            [new("Id", aggregation), new("opinion", "抽样核查：1 条不属实，推算误差低于可容忍误差")]), null);
        var aggregations = WebUtility.HtmlDecode(await reader.GetStringAsync(new Uri("/Inclusion/Aggregate?Programme=guangdong-tanpuhui", UriKind.Relative), Ct));
        var row = Regex.Match(aggregations, $"<tr id=\"aggregation-{aggregation}\">.*?</tr>", RegexOptions.Singleline).Value;

        Assert.True(size > 3, $"the demo's sample holds {size} events");
        Assert.Contains("id=\"save-findings\"", drawn, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"verified\"", early.Body, StringComparison.Ordinal);
        Assert.Matches("<textarea name=\"opinion\" id=\"opinion\"[^>]*>抽样尚未核完时写下的意见</textarea>", early.Body);
        Assert.Contains("抽样事件 1 · 原因：请填写原因", refused.Body, StringComparison.Ordinal);
        Assert.Contains("抽样事件 2 · 原因：请填写原因", refused.Body, StringComparison.Ordinal);
        Assert.Matches("id=\"finding-1-notSupported\"[^>]*checked", refused.Body);
        Assert.Contains($"0 / {size}", Checked(refused.Body), StringComparison.Ordinal);
        Assert.Contains($"已保存 {size} 条结论", saved.Body, StringComparison.Ordinal);
        Assert.Contains($"{size} / {size}", Checked(saved.Body), StringComparison.Ordinal);
        Assert.Contains("合作方无此刷卡记录", saved.Body, StringComparison.Ordinal);
        Assert.Contains("id=\"verified\"", verified.Body, StringComparison.Ordinal);
        Assert.Contains($"已核证（样本 {size} 条）", row, StringComparison.Ordinal);
        Assert.Matches("href=\"/Offsets/Project\\?id=\\d+#report-\\d+\" class=\"to-report\"", row);
        Assert.Contains("已核证</span>", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SamplePageAndApi_ForAVerifierOfAnotherBodyThanTheOneThatDrewIt_SayItIsNotTheirsRatherThanNotDrawn()
    {
        var aggregation = await FileTheDemosWeeksAsync();
        var verifier = await PageSession.SignInAsync(server, "verifier");
        await verifier.PostAsync(new PageForm("draw", "verifier", $"/Inclusion/Sample?handler=Draw&id={aggregation}", "", [new("Id", aggregation)]), null);
        using var other = await OtherVerifierAsync();
        using var regulator = await server.SignedInAsync("regulator");

        var page = WebUtility.HtmlDecode(await other.GetStringAsync(new Uri($"/Inclusion/Sample?id={aggregation}", UriKind.Relative), Ct));
        var read = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri($"/Inclusion/Sample?id={aggregation}", UriKind.Relative), Ct));
        using var api = await other.GetAsync(new Uri($"/api/v1/inclusion/aggregations/{aggregation}/sample", UriKind.Relative), Ct);
        using var notDrawn = await other.GetAsync(new Uri($"/api/v1/inclusion/aggregations/{aggregation + 1000}/sample", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("aggregation", "SampleOtherVerifier"), (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
        Assert.Contains("另一核查机构", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, notDrawn.StatusCode);
        Assert.Contains("id=\"not-yours\">汇总：该汇总由另一核查机构核查</div>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"not-drawn\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"draw-submit\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"sample-facts\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"sample-facts\"", read, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"not-yours\"", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrailPage_AnIdThatIsNoNumberBesideAReport_IsNamedAsTyped_AndTheReportsAggregationShown()
    {
        var aggregation = await FileTheDemosWeeksAsync();
        using var regulator = await server.SignedInAsync("regulator");
        var byId = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri($"/Inclusion/Trail?id={aggregation}", UriKind.Relative), Ct));
        var report = Regex.Match(byId, "id=\"trail-report\">\\s*(?:<a [^>]*>)?(\\d+)").Groups[1].Value;

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri($"/Inclusion/Trail?id=abc&report={report}", UriKind.Relative), Ct));

        Assert.NotEmpty(report);
        Assert.Contains($"汇总编号：“abc”不是数字；现显示：汇总 {aggregation}", page, StringComparison.Ordinal);
        Assert.Contains($"<h1>审计追溯 · 汇总 {aggregation}</h1>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"trail-phcer\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"address-error\"", byId, StringComparison.Ordinal);
    }

    // A verifier of a verification body other than the demo's one (signed in as verifier-b), added once to the server.
    private async Task<HttpClient> OtherVerifierAsync()
    {
        var store = server.Services.GetRequiredService<IStore>();
        if (await store.ReadAsync(s => s.Users.FindByNameAsync("verifier-b"), Ct) is null)
        {
            const string First17 = "91440101MA5CY0009";
            var code = CreditCode.Parse(First17 + CreditCode.CheckCharacter(First17)).Code;
            var hash = server.Services.GetRequiredService<IPasswordHashing>().Hash(ServerFactory.Password);
            var now = server.Clock.GetUtcNow();
            await store.WriteAsync(async s =>
            {
                var body = await s.Organisations.InsertAsync(
                    new Organisation(0, code, "另一碳核查有限公司（测试）", OrganisationKind.Verifier, Sector.Other, "广州市", CoverageStatus.Covered), now);
                return await s.Users.InsertAsync(new UserRecord(0, "verifier-b", "另一核查员", Role.Verifier, body.Id, hash, 0, null), now);
            }, Ct);
        }
        return await server.SignedInAsync("verifier-b");
    }

    // Files the demo's Guangdong weeks (more than 1 t) as cement-a, the PHCER project's owner, unless this server has filed
    // them already; returns the aggregation's id.
    private Task<string> FileTheDemosWeeksAsync() => FileTheDemosWeeksAsync(server);

    internal static async Task<string> FileTheDemosWeeksAsync(OneYearServer server)
    {
        InclusionAggregatePageTests.DemoWithinOneYear(server);
        using var owner = await server.SignedInAsync("cement-a");
        var opened = WebUtility.HtmlDecode(await owner.GetStringAsync(new Uri("/Inclusion/Aggregate?Programme=guangdong-tanpuhui", UriKind.Relative), Ct));
        if (AggregationRow().Matches(opened) is { Count: > 0 } filedBefore)
        {
            return filedBefore[^1].Groups[1].Value;
        }
        var session = await PageSession.SignInAsync(server, "cement-a");
        var filed = await session.PostAsync(new PageForm("aggregate", "cement-a", "/Inclusion/Aggregate", "",
            [new("Programme", "guangdong-tanpuhui"), new("PeriodStart", Hidden(opened, "PeriodStart")), new("PeriodEnd", Hidden(opened, "PeriodEnd"))]), null);
        Assert.Contains("id=\"filed\"", filed.Body, StringComparison.Ordinal);
        return AggregationRow().Matches(filed.Body)[^1].Groups[1].Value;
    }

    private static string Checked(string page) => CheckedCell().Match(page).Groups[1].Value;

    private static string Hidden(string page, string name) =>
        Regex.Match(page, $"type=\"hidden\" name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value;

    [GeneratedRegex("<tr id=\"event-\\d+\"")]
    private static partial Regex EventRow();

    [GeneratedRegex("<tr id=\"aggregation-(\\d+)\"")]
    private static partial Regex AggregationRow();

    [GeneratedRegex("<dd id=\"checked\">([^<]*)</dd>")]
    private static partial Regex CheckedCell();
}
