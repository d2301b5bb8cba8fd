using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api.Monitoring;

/// <summary>
/// The monitoring API on the demo: the cement works' access system sends hours its demo data misses (the first seven
/// days' night hours, see DemoMonitoring), so each test's readings are new; a company may send only for its own meters.
/// </summary>
public sealed class EnergyMonitoringApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The demo's first day of readings (seven days before today in Beijing), at hour h: the cement meter BJ-E01 has no reading there for h < 8.
    private string FirstDayHour(int h)
    {
        var beijing = server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var first = new DateTimeOffset(beijing.Date.AddDays(-7), TimeSpan.FromHours(8));
        return first.AddHours(h).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
    }

    private object Batch(string batchId, params (string Id, string Meter, int Hour, decimal Value)[] readings) =>
        new { batchId, readings = readings.Select(r => new { readingId = r.Id, meter = r.Meter, at = FirstDayHour(r.Hour), value = r.Value }).ToArray() };

    [Fact]
    public async Task PostReadings_ResentBatch_ChangesNothingAndSaysSo()
    {
        using var client = await server.SignedInAsync("cement-a");
        var batch = Batch("api-resend-1", ("r0", "BJ-E01", 0, 8_600m), ("r1", "BJ-E01", 1, 8_700.5m));

        using var first = await client.PostAsJsonAsync("/api/v1/energy/monitoring/readings", batch, Ct);
        using var again = await client.PostAsJsonAsync("/api/v1/energy/monitoring/readings", batch, Ct);
        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var againBody = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((2, false), (firstBody.GetProperty("newReadings").GetInt32(), firstBody.GetProperty("resent").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((0, true), (againBody.GetProperty("newReadings").GetInt32(), againBody.GetProperty("resent").GetBoolean()));
        Assert.Contains("本次未作任何更改", againBody.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostReadings_SameIdOtherContent_Is409KeyReused()
    {
        using var client = await server.SignedInAsync("cement-a");
        using var first = await client.PostAsJsonAsync("/api/v1/energy/monitoring/readings", Batch("api-reuse-1", ("r2", "BJ-E01", 2, 1m)), Ct);

        using var second = await client.PostAsJsonAsync("/api/v1/energy/monitoring/readings", Batch("api-reuse-1", ("r2", "BJ-E01", 2, 2m)), Ct);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("KeyReused", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task PostReadings_ForAnotherCompanysMeter_Is403NotYourMeter()
    {
        using var client = await server.SignedInAsync("steel-a");

        using var response = await client.PostAsJsonAsync("/api/v1/energy/monitoring/readings", Batch("api-foreign-1", ("r3", "BJ-E01", 3, 1m)), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("NotYourMeter", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task PostReadings_BadRows_Is400NamingEachRowAndStoresNothing()
    {
        using var client = await server.SignedInAsync("cement-a");
        var bad = new
        {
            batchId = "api-bad-1",
            readings = new object[]
            {
                new { readingId = "ok4", meter = "BJ-E01", at = FirstDayHour(4), value = 10m },
                new { readingId = "neg5", meter = "BJ-E01", at = FirstDayHour(5), value = -1m },
                new { readingId = "noon6", meter = "BJ-E01", at = "2026-11-30 06:00", value = 10m },
                new { readingId = "x7", meter = "NO-SUCH", at = FirstDayHour(7), value = 10m },
            },
        };

        using var response = await client.PostAsJsonAsync("/api/v1/energy/monitoring/readings", bad, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        // The good row alone, under a new batch id, is new: the refused batch stored nothing.
        using var good = await client.PostAsJsonAsync("/api/v1/energy/monitoring/readings", Batch("api-bad-2", ("ok4", "BJ-E01", 4, 10m)), Ct);
        var goodBody = await good.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("readings[1].value", out _));
        Assert.True(errors.TryGetProperty("readings[2].at", out _));
        Assert.False(errors.TryGetProperty("readings[0].value", out _));
        Assert.Equal(1, goodBody.GetProperty("newReadings").GetInt32());
    }

    [Fact]
    public async Task PostReadings_NegativeFutureAndGarbageRows_NamesEveryBadRowAtOnce()
    {
        using var client = await server.SignedInAsync("cement-a");
        var future = server.Clock.GetUtcNow().AddMinutes(30).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        var bad = new
        {
            batchId = "api-all-bad-1",
            readings = new object[]
            {
                new { readingId = "neg", meter = "BJ-E01", at = FirstDayHour(4), value = -5m },
                new { readingId = "future", meter = "BJ-E01", at = future, value = 10m },
                new { readingId = "garbage", meter = "BJ-E01", at = "garbage", value = 10m },
            },
        };

        using var response = await client.PostAsJsonAsync("/api/v1/energy/monitoring/readings", bad, Ct);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["readings[0].value", "readings[1].at", "readings[2].at"], errors.EnumerateObject().Select(e => e.Name).Order().ToArray());
    }

    [Fact]
    public async Task PostReadings_AValueTooLargeForANumber_Is400AtItsRow()
    {
        using var client = await server.SignedInAsync("cement-a");
        var body = $$"""{"batchId":"api-huge-1","readings":[{"readingId":"ok","meter":"BJ-E01","at":"{{FirstDayHour(5)}}","value":1},{"readingId":"huge","meter":"BJ-E01","at":"{{FirstDayHour(6)}}","value":1e30}]}""";

        using var response = await client.PostAsync("/api/v1/energy/monitoring/readings",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("readings[1].value", "Json.TooLarge"), (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
        Assert.Contains("“1e30”过大", problem.GetProperty("rules")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostReadings_BeforeTheMeterWasMonitoredOrATrillionInAnHour_Is400AtItsRowAndStoresNothing()
    {
        using var client = await server.SignedInAsync("cement-a");

        using var before = await client.PostAsJsonAsync("/api/v1/energy/monitoring/readings",
            Batch("api-before-1", ("early", "BJ-E01", -1, 10m), ("ok7", "BJ-E01", 7, 10m)), Ct);
        var beforeProblem = await before.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var huge = await client.PostAsJsonAsync("/api/v1/energy/monitoring/readings",
            Batch("api-trillion-1", ("ok7", "BJ-E01", 7, 10m), ("trillion", "BJ-E01", 3, 1_000_000_000_000m)), Ct);
        var hugeProblem = await huge.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var good = await client.PostAsJsonAsync("/api/v1/energy/monitoring/readings", Batch("api-before-2", ("ok7", "BJ-E01", 7, 10m)), Ct);
        var goodBody = await good.Content.ReadFromJsonAsync<JsonElement>(Ct);

        // Before, both were stored: a day before the meter was monitored, and 10¹² kWh in an hour (1 000 TWh).
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Equal(("readings[0].at", "BeforeMonitoring"), (beforeProblem.GetProperty("field").GetString(), beforeProblem.GetProperty("rule").GetString()));
        var firstDay = FirstDayHour(0)[..10];
        Assert.Contains($"计量点 BJ-E01 自 {firstDay} 起监测", beforeProblem.GetProperty("errors").GetProperty("readings[0].at")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal(("readings[1].value", "ImplausibleReading"), (hugeProblem.GetProperty("field").GetString(), hugeProblem.GetProperty("rule").GetString()));
        Assert.Contains("1,000,000,000", hugeProblem.GetProperty("errors").GetProperty("readings[1].value")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, goodBody.GetProperty("newReadings").GetInt32());
    }

    [Fact]
    public async Task PostReadings_UnknownMeterOnly_Is400UnknownMeter()
    {
        using var client = await server.SignedInAsync("cement-a");

        using var response = await client.PostAsJsonAsync("/api/v1/energy/monitoring/readings", Batch("api-unknown-1", ("u1", "NO-SUCH", 6, 1m)), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("readings[0].meter", out _));
    }

    [Theory]
    [InlineData("/api/v1/energy/monitoring/quality?from=0001-01-01", "from", "DateRange")]
    [InlineData("/api/v1/energy/monitoring/exceedances?to=2100-01-01", "to", "DateRange")]
    [InlineData("/api/v1/energy/monitoring/quality?from=2026-03-01&to=2026-02-01", "from", "PeriodOrder")]
    [InlineData("/api/v1/energy/monitoring/exceedances?from=2024-01-01&to=2025-06-30", "from", "Period")]
    [InlineData("/api/v1/energy/progress?year=1999", "year", "Year")]
    [InlineData("/api/v1/energy/progress?year=2147483647", "year", "Year")]
    // A required year left out was answered field "" and rule Http.BadRequest (请求无法读取).
    [InlineData("/api/v1/energy/progress", "year", "Required")]
    [InlineData("/api/v1/energy/assessments", "year", "Required")]
    public async Task Read_DayOrYearOutsideWhatThePlatformNames_Is400NamingTheFieldAndItsRule(string path, string field, string rule)
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var response = await regulator.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Contains(rule, problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetQuality_CompanySeesOnlyItsOwnUnitAndRegulatorSeesTheCementWorksFlagged()
    {
        using var cement = await server.SignedInAsync("cement-a");
        using var regulator = await server.SignedInAsync("regulator");

        var own = await cement.GetFromJsonAsync<JsonElement>("/api/v1/energy/monitoring/quality", Ct);
        var all = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/energy/monitoring/quality", Ct);

        Assert.Equal(["北江示范水泥有限公司"], own.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unit").GetProperty("organisation").GetString()!).ToArray());
        var units = all.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unit").GetProperty("organisation").GetString()!);
        Assert.True(units["北江示范水泥有限公司"].GetProperty("quality").GetProperty("incomplete").GetBoolean());
        Assert.False(units["珠江示范发电有限公司"].GetProperty("quality").GetProperty("incomplete").GetBoolean());
        Assert.Contains("faultEscalated", units["韶关示范钢铁有限公司"].GetProperty("quality").GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(90m, all.GetProperty("thresholdPercent").GetDecimal());
    }

    [Fact]
    public async Task RegisterUnit_AsCompany_IsForbiddenAndQualityAsCitizen_IsForbidden()
    {
        using var cement = await server.SignedInAsync("cement-a");
        using var citizen = await server.SignedInAsync("citizen");

        using var register = await cement.PostAsJsonAsync("/api/v1/energy/monitoring/units", new { organisationId = 1 }, Ct);
        using var read = await citizen.GetAsync("/api/v1/energy/monitoring/quality", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
    }

    // The answer to a batch said what it did in English on a Chinese request ("2 new reading(s), …"), the time in UTC.
    [Fact]
    public async Task PostReadings_OnAChineseRequest_SaysWhatTheBatchDidInChinese_AndInEnglishOnlyUnderEnglish()
    {
        using var client = await server.SignedInAsync("cement-a");
        using var english = await server.SignedInAsync("cement-a");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var batch = Batch("api-words-1", ("w29", "BJ-E01", 29, 50m), ("w30", "BJ-E01", 30, 51m));

        using var first = await client.PostAsJsonAsync("/api/v1/energy/monitoring/readings", batch, Ct);
        var firstMessage = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("message").GetString()!;
        using var again = await client.PostAsJsonAsync("/api/v1/energy/monitoring/readings", batch, Ct);
        var againMessage = (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("message").GetString()!;
        using var inEnglish = await english.PostAsJsonAsync("/api/v1/energy/monitoring/readings", batch, Ct);
        var englishMessage = (await inEnglish.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("message").GetString()!;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("新读数 2 条，平台已有 0 条，新月度数据 0 条", firstMessage);
        Assert.StartsWith("批次 api-words-1 已于 ", againMessage, StringComparison.Ordinal);
        Assert.Contains("(UTC+8)", againMessage, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{3,}", againMessage.Replace("api-words-1", "", StringComparison.Ordinal).Replace("UTC", "", StringComparison.Ordinal));
        Assert.Contains("nothing changed", englishMessage, StringComparison.Ordinal);
    }

    // A batch's bad rows were numbered from 0 in English ("row 0: meter is …") while the Chinese labels count from 1 (读数 1).
    [Fact]
    public async Task PostReadings_BadRows_AreNumberedFromOneAsASenderCountsThem_InEitherLanguage()
    {
        using var client = await server.SignedInAsync("cement-a");
        using var english = await server.SignedInAsync("cement-a");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var bad = new
        {
            batchId = "api-rows-1",
            readings = new object[]
            {
                new { readingId = "nometer", meter = "", at = FirstDayHour(4), value = 10m },
                new { readingId = "ok", meter = "BJ-E01", at = FirstDayHour(5), value = 10m },
            },
            monthly = new object[] { new { meter = "BJ-E01", month = "2026-13", value = 1m, at = FirstDayHour(5) } },
        };

        using var chinese = await client.PostAsJsonAsync("/api/v1/energy/monitoring/readings", bad, Ct);
        var chineseErrors = (await chinese.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        using var inEnglish = await english.PostAsJsonAsync("/api/v1/energy/monitoring/readings", bad, Ct);
        var englishErrors = (await inEnglish.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, chinese.StatusCode);
        Assert.StartsWith("读数 1 · ", chineseErrors.GetProperty("readings[0].meter")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("row 1: ", englishErrors.GetProperty("readings[0].meter")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("row 0", englishErrors.ToString(), StringComparison.Ordinal);
    }
}
