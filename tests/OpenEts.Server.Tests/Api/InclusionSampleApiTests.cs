using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

/// <summary>
/// The verifier's sample over HTTP: drawn and checked by the verifier only, the citizen shown by pseudonym, verification
/// refused until checked; an aggregation's programme figures are for its overseers, a company only its own programme's.
/// </summary>
public sealed class InclusionSampleApiTests(OneYearServer server) : IClassFixture<OneYearServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The overseers' test files the first days of the demo's three weeks, after the sample test's, so that the two
    // aggregations never overlap.
    private const int DaysBack = 21;

    [Fact]
    public async Task Sample_VerifierDrawsChecksAndVerifies_OthersAreRefused()
    {
        using var owner = await server.SignedInAsync("cement-a");
        // Days before the demo's three weeks.
        var aggregation = await AggregateFiveSolarDaysAsync(server, owner, "api-pv-", 26);
        using var verifier = await server.SignedInAsync("verifier");
        var url = $"/api/v1/inclusion/aggregations/{aggregation}";

        using var byOwner = await owner.PostAsync($"{url}/sample", null, Ct);
        using var drawn = await verifier.PostAsync($"{url}/sample", null, Ct);
        using var early = await verifier.PostAsJsonAsync($"{url}/verification", new { opinion = "ok" }, Ct);
        using var unreasoned = await verifier.PostAsJsonAsync($"{url}/sample/findings", new { ordinal = 1, finding = "notSupported" }, Ct);
        using var found = await verifier.PostAsJsonAsync($"{url}/sample/findings", new { ordinal = 1, finding = "confirmed", reason = "结算单一致" }, Ct);
        using var unknown = await verifier.PostAsJsonAsync($"{url}/sample/findings", new { ordinal = 2, finding = "true" }, Ct);
        for (var ordinal = 2; ordinal <= 5; ordinal++)
        {
            // A confirmed finding needs no reason: left out of the body, not only null.
            (await verifier.PostAsJsonAsync($"{url}/sample/findings", new { ordinal, finding = "confirmed" }, Ct)).EnsureSuccessStatusCode();
        }
        using var verified = await verifier.PostAsJsonAsync($"{url}/verification", new { opinion = "样本属实" }, Ct);
        using var trail = await owner.GetAsync($"{url}/trail", Ct);
        using var again = await verifier.PostAsync($"{url}/sample", null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        var sample = await drawn.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.OK, drawn.StatusCode);
        Assert.Equal(5, sample.GetProperty("size").GetInt64());
        var sampled = sample.GetProperty("events")[0];
        Assert.StartsWith("api-pv-", sampled.GetProperty("eventId").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("c", sampled.GetProperty("citizen").GetString(), StringComparison.Ordinal);
        Assert.NotEqual("citizen-gz", sampled.GetProperty("citizen").GetString());
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("SampleIncomplete", (await early.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unreasoned.StatusCode);
        Assert.Equal(("reason", "ReasonRequired"), Rule(await unreasoned.Content.ReadFromJsonAsync<JsonElement>(Ct)));
        var unknownProblem = await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("finding", "SampleFinding"), Rule(unknownProblem));
        Assert.Contains("confirmed, notSupported", unknownProblem.GetProperty("rules")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var done = await verified.Content.ReadFromJsonAsync<JsonElement>(Ct);
        // 5 × 400 kWh × 570.3 g/kWh = 1 140 600 g, confirmed: verified as filed.
        Assert.Equal(1_140_600m, done.GetProperty("verifiedGrams").GetDecimal());
        var owners = await trail.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Verified", owners.GetProperty("report").GetProperty("status").GetString());
        Assert.Empty(owners.GetProperty("sample").GetProperty("events").EnumerateArray());
        // Before, only 监测报告当前状态下不能办理此操作: the report's state and the one the step needs were not named.
        var report = owners.GetProperty("report").GetProperty("id").GetInt64();
        var refusal = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((HttpStatusCode.Conflict, "aggregation", "MonitoringStatus"), (again.StatusCode, Rule(refusal).Item1, Rule(refusal).Item2));
        Assert.EndsWith($"监测报告 {report} 当前状态为“已核证”，此操作须在“已提交”状态下办理", refusal.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A programme's period totals, aggregations, audit trail and quality dashboard: the regulator and the programme's
    /// operator (cement-a owns guangdong-tanpuhui's PHCER project) read them; another company's representative is answered
    /// as if there were none, and its aggregation is refused before the period is read.
    /// </summary>
    [Fact]
    public async Task Programme_CompanyThatDoesNotOperateIt_SeesNoTotalsAggregationsTrailOrQuality()
    {
        using var operatorRep = await server.SignedInAsync("cement-a");
        var aggregation = await AggregateFiveSolarDaysAsync(server, operatorRep, "overseer-pv-", DaysBack);
        var first = server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date.AddDays(-DaysBack);
        string Day(int d) => first.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var other = await server.SignedInAsync("power-a");
        using var regulator = await server.SignedInAsync("regulator");
        var totals = $"/api/v1/inclusion/programmes/guangdong-tanpuhui/totals?from={Day(0)}&to={Day(4)}";
        const string Aggregations = "/api/v1/inclusion/programmes/guangdong-tanpuhui/aggregations";
        var trail = $"/api/v1/inclusion/aggregations/{aggregation}/trail";
        const string Quality = "/api/v1/inclusion/quality?programme=guangdong-tanpuhui";

        using var otherTotals = await other.GetAsync(totals, Ct);
        using var otherAggregations = await other.GetAsync(Aggregations, Ct);
        using var otherTrail = await other.GetAsync(trail, Ct);
        using var otherQuality = await other.GetAsync(Quality, Ct);
        using var otherQualityXlsx = await other.GetAsync(Quality.Replace("quality?", "quality.xlsx?", StringComparison.Ordinal), Ct);
        using var otherAggregates = await other.PostAsJsonAsync("/api/v1/inclusion/aggregations",
            new { programme = "guangdong-tanpuhui", periodStart = Day(0), periodEnd = Day(4) }, Ct);
        using var ownTotals = await operatorRep.GetAsync(totals, Ct);
        using var ownAggregations = await operatorRep.GetAsync(Aggregations, Ct);
        using var ownTrail = await operatorRep.GetAsync(trail, Ct);
        using var ownQuality = await operatorRep.GetAsync(Quality, Ct);
        using var regulatorTotals = await regulator.GetAsync(totals, Ct);

        Assert.Equal(HttpStatusCode.NotFound, otherTotals.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherAggregations.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherTrail.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherQuality.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherQualityXlsx.StatusCode);
        Assert.DoesNotContain("solar-pv", await otherTotals.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // Refused before the period is read: not "aggregated already (report N)", nor the kilograms counted.
        Assert.Equal(HttpStatusCode.Forbidden, otherAggregates.StatusCode);
        Assert.Equal(("actor", "NotOwner"), Rule(await otherAggregates.Content.ReadFromJsonAsync<JsonElement>(Ct)));
        Assert.Equal(HttpStatusCode.OK, ownTotals.StatusCode);
        Assert.Contains("solar-pv", await ownTotals.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains((await ownAggregations.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray(),
            a => a.GetProperty("id").GetInt64() == aggregation);
        Assert.Equal(HttpStatusCode.OK, ownTrail.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownQuality.StatusCode);
        Assert.Equal(HttpStatusCode.OK, regulatorTotals.StatusCode);
    }

    /// <summary>
    /// Citizen-gz's five days of 400 kWh of rooftop PV (the most one day's reading may be; 2 000 kWh in all) from
    /// <paramref name="daysBack"/> Beijing days ago on the server's clock (in one year: <see cref="OneYearServer"/>),
    /// aggregated by <paramref name="owner"/>, guangdong-tanpuhui's operator; the aggregation's id.
    /// </summary>
    private static async Task<long> AggregateFiveSolarDaysAsync(ServerFactory server, HttpClient owner, string eventIds, int daysBack)
    {
        var first = server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date.AddDays(-daysBack).AddHours(12);
        using var citizen = await server.SignedInAsync("citizen-gz");
        var reading = new
        {
            programme = "guangdong-tanpuhui",
            actions = Enumerable.Range(0, 5).Select(d => new { eventId = $"{eventIds}{d + 1}", source = "pv-meter-7", behaviour = "solar-pv",
                occurredAt = new DateTimeOffset(first.AddDays(d), TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), quantity = 400m }).ToArray(),
        };
        (await citizen.PostAsJsonAsync("/api/v1/inclusion/actions", reading, Ct)).EnsureSuccessStatusCode();
        using var aggregated = await owner.PostAsJsonAsync("/api/v1/inclusion/aggregations", new { programme = "guangdong-tanpuhui",
            periodStart = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), periodEnd = first.AddDays(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, Ct);
        aggregated.EnsureSuccessStatusCode();
        return (await aggregated.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
    }

    private static (string?, string?) Rule(JsonElement problem) => (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString());
}
