using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

/// <summary>The verifier's sample over HTTP: drawn and checked by the verifier only, the citizen shown by pseudonym, verification refused until checked.</summary>
public sealed class InclusionSampleApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sample_VerifierDrawsChecksAndVerifies_OthersAreRefused()
    {
        // Five days of 400 kWh (the most one day's reading may be), days before the demo's three weeks: 2 000 kWh in all.
        var first = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(-26).AddHours(12);
        using var citizen = await server.SignedInAsync("citizen-gz");
        var reading = new
        {
            programme = "guangdong-tanpuhui",
            actions = Enumerable.Range(0, 5).Select(d => new { eventId = $"api-pv-{d + 1}", source = "pv-meter-7", behaviour = "solar-pv",
                occurredAt = new DateTimeOffset(first.AddDays(d), TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), quantity = 400m }).ToArray(),
        };
        (await citizen.PostAsJsonAsync("/api/v1/inclusion/actions", reading, Ct)).EnsureSuccessStatusCode();
        using var owner = await server.SignedInAsync("cement-a");
        using var aggregated = await owner.PostAsJsonAsync("/api/v1/inclusion/aggregations", new { programme = "guangdong-tanpuhui",
            periodStart = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), periodEnd = first.AddDays(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, Ct);
        var aggregation = (await aggregated.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
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
    }

    private static (string?, string?) Rule(JsonElement problem) => (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString());
}
