using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

/// <summary>
/// Cards proposed from online monitoring on the demo: the demo's gas meter ZJ-G01 reads about 180 000 m³ a day for the
/// last seven days (DemoMonitoring), so a permitted daily use of 1 000 m³ makes every one of those days an exceedance.
/// </summary>
public sealed class EnergyExceedanceApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FromMonitoring_MeterOverItsLimit_ProposesOnceWithTheDaysAsEvidenceAndNothingOnTheRerun()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var limit = await regulator.PostAsJsonAsync("/api/v1/energy/monitoring/limits",
            new { meter = "ZJ-G01", dailyLimit = 1_000m, basis = "排污许可证 (test)" }, Ct);
        var exceedances = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/energy/monitoring/exceedances", Ct);

        using var first = await regulator.PostAsJsonAsync("/api/v1/energy/cards/from-monitoring", new { jurisdiction = "tianjin" }, Ct);
        using var again = await regulator.PostAsJsonAsync("/api/v1/energy/cards/from-monitoring", new { jurisdiction = "tianjin" }, Ct);
        var proposals = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var rerun = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, limit.StatusCode);
        var days = exceedances.EnumerateArray().Where(e => e.GetProperty("meter").GetString() == "ZJ-G01").ToList();
        Assert.Equal(7, days.Count);
        Assert.All(days, d => Assert.True(d.GetProperty("total").GetDecimal() > 1_000m));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var proposed = proposals.GetProperty("proposed").EnumerateArray().ToList();
        // The seven days fall in one or two calendar months: one violation per meter and month.
        Assert.InRange(proposed.Count, 1, 2);
        Assert.All(proposed, p =>
        {
            Assert.Equal("totalLoadExceedance", p.GetProperty("violation").GetProperty("kind").GetString());
            Assert.Equal("yellow", p.GetProperty("proposed").GetProperty("colour").GetString());
            Assert.Contains("ZJ-G01", p.GetProperty("violation").GetProperty("evidence").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(0, rerun.GetProperty("proposed").GetArrayLength());
        // The rerun skips what the first run proposed, beside what the demo's cards proposed from monitoring before it.
        Assert.Equal(proposals.GetProperty("skipped").GetInt32() + proposed.Count, rerun.GetProperty("skipped").GetInt32());
    }

    [Fact]
    public async Task FromMonitoring_CompanyOrBadPeriod_403And400NamingTheField()
    {
        using var company = await server.SignedInAsync("paper-a");
        using var regulator = await server.SignedInAsync("regulator");

        using var forbidden = await company.PostAsJsonAsync("/api/v1/energy/cards/from-monitoring", new { jurisdiction = "tianjin" }, Ct);
        using var backwards = await regulator.PostAsJsonAsync("/api/v1/energy/cards/from-monitoring",
            new { jurisdiction = "tianjin", from = "2026-11-20", to = "2026-11-01" }, Ct);
        using var noBasis = await regulator.PostAsJsonAsync("/api/v1/energy/monitoring/limits", new { meter = "ZJ-G01", dailyLimit = 5m }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("\"from\"", await backwards.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noBasis.StatusCode);
        Assert.Contains("\"basis\"", await noBasis.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
