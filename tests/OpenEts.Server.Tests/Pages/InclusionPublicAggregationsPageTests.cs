using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// The public statistics after the demo's Guangdong period is filed as PHCER: the period covers the demo's two citizens,
// fewer than the minimum group of 5, so its actions and tonnes are withheld like the totals above them, and so is the
// PHCER total.
public sealed class InclusionPublicAggregationsPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TotalsPage_PeriodOfFewerCitizensThanTheMinimumGroup_WithholdsItsActionsAndTonnes()
    {
        var today = InclusionAggregatePageTests.DemoWithinOneYear(server);
        using var owner = await server.SignedInAsync("cement-a");
        using var filed = await owner.PostAsJsonAsync("/api/v1/inclusion/aggregations", new
        {
            programme = "guangdong-tanpuhui",
            periodStart = new DateOnly(today.Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            periodEnd = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, Ct);
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        using var anonymous = server.CreateClient();

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/Inclusion/Totals?Id=guangdong-tanpuhui", UriKind.Relative), Ct));

        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var row = page[page.IndexOf($"id=\"aggregation-{id}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Equal(2, row.Split("少于 5 人，不公开").Length - 1);
        Assert.Matches("id=\"totals-phcer\">少于 5 人，不公开<", page);
    }
}
