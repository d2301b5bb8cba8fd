using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Localization;

/// <summary>
/// A refusal names its field as the person knows it: in Chinese by its label, never the API's English key (area, parameter),
/// and a bad value in a list by its position (the 3rd report line's amount).
/// </summary>
public sealed class FieldLabelTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Line(object amount) => new { kind = "fuelCombustion", material = "raw-coal", amount, unit = "t" };

    [Fact]
    public async Task Calc_TextForTheThirdLinesAmount_NamesThatLinesAmount()
    {
        using var cement = await server.SignedInAsync("cement-a");

        using var response = await cement.PostAsJsonAsync("/api/v1/mrv/calc", new { year = 2022, lines = new[] { Line(1), Line(2), Line("abc") } }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var problem = JsonDocument.Parse(text).RootElement;

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.Equal(("lines[2].amount", "Json.Type"), (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
        Assert.Equal("排放源 3 · 数量：类型不正确（如应为数字却给了文字）。", problem.GetProperty("errors").GetProperty("lines[2].amount")[0].GetString());
    }

    [Fact]
    public async Task Calc_UnknownMeasuredParameter_NamesItInChinese()
    {
        using var cement = await server.SignedInAsync("cement-a");

        using var response = await cement.PostAsJsonAsync("/api/v1/mrv/calc", new
        {
            year = 2022,
            lines = new[]
            {
                new
                {
                    kind = "fuelCombustion", material = "raw-coal", amount = 10m, unit = "t",
                    measured = new[] { new { parameter = "bogus", value = 20m, evidence = "LAB-1", rule = "GB/T 213" } },
                },
            },
        }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var problem = JsonDocument.Parse(text).RootElement;

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.Equal("lines[0].measured[0].parameter", problem.GetProperty("field").GetString());
        Assert.StartsWith("排放源 1 · 实测值 1 · 参数：", problem.GetProperty("errors").GetProperty("lines[0].measured[0].parameter")[0].GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoreAssessment_UnknownArea_NamesTheMeasureAndItsAreaInChinese()
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var response = await regulator.PostAsJsonAsync("/api/v1/energy/assessments", new
        {
            unit = "440000", year = 2024, scheme = "nx-city", measures = new[] { new { area = "bogus", points = 1m, evidence = "文件" } },
        }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var problem = JsonDocument.Parse(text).RootElement;

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.True(problem.GetProperty("errors").TryGetProperty("measures[0].area", out var area), text);
        var message = area[0].GetString()!;
        Assert.StartsWith("措施 1 · 措施领域：", message, StringComparison.Ordinal);
        Assert.DoesNotContain("area", message, StringComparison.Ordinal);
    }
}
