using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Mrv;

/// <summary>
/// The pages name the grid regions of the electricity factors (南方区域电网, 广东) instead of showing their codes: the factor
/// library's grid table and corrections, a report's region, and the reduction calculators' region drop-downs, whose values
/// stay the codes.
/// </summary>
public sealed partial class MrvGridRegionPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Factors_TheGridTableAndAPublishedCorrection_NameTheRegionWithItsCodeBeside()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var published = await regulator.PostAsJsonAsync("/api/v1/mrv/factors", new
        {
            version = "2026.1-south", kind = "gridFactor", target = "south", year = 2023, value = 0.4042m,
            source = "MEE/NBS 公告2025年第47号", notes = "南方区域电网 2023",
        }, Ct);

        var chinese = WebUtility.HtmlDecode(await regulator.GetStringAsync("/Mrv/Factors", Ct));
        regulator.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var english = WebUtility.HtmlDecode(await regulator.GetStringAsync("/Mrv/Factors", Ct));

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("南方区域电网 south", RegionCell(Table(chinese, "grid"), "south"));
        Assert.Equal("广东 guangdong", RegionCell(Table(chinese, "grid"), "guangdong"));
        Assert.Equal("全国 national", RegionCell(Table(chinese, "grid"), "national"));
        Assert.Equal("南方区域电网 south", RegionCell(Table(chinese, "published"), "south"));
        Assert.Equal("China Southern grid south", RegionCell(Table(english, "grid"), "south"));
        Assert.Contains("<option value=\"south\">南方区域电网</option>", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("<td class=\"mono\">south</td>", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ASavedReportsRegion_IsNamedWithItsCodeBeside()
    {
        using var paper = await server.SignedInAsync("paper-a");
        using var saved = await paper.PostAsJsonAsync("/api/v1/mrv/reports", new
        {
            year = 2035, region = "south",
            lines = new[] { new { id = "L1", kind = "fuelCombustion", material = "raw-coal", amount = 100m, unit = "tonne" } },
            outputs = new[] { new { kind = "paper", amount = 200m, unit = "t", detail = "coated" } },
        }, Ct);
        var report = (await saved.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("report").GetInt64();

        var page = WebUtility.HtmlDecode(await paper.GetStringAsync($"/Mrv/Report/{report}", Ct));

        Assert.Contains("<strong>电网区域</strong> <span id=\"report-region\">南方区域电网 <span class=\"mono\">south</span></span>", page,
            StringComparison.Ordinal);
    }

    // A report saved for the southern grid, then corrected through the API without naming the region again: the save put it
    // back on Guangdong's grid (and its factor) without a word, as an upload's method was once lost by a form's save.
    [Fact]
    public async Task Report_CorrectedThroughTheApiWithoutARegion_KeepsTheRegionItWasSavedFor()
    {
        using var paper = await server.SignedInAsync("paper-a");
        var lines = new[] { new { id = "L1", kind = "fuelCombustion", material = "raw-coal", amount = 100m, unit = "tonne" } };
        var outputs = new[] { new { kind = "paper", amount = 200m, unit = "t", detail = "coated" } };
        using var first = await paper.PostAsJsonAsync("/api/v1/mrv/reports", new { year = 2036, region = "south", lines, outputs }, Ct);

        using var corrected = await paper.PostAsJsonAsync("/api/v1/mrv/reports", new { year = 2036, lines, outputs }, Ct);
        var report = (await corrected.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("report").GetInt64();
        var page = WebUtility.HtmlDecode(await paper.GetStringAsync($"/Mrv/Report/{report}", Ct));

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Contains("<span id=\"report-region\">南方区域电网 <span class=\"mono\">south</span></span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculators_TheGridRegionDropDowns_ShowTheRegionsNamesWithTheirCodesAsValues()
    {
        using var anonymous = server.CreateClient();

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/Energy/Calculators", Ct));

        var options = Options().Matches(page).Select(m => (Value: m.Groups[1].Value, Text: m.Groups[2].Value)).ToList();
        // The APU, boiler, PV and retrofit calculators each have one.
        Assert.Equal(4, options.Count(o => o == ("south", "南方区域电网")));
        Assert.Equal(4, options.Count(o => o == ("guangdong", "广东")));
        Assert.Equal(4, options.Count(o => o == ("national", "全国")));
        Assert.DoesNotContain(options, o => o.Text is "south" or "guangdong" or "national");
    }

    [Fact]
    public async Task Calculators_TheFuelDropDowns_ShowTheFuelsNamesWithTheirCodesAsValues()
    {
        using var anonymous = server.CreateClient();

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/Energy/Calculators", Ct));

        var options = FuelOptions().Matches(page).Select(m => (Value: m.Groups[1].Value, Text: m.Groups[2].Value)).ToList();
        // The boiler's baseline and new fuel, and the retrofit's fuel.
        Assert.Equal(3, options.Count(o => o == ("raw-coal", "原煤")));
        Assert.Equal(3, options.Count(o => o == ("natural-gas", "天然气")));
        Assert.DoesNotContain(options, o => o.Text is "raw-coal" or "natural-gas");
    }

    [Fact]
    public async Task Calculators_TheSocialCostOfCarbon_IsChosenByItsChineseName()
    {
        using var anonymous = server.CreateClient();

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/Energy/Calculators", Ct));

        // The APU, boiler, PV and retrofit calculators each offer the series.
        Assert.Equal(4, Regex.Count(page, Regex.Escape("<option value=\"us-seed-37\">美国政府碳排放社会成本（《节能减排信息动态》第 120 期转引） — 37 USD/t</option>")));
        Assert.Equal(4, Regex.Count(page, Regex.Escape("<option value=\"us-epa-2023\">美国环保署估计值（2023 年 11 月） — 190 USD/t</option>")));
        Assert.DoesNotContain("as quoted in the seed", page, StringComparison.Ordinal);
        // The series' table names them the same way, and the APU example cites the newsletter by name.
        Assert.Contains("<tr><td>美国环保署估计值（2023 年 11 月）</td>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"《节能减排信息动态》第 120 期（2017-09-01）：杭州机场 桥载设备替代 APU，3.18 kg CO2/kg 航油 (seed-excerpts.md line 18)\"", page, StringComparison.Ordinal);
    }

    private static string Table(string page, string id) =>
        Regex.Match(page, $"<table id=\"{id}\".*?</table>", RegexOptions.Singleline) is { Success: true } m ? m.Value
        : throw new InvalidOperationException($"no table #{id}");

    // The text of the first cell that holds the region's code, its tags removed.
    private static string RegionCell(string table, string code) =>
        Regex.Replace(Regex.Matches(table, "<td>(.*?)</td>").Select(m => m.Groups[1].Value)
            .First(c => c.Contains($"<span class=\"mono\">{code}</span>", StringComparison.Ordinal)), "<[^>]+>", "");

    [GeneratedRegex("<option value=\"([a-z]+)\"(?: selected=\"selected\")?>([^<]*)</option>")]
    private static partial Regex Options();

    [GeneratedRegex("<option value=\"([a-z]+-[a-z-]+)\"(?: selected=\"selected\")?>([^<]*)</option>")]
    private static partial Regex FuelOptions();
}
