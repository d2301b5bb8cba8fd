using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Domain.DualControl.Targets;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api.DualControl;

/// <summary>
/// The targets API on the demo (docs/dual-control.md): scoring assessments and loading statistics as the regulator. 固原
/// (NX-GY) is the city the demo leaves unscored for 2025.
/// </summary>
public sealed class EnergyTargetsApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object[] FullMeasures(AssessmentScheme scheme) =>
        [.. scheme.Areas.Select(a => new { area = a.Code, points = a.MaxPoints, evidence = $"{a.Name}：自评报告" })];

    private static async Task<JsonElement> AssessmentOfAsync(HttpClient client, string unit) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/energy/assessments?year=2025", Ct)).EnumerateArray()
            .Single(a => a.GetProperty("unit").GetString() == unit);

    [Fact]
    public async Task PostAssessment_WithNoMeasures_IsRefusedNamingMeasuresAndLeavesTheEarlierScore()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var full = await regulator.PostAsJsonAsync("/api/v1/energy/assessments",
            new { unit = "NX-GY", year = 2025, scheme = "nx-city", measures = FullMeasures(AssessmentSchemes.NingxiaCity) }, Ct);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        var before = (await AssessmentOfAsync(regulator, "NX-GY")).GetProperty("measurePoints").GetDecimal();

        using var empty = await regulator.PostAsJsonAsync("/api/v1/energy/assessments",
            new { unit = "NX-GY", year = 2025, scheme = "nx-city", measures = Array.Empty<object>() }, Ct);
        var text = await empty.Content.ReadAsStringAsync(Ct);
        using var none = await regulator.PostAsJsonAsync("/api/v1/energy/assessments", new { unit = "NX-GY", year = 2025, scheme = "nx-city" }, Ct);
        var after = await AssessmentOfAsync(regulator, "NX-GY");

        Assert.True(empty.StatusCode == HttpStatusCode.BadRequest, $"{empty.StatusCode}: {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty("measures", out _), text);
        Assert.Contains("Required", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(60m, before);
        Assert.Equal(before, after.GetProperty("measurePoints").GetDecimal());
    }

    [Fact]
    public async Task PostAssessment_KeyEnergyUserWithTheCityScheme_IsRefusedNamingSchemeAndTheSchemesThatFit()
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var response = await regulator.PostAsJsonAsync("/api/v1/energy/assessments",
            new { unit = "KU-NX-0003", year = 2025, scheme = "nx-city", measures = FullMeasures(AssessmentSchemes.NingxiaCity) }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var assessed = (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/energy/assessments?year=2025", Ct)).EnumerateArray()
            .Select(a => a.GetProperty("unit").GetString()).ToList();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty("scheme", out var scheme), text);
        Assert.Contains("key-user", scheme[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("SchemeKind", text, StringComparison.Ordinal);
        Assert.DoesNotContain("KU-NX-0003", assessed);
    }

    [Fact]
    public async Task PostStatisticsAndAnnualReport_ForAPeriodNotOverInBeijing_AreRefusedNamingThePeriodAndToday()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var today = server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var statistics = await regulator.PostAsJsonAsync("/api/v1/energy/statistics", new
        {
            rows = new[]
            {
                new { region = "NX-GY", year = today.Year - 1, month = 1, months = 1, energyTce = 1000m, outputWanYuan = 5000m },
                new { region = "NX-GY", year = 2031, month = 1, months = 1, energyTce = 1000m, outputWanYuan = 5000m },
                new { region = "NX-GY", year = today.Year, month = today.Month, months = 1, energyTce = 1000m, outputWanYuan = 5000m },
            },
        }, Ct);
        var text = await statistics.Content.ReadAsStringAsync(Ct);
        using var report = await regulator.PostAsJsonAsync("/api/v1/energy/annual-reports",
            new { keyUser = "KU-NX-0003", year = today.Year, energyTce = 1000m, valueAddedWanYuan = 5000m }, Ct);
        var reportText = await report.Content.ReadAsStringAsync(Ct);

        Assert.True(statistics.StatusCode == HttpStatusCode.BadRequest, $"{statistics.StatusCode}: {text}");
        var rows = JsonDocument.Parse(text).RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("field").GetString(), r.GetProperty("rule").GetString())).ToList();
        Assert.Equal([(2, "month", "PeriodNotOver"), (3, "month", "PeriodNotOver")], rows);
        Assert.Contains("2031-01", text, StringComparison.Ordinal);
        Assert.Contains(day, text, StringComparison.Ordinal);
        Assert.True(report.StatusCode == HttpStatusCode.BadRequest, $"{report.StatusCode}: {reportText}");
        Assert.True(JsonDocument.Parse(reportText).RootElement.GetProperty("errors").TryGetProperty("year", out _), reportText);
        Assert.Contains("PeriodNotOver", reportText, StringComparison.Ordinal);
        Assert.Contains(day, reportText, StringComparison.Ordinal);
    }
}
