using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// The end of day through the API on the demo market (GDEA-2017 at 16.09, no trades yet).
public sealed class ExchangeEndOfDayApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Today = BeijingTime.TradingDay(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task EndOfDay_ByTheExchangeThenByACompany_ClosesPublishesTheCloseAndShowsTheMemberReport()
    {
        using var exchange = await server.SignedInAsync("exchange");
        using var cement = await server.SignedInAsync("cement-a");
        using var anonymous = server.CreateClient();

        using var byCompany = await cement.PostAsJsonAsync("/api/v1/exchange/end-of-day", new { day = Today }, Ct);
        using var done = await exchange.PostAsJsonAsync("/api/v1/exchange/end-of-day", new { day = Today }, Ct);
        var outcome = await done.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var again = await exchange.PostAsJsonAsync("/api/v1/exchange/end-of-day", new { day = Today }, Ct);
        var closes = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/exchange/closes?day={Today}", Ct);
        var report = await cement.GetFromJsonAsync<JsonElement>($"/api/v1/exchange/reports/{Today}", Ct);
        using var export = await cement.GetAsync($"/api/v1/exchange/reports/{Today}/report.xlsx", Ct);
        using var tradesByCompany = await cement.GetAsync($"/api/v1/exchange/days/{Today}/trades.xlsx", Ct);
        var operatorPage = await exchange.GetStringAsync("/Exchange/Operator", Ct);
        var reportPage = await cement.GetStringAsync($"/Exchange/Report?day={Today}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byCompany.StatusCode);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        // The demo's FFCER instruments close too (no trade today either); GDEA-2017's close is the one looked at.
        var close = outcome.GetProperty("endOfDay").GetProperty("closed").EnumerateArray()
            .Single(c => c.GetProperty("instrument").GetString() == "GDEA-2017");
        // No trade today: the close is the previous close, 16.09, and the reference is kept.
        Assert.Equal(("GDEA-2017", "guangzhouClickListing", 16.09m, true), (close.GetProperty("instrument").GetString(), close.GetProperty("rule").GetString(),
            close.GetProperty("close").GetDecimal(), close.GetProperty("referenceKept").GetBoolean()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(["FFCER-FJ0001-2016", "FFCER-FJ0002-2016", "GDEA-2017"],
            closes.EnumerateArray().Where(c => c.GetProperty("day").GetString() == Today).Select(c => c.GetProperty("instrument").GetString()!).Order().ToArray());
        Assert.Equal((Today, 0), (report.GetProperty("day").GetString(), report.GetProperty("trades").GetArrayLength()));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, tradesByCompany.StatusCode);
        Assert.Contains("<tr class=\"close\">", operatorPage, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/exchange/reports/{Today}/report.xlsx", reportPage, StringComparison.Ordinal);
    }
}
