using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

/// <summary>
/// JSON request bodies are read strictly: a value of the wrong kind, out of range, null, a field left out, an unknown or
/// repeated field, a number as a string or a body that is not JSON is a 400 problem+json naming the field and the rule.
/// </summary>
public sealed class StrictJsonTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    // Bodies are written with ' for " (see Json).
    private const string Transfer = "{'from':'GD-HOLD-POWER','to':'GD-HOLD-CEMENT','class':'GDEA-2017',";

    private const string Organisation = "{'code':'91350100M000100Y43','sector':'石化','region':'福州市',";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> MalformedTransfers => new()
    {
        { Transfer + "'quantity':99999999999999999999,'idempotencyKey':'k1'}", "quantity", "Json.TooLarge" },
        { Transfer + "'quantity':1e20,'idempotencyKey':'k1'}", "quantity", "Json.TooLarge" },
        { Transfer + "'quantity':1.5,'idempotencyKey':'k1'}", "quantity", "Json.Type" },
        { Transfer + "'quantity':null,'idempotencyKey':'k1'}", "quantity", "Json.Null" },
        { Transfer + "'quantity':'100','idempotencyKey':'k1'}", "quantity", "Json.Type" },
        { Transfer + "'quantity':1,'idempotencyKey':5}", "idempotencyKey", "Json.Type" },
        { Transfer + "'quantity':1,'idempotencyKey':null}", "idempotencyKey", "Json.Null" },
        { Transfer + "'quantity':1,'idempotencyKey':'k1','expiresAt':'next week'}", "expiresAt", "Json.Type" },
        { Transfer + "'quantiy':5,'idempotencyKey':'k1'}", "quantiy", "Json.UnknownField" },
        { Transfer + "'quantity':5,'quantity':6,'idempotencyKey':'k1'}", "quantity", "Json.DuplicateKey" },
        { Transfer + "'quantity':5}", "idempotencyKey", "Json.Required" },
        { Transfer + "'quantity':5,'idempotencyKey':'k1' ", "body", "Json.Syntax" },
        { "[1]", "body", "Json.Type" },
        { "", "body", "Json.Required" },
        { "null", "body", "Json.Required" },
    };

    public static TheoryData<string, string, string> MalformedOrganisations => new()
    {
        { Organisation + "'name':99999999999999999999}", "name", "Json.Type" },
        { Organisation + "'name':1.5}", "name", "Json.Type" },
        { Organisation + "'name':null}", "name", "Json.Null" },
        { Organisation + "'name':'示范','status':5}", "status", "Json.Type" },
        { Organisation + "'nmae':'示范'}", "nmae", "Json.UnknownField" },
        { Organisation + "'name':'示范','name':'示范二'}", "name", "Json.DuplicateKey" },
        { Organisation + "'status':'covered'}", "name", "Json.Required" },
        { Organisation + "'name':'示范' ", "body", "Json.Syntax" },
        { "", "body", "Json.Required" },
    };

    [Theory]
    [MemberData(nameof(MalformedTransfers))]
    public async Task ProposeTransfer_MalformedBody_Returns400NamingFieldAndRule(string body, string field, string rule)
    {
        using var powerA = await server.SignedInAsync("power-a");

        using var response = await powerA.PostAsync("/api/v1/registry/transfers", Json(body), Ct);

        await AssertNamesAsync(response, field, rule);
    }

    [Theory]
    [MemberData(nameof(MalformedOrganisations))]
    public async Task AddOrganisation_MalformedBody_Returns400NamingFieldAndRule(string body, string field, string rule)
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var response = await regulator.PostAsync("/api/v1/organisations", Json(body), Ct);

        await AssertNamesAsync(response, field, rule);
        Assert.Equal(HttpStatusCode.NotFound, (await regulator.GetAsync("/api/v1/organisations/91350100M000100Y43", Ct)).StatusCode);
    }

    [Fact]
    public async Task ProposeTransfer_NumberTooLarge_SaysSoNotThatItIsText()
    {
        using var powerA = await server.SignedInAsync("power-a");

        using var response = await powerA.PostAsync("/api/v1/registry/transfers", Json(Transfer + "'quantity':1e20,'idempotencyKey':'k1'}"), Ct);
        var errors = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("errors").GetProperty("quantity");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.EndsWith("“1e20”过大", Assert.Single(errors.EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correction_UnknownFieldInSerials_NamesTheNestedField()
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var response = await regulator.PostAsync("/api/v1/registry/corrections", Json("""
            {"from":"GD-HOLD-POWER","to":"GD-ISSUANCE","class":"GDEA-2017","serials":{"first":1,"lst":2},"reason":"更正",
             "idempotencyKey":"k2"}
            """), Ct);

        await AssertNamesAsync(response, "serials.lst", "Json.UnknownField");
    }

    [Fact]
    public async Task ProposeTransfer_AsPlainText_Returns415Problem()
    {
        using var powerA = await server.SignedInAsync("power-a");

        using var response = await powerA.PostAsync("/api/v1/registry/transfers",
            new StringContent("quantity=1", Encoding.UTF8, "text/plain"), Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static StringContent Json(string body) => new(body.Replace('\'', '"'), Encoding.UTF8, "application/json");

    private static async Task AssertNamesAsync(HttpResponseMessage response, string field, string rule)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.True(rule == problem.GetProperty("rule").GetString(), text);
        Assert.True(field == problem.GetProperty("field").GetString(), text);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), text);
    }
}
