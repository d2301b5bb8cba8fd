using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// The public statistics after two Guangdong periods are filed as PHCER: the demo's, which covers its two citizens and
// the ten of its crowd, is published; a later one, in which a single new citizen's rooftop reached the 1 t a period
// needs, covers fewer than the minimum group of 5, so its actions and tonnes are withheld, and so is the PHCER total.
public sealed class InclusionPublicAggregationsPageTests(OneYearServer server) : IClassFixture<OneYearServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TotalsPage_PeriodOfFewerCitizensThanTheMinimumGroup_WithholdsItsActionsAndTonnes()
    {
        var today = InclusionAggregatePageTests.DemoWithinOneYear(server);
        long demoPeriod;
        using (var owner = await server.SignedInAsync("cement-a"))
        {
            demoPeriod = await FileAsync(owner, new DateOnly(today.Year, 1, 1), DateOnly.FromDateTime(today.DateTime));
            var shown = await TotalsPageAsync();
            var demoRow = Row(shown, demoPeriod);
            Assert.DoesNotContain("少于 5 人，不公开", demoRow, StringComparison.Ordinal);
            Assert.DoesNotMatch("id=\"totals-phcer\">少于 5 人，不公开<", shown);
        }

        // A month later, past every demo action (and, from December, in the next year: GD0001's crediting period runs on): one new citizen's 30 kW-class rooftop, 380 kWh a day for five days.
        server.Clock.Advance(TimeSpan.FromDays(32));
        var now = server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        using var citizen = await CitizenPages.NewCitizenAsync(server, null);
        var days = Enumerable.Range(1, 5).Select(back => DateOnly.FromDateTime(now.DateTime).AddDays(-back)).Order().ToList();
        await CitizenPages.RecordInAsync(citizen, "guangdong-tanpuhui", [.. days.Select(d => (object)new
        {
            eventId = Guid.NewGuid().ToString("N"), source = "roof-meter-1", behaviour = "solar-pv",
            occurredAt = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T19:00:00+08:00", quantity = 380m,
        })]);
        using var owner2 = await server.SignedInAsync("cement-a");
        var lonePeriod = await FileAsync(owner2, days[0], days[^1]);

        var page = await TotalsPageAsync();

        Assert.Equal(2, Row(page, lonePeriod).Split("少于 5 人，不公开").Length - 1);
        Assert.DoesNotContain("少于 5 人，不公开", Row(page, demoPeriod), StringComparison.Ordinal);
        Assert.Matches("id=\"totals-phcer\">少于 5 人，不公开<", page);
    }

    private static async Task<long> FileAsync(HttpClient owner, DateOnly start, DateOnly end)
    {
        using var filed = await owner.PostAsJsonAsync("/api/v1/inclusion/aggregations", new
        {
            programme = "guangdong-tanpuhui",
            periodStart = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            periodEnd = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, Ct);
        Assert.True(filed.StatusCode == HttpStatusCode.OK, await filed.Content.ReadAsStringAsync(Ct));
        return (await filed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
    }

    private async Task<string> TotalsPageAsync()
    {
        using var anonymous = server.CreateClient();
        return WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/Inclusion/Totals?Id=guangdong-tanpuhui", UriKind.Relative), Ct));
    }

    private static string Row(string page, long id)
    {
        var row = page[page.IndexOf($"id=\"aggregation-{id}\"", StringComparison.Ordinal)..];
        return row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
    }
}
