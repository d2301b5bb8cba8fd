using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// A chart is a picture to a screen reader: under each, a closed "图表数据（表格）" holds the same figures as a table, one row
// a category and one column a series.
public sealed class ChartTablePageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DisclosurePage_EachChartsFigures_AreATableUnderIt()
    {
        using var anonymous = server.CreateClient();

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/Disclosure", UriKind.Relative), Ct));

        foreach (var (chart, table) in new[] { ("chart-trend", "trend-figures"), ("chart-sector", "sector-figures") })
        {
            var spec = JsonDocument.Parse(Regex.Match(page, $"<script type=\"application/json\" id=\"{chart}\">(.*?)</script>", RegexOptions.Singleline)
                .Groups[1].Value).RootElement;
            var categories = spec.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToList();
            var series = spec.GetProperty("series").EnumerateArray().ToList();
            Assert.NotEmpty(categories);
            // Each row: the category, then each series' figure (or "—" for none), as the chart draws them.
            var expected = categories.Select((c, i) => c + "|" + string.Join("|", series.Select(s => s.GetProperty("data")[i] is { ValueKind: JsonValueKind.Number } v
                ? v.GetDecimal().ToString("#,0.###", CultureInfo.InvariantCulture) : "—"))).ToList();
            var body = Regex.Match(page, $"<table class=\"registry\" id=\"{table}\">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
            var rows = Regex.Matches(body, "<tr>(.*?)</tr>", RegexOptions.Singleline)
                .Select(r => string.Join("|", Regex.Matches(r.Groups[1].Value, "<t[hd][^>]*>([^<]*)</t[hd]>").Select(m => m.Groups[1].Value))).ToList();
            Assert.Equal(expected, rows);
            Assert.Contains("（tCO2）</caption>", Regex.Match(page, $"<table class=\"registry\" id=\"{table}\">.*?</caption>", RegexOptions.Singleline).Value,
                StringComparison.Ordinal);
        }
    }
}
