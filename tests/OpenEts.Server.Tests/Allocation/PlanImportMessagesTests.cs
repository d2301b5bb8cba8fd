using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenEts.Application.Allocation;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Allocation;

/// <summary>
/// A plan document imported through the API with bad figures is refused whole, each problem named by its JSON path and
/// rule in Chinese (不得大于 1, 配额总量须等于控排企业配额与储备配额之和) where the JSON schema's and the plan rules' English
/// sentences came through (1.5 should be at most 1); nothing is stored.
/// </summary>
public sealed class PlanImportMessagesTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Errors)> ImportAsync(HttpClient client, JsonNode document)
    {
        using var answer = await client.PostAsJsonAsync("/api/v1/allocation/plans", new { document = document.ToJsonString() }, Ct);
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Ct));
        var errors = body.RootElement.TryGetProperty("errors", out var e)
            ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!)
            : [];
        return (answer.StatusCode, errors);
    }

    [Fact]
    public async Task Import_FiguresOutOfBoundsAndACapThatDoesNotAddUp_AreNamedInChineseAndNothingIsStored()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var before = (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/allocation/plans", Ct)).GetArrayLength();
        var bounds = JsonNode.Parse(PlanJson.Shipped("guangdong-2017"))!;
        bounds["sectors"]![2]!["freeShare"]!["value"] = 1.5m;
        bounds["sectors"]![1]!["products"]![0]!["benchmark"]!["value"] = -1m;
        bounds["cap"]!["total"]!["value"] = 1m;
        var cap = JsonNode.Parse(PlanJson.Shipped("guangdong-2017"))!;
        cap["cap"]!["total"]!["value"] = 1m;

        var schema = await ImportAsync(regulator, bounds);
        var rules = await ImportAsync(regulator, cap);
        var after = (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/allocation/plans", Ct)).GetArrayLength();

        Assert.Equal(HttpStatusCode.BadRequest, schema.Status);
        Assert.Equal("$.sectors[2].freeShare.value：不得大于 1", schema.Errors["$.sectors[2].freeShare.value"]);
        Assert.Equal("$.sectors[1].products[0].benchmark.value：不得小于 0", schema.Errors["$.sectors[1].products[0].benchmark.value"]);
        Assert.Equal(HttpStatusCode.BadRequest, rules.Status);
        Assert.Equal("$.cap.total：配额总量须等于控排企业配额与储备配额之和：399000000 + 23000000 ≠ 1", rules.Errors["$.cap.total"]);
        Assert.Equal(before, after);
    }
}
