using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// Far dates typed into the exchange's reports, exports, trade prints and one-way auctions: each is refused with 400
// naming the field and its rule, never a server error.
public sealed class ExchangeDateApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, string? Field, string? Rule)> ProblemAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return (response.StatusCode, null, null);
        }
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (response.StatusCode, json.TryGetProperty("field", out var f) ? f.GetString() : null,
            json.TryGetProperty("rule", out var r) ? r.GetString() : null);
    }

    private static async Task<(HttpStatusCode Status, string? Field, string? Rule)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        return await ProblemAsync(response);
    }

    private static async Task<(HttpStatusCode Status, string? Field, string? Rule)> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        return await ProblemAsync(response);
    }

    private string At(TimeSpan after) => server.Clock.GetUtcNow().Add(after).ToString("O", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("/api/v1/exchange/reports/9999-12-31")]
    [InlineData("/api/v1/exchange/reports/0001-01-01")]
    [InlineData("/api/v1/exchange/reports/9999-12-31/report.xlsx")]
    [InlineData("/api/v1/exchange/reports/0001-01-01/report.xlsx")]
    [InlineData("/api/v1/exchange/closes?day=0001-01-01")]
    public async Task MemberReport_ExtremeDay_Is400NamingDayAndDateRange(string path)
    {
        using var cement = await server.SignedInAsync("cement-a");

        Assert.Equal((HttpStatusCode.BadRequest, "day", "DateRange"), await GetAsync(cement, path));
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task DayTradesExport_ExtremeDay_Is400NamingDayAndDateRange(string day)
    {
        using var regulator = await server.SignedInAsync("regulator");

        Assert.Equal((HttpStatusCode.BadRequest, "day", "DateRange"), await GetAsync(regulator, $"/api/v1/exchange/days/{day}/trades.xlsx"));
    }

    [Theory]
    [InlineData("from=abc", "from")]
    [InlineData("to=2026-13-45", "to")]
    public async Task TradePrints_UnreadableTime_Is400NamingTheFieldAndDateTime(string query, string field)
    {
        using var anonymous = server.CreateClient();

        Assert.Equal((HttpStatusCode.BadRequest, field, "DateTime"), await GetAsync(anonymous, $"/api/v1/exchange/instruments/GDEA-2017/trades?{query}"));
    }

    [Theory]
    [InlineData("en", "from (date and time): 'abc' is not a date")]
    [InlineData("zh-CN", "起始时间：请输入日期")]
    public async Task TradePrints_UnreadableFrom_NamesTheStartOfTheWindowNotAnAccount(string language, string expected)
    {
        using var anonymous = server.CreateClient();
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        using var response = await anonymous.GetAsync(new Uri("/api/v1/exchange/instruments/GDEA-2017/trades?from=abc", UriKind.Relative), Ct);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rules")[0].GetProperty("message").GetString();

        Assert.StartsWith(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("account", message, StringComparison.Ordinal);
        Assert.DoesNotContain("账户", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("500")]
    public async Task Depth_LevelsOutsideOneToTwenty_Is400NamingTheRangeInsteadOfCuttingIt(string levels)
    {
        using var anonymous = server.CreateClient();

        using var refused = await anonymous.GetAsync(new Uri($"/api/v1/exchange/instruments/GDEA-2017/depth?levels={levels}", UriKind.Relative), Ct);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var twenty = await anonymous.GetAsync(new Uri("/api/v1/exchange/instruments/GDEA-2017/depth?levels=20", UriKind.Relative), Ct);

        // Before, ?levels=500 answered 20 levels and ?levels=0 one, as if asked for.
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(("levels", "Range"), (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
        Assert.EndsWith("须在 1 至 20 之间。", problem.GetProperty("rules")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, twenty.StatusCode);
    }

    [Fact]
    public async Task ReportPage_ExtremeDay_ShowsTheRuleInsteadOfAServerError()
    {
        using var cement = await server.SignedInAsync("cement-a");

        using var response = await cement.GetAsync(new Uri("/Exchange/Report?day=9999-12-31", UriKind.Relative), Ct);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"report-day-error\">交易日：“9999-12-31”不在 2000-01-01 至 2099-12-31 之间", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"report-trades\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPage_UnreadableDay_ShowsTheRuleAndNoReportOfAnotherDay()
    {
        using var cement = await server.SignedInAsync("cement-a");

        var page = WebUtility.HtmlDecode(await cement.GetStringAsync(new Uri("/Exchange/Report?day=abc", UriKind.Relative), Ct));
        var today = await cement.GetStringAsync(new Uri("/Exchange/Report", UriKind.Relative), Ct);

        Assert.Contains("id=\"report-trades\"", today, StringComparison.Ordinal);
        Assert.Contains("id=\"report-day-error\">交易日：", page, StringComparison.Ordinal);
        // Today's report under the error would read as the typed day's.
        Assert.DoesNotContain("id=\"report-trades\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"report-export\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("to=0001-01-01T00:00:00Z")]
    [InlineData("from=0001-01-01T00:00:00Z")]
    [InlineData("to=9999-12-31T23:59:59Z")]
    public async Task TradePrints_ExtremeWindow_Is400NamingTheBoundAndDateRange(string query)
    {
        using var anonymous = server.CreateClient();

        var (status, field, rule) = await GetAsync(anonymous, "/api/v1/exchange/instruments/GDEA-2017/trades?" + query);

        Assert.Equal((HttpStatusCode.BadRequest, query[..query.IndexOf('=', StringComparison.Ordinal)], "DateRange"), (status, field, rule));
    }

    [Theory]
    [InlineData("0001-01-01T00:00")]
    [InlineData("0001-01-01T00:00:00+08:00")]
    public async Task Auction_OpensAtAnExtremeTime_Is400NamingOpensAndDateRange(string opens)
    {
        using var power = await server.SignedInAsync("power-a");

        Assert.Equal((HttpStatusCode.BadRequest, "opens", "DateRange"), await PostAsync(power, "/api/v1/exchange/auctions", new
        {
            instrument = "FFCER-FJ0002-2016", quantity = 10, reservePrice = 19m, opens, closes = At(TimeSpan.FromHours(1)),
            idempotencyKey = "b2-" + opens,
        }));
    }

    [Fact]
    public async Task Auction_ClosingIn9999_IsRefusedAndFreezesNothing()
    {
        using var power = await server.SignedInAsync("power-a");
        var before = await power.GetFromJsonAsync<JsonElement>("/api/v1/exchange/auctions", Ct);

        var forEver = await PostAsync(power, "/api/v1/exchange/auctions", new
        {
            instrument = "FFCER-FJ0002-2016", quantity = 10, reservePrice = 19m, closes = "9999-12-31T23:59", idempotencyKey = "b11-forever",
        });
        var eightDays = await PostAsync(power, "/api/v1/exchange/auctions", new
        {
            instrument = "FFCER-FJ0002-2016", quantity = 10, reservePrice = 19m, closes = At(TimeSpan.FromDays(8)), idempotencyKey = "b11-8d",
        });
        var past = await PostAsync(power, "/api/v1/exchange/auctions", new
        {
            instrument = "FFCER-FJ0002-2016", quantity = 10, reservePrice = 19m, opens = At(TimeSpan.FromHours(-2)), closes = At(TimeSpan.FromHours(1)),
            idempotencyKey = "b11-past",
        });
        var after = await power.GetFromJsonAsync<JsonElement>("/api/v1/exchange/auctions", Ct);

        Assert.Equal((HttpStatusCode.BadRequest, "closes", "DateRange"), forEver);
        Assert.Equal((HttpStatusCode.BadRequest, "closes", "AuctionWindowTooLong"), eightDays);
        Assert.Equal((HttpStatusCode.BadRequest, "opens", "AuctionOpensBeforeNow"), past);
        Assert.Equal(before.GetArrayLength(), after.GetArrayLength());
    }
}
