using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Localization;

// Pages name things in the reader's language: a material by its name beside its code, a column by a translated header,
// and an English list or label punctuated in English (no 、 or ： in the English UI).
public sealed partial class PageWordsTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MrvReport_NamesEachLinesMaterialBesideItsCode()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var list = await regulator.GetStringAsync(new Uri("/Mrv", UriKind.Relative), Ct);
        var report = ReportLink().Match(list).Groups[1].Value;

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri("/Mrv/Report/" + report, UriKind.Relative), Ct));

        Assert.Contains("<td class=\"material\">原煤 <span class=\"mono\">raw-coal</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MrvDeadlines_NameTheJurisdictionBesideItsCode()
    {
        using var company = await server.SignedInAsync("power-a");

        var list = WebUtility.HtmlDecode(await company.GetStringAsync(new Uri("/Mrv", UriKind.Relative), Ct));
        var table = WebUtility.HtmlDecode(await company.GetStringAsync(new Uri("/Mrv/Deadlines", UriKind.Relative), Ct));

        Assert.Contains("<tr><td>广东 (guangdong)</td><td>2017</td>", list, StringComparison.Ordinal);
        Assert.Contains("<td class=\"mono\">广东 (guangdong)</td><td>2017</td>", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokensPage_InChinese_NamesTheScopeAndWhenATokenWasMade()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var made = await regulator.PostAsJsonAsync("/api/v1/tokens", new { name = "月报导出", scope = "read" }, Ct);

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri("/Account/Tokens", UriKind.Relative), Ct));

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.Matches(@"<span class=""rule-note scope"">只读</span>\s*<span class=""rule-note created"">创建于 <span class=""nowrap"">\d{4}-\d{2}-\d{2}</span>", page);
        Assert.DoesNotContain("Created", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnergyMonitoring_InEnglish_ListsFlagsWithCommasAndLabelsWithAColon()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var english = await regulator.GetAsync(new Uri("/lang/en?returnUrl=%2F", UriKind.Relative), Ct);

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri("/Energy/Monitoring", UriKind.Relative), Ct));
        var unit = UnitLink().Match(page).Groups[1].Value;
        var detail = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri("/Energy/Monitoring/Unit?id=" + unit, UriKind.Relative), Ct));
        var flags = Flags().Matches(page).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains(flags, f => f.Contains(", ", StringComparison.Ordinal));
        Assert.DoesNotContain(flags, f => f.Contains('、', StringComparison.Ordinal));
        Assert.Contains("<p>Region: ", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Region：", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InclusionCodesAndMerchants_NameProgrammesAndItemsNotTheirCodes()
    {
        using var citizen = await server.SignedInAsync("citizen-fz");
        using var merchant = await server.SignedInAsync("paper-a");

        var me = WebUtility.HtmlDecode(await citizen.GetStringAsync(new Uri("/Inclusion/Me", UriKind.Relative), Ct));
        var shop = WebUtility.HtmlDecode(await merchant.GetStringAsync(new Uri("/Inclusion/Merchants", UriKind.Relative), Ct));
        var item = ItemCell().Match(me);

        Assert.True(item.Success, "the citizen's codes list the movie ticket");
        Assert.NotEqual("movie-ticket", item.Groups[1].Value);
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", item.Groups[1].Value);
        Assert.DoesNotContain("· fuzhou-lvbao</span>", shop, StringComparison.Ordinal);
        Assert.DoesNotContain("movie-ticket</p>", shop, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnergyTargetsAndAccountability_InEnglish_JoinPollutantsAndConsequencesWithSemicolonsNotChineseOnes()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var chineseTargets = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri("/Energy/Targets", UriKind.Relative), Ct));
        using var english = await regulator.GetAsync(new Uri("/lang/en?returnUrl=%2F", UriKind.Relative), Ct);

        var targets = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri("/Energy/Targets", UriKind.Relative), Ct));
        var accountability = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri("/Energy/Targets/Accountability?year=2025", UriKind.Relative), Ct));
        var pollutants = Pollutants().Match(targets).Groups[1].Value;
        var consequences = Consequences().Matches(accountability).Select(m => m.Groups[1].Value).Where(c => c.Length > 0).ToList();

        Assert.Contains("; NOx −10 % (", pollutants, StringComparison.Ordinal);
        Assert.DoesNotContain('；', pollutants);
        Assert.NotEmpty(consequences);
        Assert.Contains(consequences, c => c.Contains("; ", StringComparison.Ordinal));
        Assert.DoesNotContain(consequences, c => c.Contains('；', StringComparison.Ordinal));
        Assert.Contains("；氮氧化物 −10 % (", Pollutants().Match(chineseTargets).Groups[1].Value, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-item=\"movie-ticket\"[^>]*>.*?<td class=\"item\">([^<]*?)\\s*<", RegexOptions.Singleline)]
    private static partial Regex ItemCell();

    [GeneratedRegex("href=\"/Mrv/Report/([0-9]+)\"")]
    private static partial Regex ReportLink();

    [GeneratedRegex("href=\"/Energy/Monitoring/Unit\\?id=([0-9]+)\"")]
    private static partial Regex UnitLink();

    [GeneratedRegex("<td class=\"flags\">([^<]*)</td>")]
    private static partial Regex Flags();

    [GeneratedRegex("(?:Pollutant totals: early warning|污染物排放总量晴雨表): ([^<]*)</p>")]
    private static partial Regex Pollutants();

    [GeneratedRegex("<td(?: class=\"consequences\")?>([^<]*)</td></tr>")]
    private static partial Regex Consequences();
}
