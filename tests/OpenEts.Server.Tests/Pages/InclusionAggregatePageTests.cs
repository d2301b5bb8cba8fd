using System.Globalization;
using System.Net;
using OpenEts.Application.Demo;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// The aggregation page (减排量汇总) as the PHCER project's owner uses it on the demo data: a period under 1 t is shown as
// such before filing and refused with the rule when filed; the period the page opens on holds the demo's three weeks and
// is filed.
public sealed class InclusionAggregatePageTests(OneYearServer server) : IClassFixture<OneYearServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AggregatePage_RefusesADayUnderOneTonneAndFilesTheDemosThreeWeeks()
    {
        var today = DemoWithinOneYear(server);
        var yesterday = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var owner = await server.SignedInAsync("cement-a");
        var session = await PageSession.SignInAsync(server, "cement-a");

        var day = WebUtility.HtmlDecode(await owner.GetStringAsync(
            new Uri($"/Inclusion/Aggregate?Programme=guangdong-tanpuhui&PeriodStart={yesterday}&PeriodEnd={yesterday}", UriKind.Relative), Ct));
        var refused = await session.PostAsync(new PageForm("aggregate", "cement-a", "/Inclusion/Aggregate", "",
            [new("Programme", "guangdong-tanpuhui"), new("PeriodStart", yesterday), new("PeriodEnd", yesterday)]), null);
        var opened = WebUtility.HtmlDecode(await owner.GetStringAsync(new Uri("/Inclusion/Aggregate?Programme=guangdong-tanpuhui", UriKind.Relative), Ct));
        var start = Hidden(opened, "PeriodStart");
        var end = Hidden(opened, "PeriodEnd");
        var filed = await session.PostAsync(new PageForm("aggregate", "cement-a", "/Inclusion/Aggregate", "",
            [new("Programme", "guangdong-tanpuhui"), new("PeriodStart", start), new("PeriodEnd", end)]), null);
        var twice = await session.PostAsync(new PageForm("aggregate", "cement-a", "/Inclusion/Aggregate", "",
            [new("Programme", "guangdong-tanpuhui"), new("PeriodStart", start), new("PeriodEnd", end)]), null);

        Assert.Contains("id=\"under-minimum\"", day, StringComparison.Ordinal);
        // The refusals name what they found, as the English ones do: the kilograms counted, the period and its report.
        Assert.Matches(@"该期间计入的减排量（[\d,]+(\.\d+)? 千克）不足 1 吨", WebUtility.HtmlDecode(refused.Body));
        Assert.Matches($@"{start} 至 {end} 已汇总（监测报告 \d+），汇总期间不得重叠", WebUtility.HtmlDecode(twice.Body));
        Assert.DoesNotContain("id=\"filed\"", refused.Body, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(today.Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), start);
        Assert.DoesNotContain("id=\"under-minimum\"", opened, StringComparison.Ordinal);
        Assert.Contains("id=\"filed\"", filed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AggregatePage_SumRowAddsTheCoinsAndCountsEachCitizenOnceAndShowsKilogramsToTheGram()
    {
        var today = DemoWithinOneYear(server);
        var from = new DateOnly(today.Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var owner = await server.SignedInAsync("cement-a");

        var page = WebUtility.HtmlDecode(await owner.GetStringAsync(
            new Uri($"/Inclusion/Aggregate?Programme=guangdong-tanpuhui&PeriodStart={from}&PeriodEnd={to}", UriKind.Relative), Ct));
        var rows = System.Text.RegularExpressions.Regex.Matches(page,
            "<tr><td>[^<]+</td><td class=\"num\">[\\d,]+</td><td class=\"num\">([\\d,.]+)</td><td class=\"num\">([\\d,]+)</td><td class=\"num\">([\\d,]+)</td></tr>");

        // citizen-gz rides the metro and citizen-fs the bus, reads a meter and a PV meter, and the ten of Guangdong's crowd
        // ride the metro or the bus, some reading a meter too: twelve citizens in all, each counted once although most of
        // them are in two behaviours' rows.
        Assert.True(rows.Count >= 3, $"{rows.Count} behaviours");
        // Counts are grouped by thousands, as the kilograms are (2,482 coins, not 2482).
        Assert.Equal(rows.Sum(r => Whole(r.Groups[2].Value)).ToString("N0", CultureInfo.InvariantCulture), Cell(page, "total-coins"));
        Assert.True(rows.Sum(r => Whole(r.Groups[3].Value)) > 2 + DemoInclusion.CrowdSize, "the rows count some citizens twice");
        Assert.Equal((2 + DemoInclusion.CrowdSize).ToString(CultureInfo.InvariantCulture), Cell(page, "total-citizens"));
        Assert.All(rows, r => Assert.Matches(@"\.\d{3}$", r.Groups[1].Value));
        Assert.Matches(@"^[\d,]+\.\d{3}$", Cell(page, "total-kg"));
        // The programme list names the programme, as the other inclusion pages do, with its code as the value.
        Assert.Contains("<option value=\"guangdong-tanpuhui\" selected=\"selected\">广东省碳普惠平台</option>", page, StringComparison.Ordinal);
    }

    private static long Whole(string grouped) => long.Parse(grouped, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [Fact]
    public async Task AggregatePage_ForACompanyThatDoesNotOperateTheProgramme_SaysSoAndShowsNoFigures()
    {
        using var other = await server.SignedInAsync("power-a");
        using var owner = await server.SignedInAsync("cement-a");

        var page = WebUtility.HtmlDecode(await other.GetStringAsync(new Uri("/Inclusion/Aggregate?Programme=guangdong-tanpuhui", UriKind.Relative), Ct));
        var own = WebUtility.HtmlDecode(await owner.GetStringAsync(new Uri("/Inclusion/Aggregate?Programme=guangdong-tanpuhui", UriKind.Relative), Ct));

        Assert.Contains("id=\"not-overseen\">该计划由其他机构运营", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"totals\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"aggregate-form\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"totals\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"not-overseen\"", own, StringComparison.Ordinal);
    }

    private static string Cell(string page, string id) =>
        System.Text.RegularExpressions.Regex.Match(page, $"id=\"{id}\"[^>]*>([^<]*)<").Groups[1].Value;

    /// <summary>
    /// The server's Beijing time. Its demo's three weeks lie in one year: in the first month of a year the server's clock was
    /// moved past them before it started (<see cref="OneYearServer"/>).
    /// </summary>
    internal static DateTimeOffset DemoWithinOneYear(OneYearServer server) => server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));

    private static string Hidden(string page, string name) =>
        System.Text.RegularExpressions.Regex.Match(page, $"type=\"hidden\" name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value;
}
