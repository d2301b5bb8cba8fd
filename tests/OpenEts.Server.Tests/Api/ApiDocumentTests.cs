using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenEts.Server.Api;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

/// <summary>
/// <c>/openapi/v1.json</c> is a document a generated client can rely on: every refusal declared with the problem schema
/// the server sends, an operationId and security on every operation, typed paging, camelCase enums, and no drift from
/// the committed snapshot that the client in <c>Api/Client</c> was generated from.
/// </summary>
public sealed class ApiDocumentTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    /// <summary>Set to 1 to rewrite the snapshot from the live document (scripts/api-client.sh does, then regenerates the client).</summary>
    public const string UpdateVariable = "OPENETS_UPDATE_API_SNAPSHOT";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Writes = ["post", "put", "patch", "delete"];

    // The document as the server answered it, fetched once per server (building it walks every endpoint); each test
    // reads its own copy.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ServerFactory, Task<string>> Served = [];

    private async Task<JsonObject> DocumentAsync()
    {
        var text = await Served.GetValue(server, s => FetchAsync(s));
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<string> FetchAsync(ServerFactory server)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), CancellationToken.None);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(CancellationToken.None);
    }

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject doc) =>
        doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(m => m.Key is "get" or "post" or "put" or "patch" or "delete")
            .Select(m => (p.Key, m.Key, m.Value!.AsObject())));

    public static string SnapshotPath => Path.Combine(RepositoryRoot(), "tests", "OpenEts.Server.Tests", "Api", "Client", "openapi.json");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenEts.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("OpenEts.slnx not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task Issue_8_Document_MatchesTheSnapshotTheClientWasGeneratedFrom()
    {
        var live = await DocumentAsync();
        var text = live.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(SnapshotPath, text, Ct);
        }

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(SnapshotPath, Ct));

        Assert.True(JsonNode.DeepEquals(live, committed),
            "The API changed: /openapi/v1.json no longer matches tests/OpenEts.Server.Tests/Api/Client/openapi.json. "
            + "Run scripts/api-client.sh to update the snapshot and regenerate the client, then review the diff.");
    }

    [Theory]
    [InlineData("/api/v1/energy/warnings", "The barometer (晴雨表) of a round (period")]
    [InlineData("/api/v1/energy/pollutant-warnings", "The pollutant barometer (晴雨表) of a round:")]
    public async Task EnergyWarnings_Summary_SaysBarometerInEnglishBeside晴雨表(string path, string starts)
    {
        var doc = await DocumentAsync();

        var summary = doc["paths"]![path]!["get"]!["summary"]!.GetValue<string>();

        Assert.StartsWith(starts, summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_8_EveryOperation_HasAUniqueOperationIdAndSecurity()
    {
        var doc = await DocumentAsync();

        var operations = Operations(doc).ToList();
        var ids = operations.Select(o => o.Operation["operationId"]?.GetValue<string>()).ToList();

        Assert.NotEmpty(operations);
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(operations, o => Assert.True(o.Operation["security"] is JsonArray, $"{o.Method} {o.Path} has no security"));
        var schemes = doc["components"]!["securitySchemes"]!.AsObject();
        Assert.Equal("bearer", schemes["bearer"]!["scheme"]!.GetValue<string>());
        Assert.Equal("cookie", schemes["cookie"]!["in"]!.GetValue<string>());
        Assert.Equal("/", doc["servers"]![0]!["url"]!.GetValue<string>());
        Assert.NotNull(doc["info"]!["license"]?["name"]);
    }

    [Fact]
    public async Task Issue_8_EveryRefusal_IsDeclaredWithTheProblemSchema()
    {
        var doc = await DocumentAsync();

        var problem = doc["components"]!["schemas"]!["Problem"]!["properties"]!.AsObject();
        foreach (var name in new[] { "title", "status", "detail", "field", "rule", "rules", "traceId" })
        {
            Assert.True(problem.ContainsKey(name), $"Problem lacks '{name}'");
        }
        foreach (var (path, method, operation) in Operations(doc))
        {
            var responses = operation["responses"]!.AsObject();
            var secured = operation["security"]!.AsArray().Count > 0;
            if (secured)
            {
                Assert.True(responses.ContainsKey("401"), $"{method} {path} does not declare 401");
                Assert.NotNull(responses["401"]!["headers"]?["WWW-Authenticate"]);
            }
            if (secured && Writes.Contains(method))
            {
                Assert.True(responses.ContainsKey("403") && responses.ContainsKey("409"), $"{method} {path} does not declare 403 and 409");
            }
            if (path.Contains('{', StringComparison.Ordinal))
            {
                Assert.True(responses.ContainsKey("404"), $"{method} {path} does not declare 404");
            }
            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                Assert.Equal("#/components/schemas/Problem",
                    response!["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>());
                Assert.True(response["content"]!.AsObject().Count == 1, $"{method} {path} {status} declares other content");
            }
        }
    }

    // scripts/redocly.yaml turns Redocly's operation-4xx-response off for the reads that cannot be refused; this holds
    // every other operation to it.
    [Fact]
    public async Task OperationWithoutA4xxResponse_IsAPublicReadTakingNoInput()
    {
        var doc = await DocumentAsync();

        var without = Operations(doc).Where(o => !o.Operation["responses"]!.AsObject().Any(r => r.Key[0] == '4')).ToList();

        Assert.NotEmpty(without);
        Assert.All(without, o =>
        {
            Assert.True(o.Method == "get" && o.Operation["security"]!.AsArray().Count == 0, $"{o.Method} {o.Path} is not a public read");
            Assert.True(o.Operation["parameters"] is null or JsonArray { Count: 0 } && o.Operation["requestBody"] is null,
                $"{o.Method} {o.Path} takes input but declares no 4xx response");
        });
    }

    [Fact]
    public async Task Issue_8_RegistryAndOrganisationHistory_HaveTheirOwnSchemas()
    {
        var doc = await DocumentAsync();

        var registry = doc["paths"]!["/api/v1/registry/accounts/{account}/history"]!["get"]!["responses"]!["200"]!;
        var organisation = doc["paths"]!["/api/v1/organisations/{code}/history"]!["get"]!["responses"]!["200"]!;
        var registryRef = registry["content"]!["application/json"]!["schema"]!["items"]!["$ref"]!.GetValue<string>();
        var organisationRef = organisation["content"]!["application/json"]!["schema"]!["items"]!["$ref"]!.GetValue<string>();

        Assert.NotEqual(registryRef, organisationRef);
        var schemas = doc["components"]!["schemas"]!;
        Assert.NotNull(schemas[registryRef.Split('/')[^1]]!["properties"]!["event"]);
        Assert.NotNull(schemas[organisationRef.Split('/')[^1]]!["properties"]!["changes"]);
    }

    [Fact]
    public async Task Issue_8_Paging_IsTypedAndTheTotalCountHeaderDeclared()
    {
        var doc = await DocumentAsync();

        var history = doc["paths"]!["/api/v1/registry/accounts/{account}/history"]!["get"]!;
        var parameters = history["parameters"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["schema"]!);

        Assert.Equal("integer", parameters["skip"]["type"]!.GetValue<string>());
        Assert.Equal(0, parameters["skip"]["minimum"]!.GetValue<int>());
        Assert.Equal("integer", parameters["take"]["type"]!.GetValue<string>());
        Assert.Equal(1, parameters["take"]["minimum"]!.GetValue<int>());
        Assert.Equal(Application.Registry.RegistryHistoryFilter.MaxTake, parameters["take"]["maximum"]!.GetValue<int>());
        Assert.Equal("date-time", parameters["since"]["format"]!.GetValue<string>());
        Assert.Equal("date-time", parameters["until"]["format"]!.GetValue<string>());
        Assert.NotNull(history["responses"]!["200"]!["headers"]!["X-Total-Count"]);
    }

    [Fact]
    public async Task Issue_8_Enums_AreEnumsInCamelCaseAndTheApiWritesThem()
    {
        var doc = await DocumentAsync();
        using var regulator = await server.SignedInAsync("regulator");

        var kind = doc["components"]!["schemas"]!["AccountKind"]!;
        var values = kind["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        var accounts = await regulator.GetFromJsonAsync<JsonElement[]>("/api/v1/registry/accounts", Ct);

        Assert.Equal("string", kind["type"]!.GetValue<string>());
        Assert.Contains("holding", values);
        Assert.All(EnumValues(doc), v => Assert.True(char.IsLower(v[0]), v));
        Assert.All(accounts!, a => Assert.Contains(a.GetProperty("kind").GetString(), values));
    }

    [Theory]
    [InlineData("AuctionSummary", "status", "AuctionStatus")]
    [InlineData("CashEntryView", "kind", "CashEntryKind")]
    [InlineData("CashAccountView", "kind", "CashAccountKind")]
    [InlineData("AllocationViewsPlanSummary", "status", "PlanStatus")]
    [InlineData("AllocationViewsRunView", "stage", "AllocationStage")]
    [InlineData("AllocationViewsWhatIfRowView", "sector", "Sector")]
    [InlineData("ComplianceStandingView", "sector", "Sector")]
    public async Task Issue_8_StatusesKindsAndSectors_AreDeclaredEnumsNotFreeText(string schema, string property, string enumSchema)
    {
        var doc = await DocumentAsync();

        var declared = doc["components"]!["schemas"]![schema]!["properties"]![property]!["$ref"]?.GetValue<string>();

        Assert.Equal("#/components/schemas/" + enumSchema, declared);
    }

    [Fact]
    public async Task Issue_8_CashAccountsAndAuctions_AreWrittenInCamelCase()
    {
        using var regulator = await server.SignedInAsync("regulator");

        var accounts = await regulator.GetFromJsonAsync<JsonElement[]>("/api/v1/cash/accounts", Ct);
        var auctions = await regulator.GetFromJsonAsync<JsonElement[]>("/api/v1/auctions", Ct);

        Assert.NotEmpty(accounts!);
        Assert.Contains(accounts!, a => a.GetProperty("kind").GetString() == "member");
        Assert.All(accounts!, a => Assert.True(char.IsLower(a.GetProperty("kind").GetString()![0]), a.ToString()));
        Assert.All(auctions!, a => Assert.True(char.IsLower(a.GetProperty("status").GetString()![0]), a.ToString()));
    }

    // Every enum the document declares, in component schemas and inline in properties alike.
    private static IEnumerable<string> EnumValues(JsonNode? node) => node switch
    {
        JsonObject o => (o["enum"] is JsonArray values ? values.Select(v => v!.GetValue<string>()) : [])
            .Concat(o.Where(p => p.Key != "enum").SelectMany(p => EnumValues(p.Value))),
        JsonArray a => a.SelectMany(EnumValues),
        _ => [],
    };

    [Fact]
    public async Task Issue_8_RolesAndMrvEnums_AreDeclaredAndWrittenInCamelCaseAndReadInEitherCasing()
    {
        var doc = await DocumentAsync();
        using var regulator = await server.SignedInAsync("regulator");
        var schemas = doc["components"]!["schemas"]!;

        var me = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);
        using var response = await regulator.PostAsJsonAsync("/api/v1/mrv/calc", new
        {
            year = 2017,
            lines = new object[]
            {
                new { id = "L1", kind = "fuelCombustion", material = "raw-coal", amount = 100m, unit = "tonne" },
                new { id = "L2", kind = "FuelCombustion", material = "raw-coal", amount = 100m, unit = "Tonne" },
            },
        }, Ct);
        var calc = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal("regulator", me.GetProperty("role").GetString());
        Assert.Contains("regulator", schemas["AccountMeView"]!["properties"]!["role"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        foreach (var (schema, value) in new[] { ("SourceKind", "fuelCombustion"), ("MeasureUnit", "tonne"), ("OutputKind", "clinker"),
            ("ParameterKind", "netCalorificValue") })
        {
            Assert.Contains(value, schemas[schema]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(calc.GetProperty("lines").EnumerateArray(), l => Assert.Equal("fuelCombustion", l.GetProperty("kind").GetString()));
        Assert.Equal(calc.GetProperty("lines")[0].GetProperty("emissions").GetDecimal(), calc.GetProperty("lines")[1].GetProperty("emissions").GetDecimal());
        Assert.All(Units(calc.GetProperty("lines")[0].GetProperty("derivation")), u => Assert.True(char.IsLower(u[0]), u));
    }

    private static IEnumerable<string> Units(JsonElement figure) =>
        new[] { figure.GetProperty("unit").GetString()! }.Concat(figure.TryGetProperty("inputs", out var inputs)
            && inputs.ValueKind == JsonValueKind.Array ? inputs.EnumerateArray().SelectMany(Units) : []);

    [Fact]
    public async Task Issue_8_EveryModule_IsDescribed()
    {
        var doc = await DocumentAsync();

        var tags = Operations(doc).SelectMany(o => o.Operation["tags"]!.AsArray().Select(t => t!.GetValue<string>())).Distinct().ToList();
        var description = doc["info"]!["description"]!.GetValue<string>();

        Assert.All(tags, t => Assert.True(ApiDocument.Modules.ContainsKey(t), $"tag '{t}' has no line in ApiDocument.Modules"));
        Assert.All(tags, t => Assert.Contains($"- {t}: {ApiDocument.Modules[t]}", description, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Issue_8_Exports_DeclareTheirMediaTypes()
    {
        var doc = await DocumentAsync();

        var xlsx = doc["paths"]!["/api/v1/registry/accounts/{account}/holdings.xlsx"]!["get"]!["responses"]!["200"]!["content"]!.AsObject();
        var csv = doc["paths"]!["/api/v1/registry/accounts/{account}/history.csv"]!["get"]!["responses"]!["200"]!["content"]!.AsObject();

        Assert.Equal(Application.Files.TabularWriter.XlsxContentType, Assert.Single(xlsx).Key);
        Assert.Equal("text/csv", Assert.Single(csv).Key);
    }

    [Fact]
    public async Task Issue_8_Unauthorised_CarriesWwwAuthenticateBearer()
    {
        using var anonymous = server.CreateClient();
        using var badToken = server.CreateClient();
        badToken.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "oets_nope");

        using var none = await anonymous.GetAsync("/api/v1/registry/accounts", Ct);
        using var refused = await badToken.GetAsync("/api/v1/registry/accounts", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer", Assert.Single(none.Headers.WwwAuthenticate).Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("error=\"invalid_token\"", Assert.Single(refused.Headers.WwwAuthenticate).Parameter);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
    }
}
