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

    /// <summary>
    /// Every field a request can carry — each parameter and each property of a JSON body, in a list's items too — has a
    /// Chinese label in the scope its path's messages look in (<see cref="OpenEts.Server.Localization.LabelScope"/>), so
    /// that no refusal in Chinese names a field by the API's English key (bufferPercent：必填).
    /// </summary>
    [Fact]
    public async Task EveryRequestField_HasAChineseLabel_WhereItsRequestLooksForIt()
    {
        using var client = server.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var chinese = OpenEts.Server.Localization.Text.All(System.Globalization.CultureInfo.InvariantCulture);
        var unlabelled = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            // A request's scopes come from its address; a template's {id} stands for a number.
            var address = string.Join('/', path.Name.Split('/').Select(s => s.StartsWith('{') ? "1" : s));
            var scopes = OpenEts.Server.Localization.LabelScope.OfPath(address);
            foreach (var operation in path.Value.EnumerateObject())
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                if (operation.Value.TryGetProperty("parameters", out var parameters))
                {
                    names.UnionWith(parameters.EnumerateArray().Select(p => p.GetProperty("name").GetString()!));
                }
                if (operation.Value.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json))
                {
                    Properties(json.GetProperty("schema"), schemas, names, 0);
                }
                unlabelled.UnionWith(names
                    .Where(n => !chinese.ContainsKey("field." + n) && !scopes.Any(s => chinese.ContainsKey($"field.{s}.{n}")))
                    .Select(n => $"{operation.Name.ToUpperInvariant()} {path.Name}: {n}"));
            }
        }

        Assert.Empty(unlabelled);
    }

    // The property names of a schema, its lists' items and its objects' (three levels down), through $ref.
    private static void Properties(JsonElement schema, JsonElement schemas, HashSet<string> names, int depth)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }
        if (depth > 3)
        {
            return;
        }
        if (schema.TryGetProperty("items", out var items))
        {
            Properties(items, schemas, names, depth + 1);
        }
        if (!schema.TryGetProperty("properties", out var properties))
        {
            return;
        }
        foreach (var property in properties.EnumerateObject())
        {
            names.Add(property.Name);
            Properties(property.Value, schemas, names, depth + 1);
        }
    }
}
