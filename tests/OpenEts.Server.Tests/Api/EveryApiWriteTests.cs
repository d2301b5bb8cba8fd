using System.Collections;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Server.Tests.Infrastructure;
using OpenEts.Server.Tests.Pages;

namespace OpenEts.Server.Tests.Api;

/// <summary>
/// Every write of the API (POST, PUT, PATCH, DELETE) answers each role without a server error, whatever body it is sent: an
/// ordinary one built from the endpoint's own input type, that body with each field in turn at an extreme (the lowest and
/// highest its type holds, an empty and a very long text, a value of the wrong JSON type, null), an empty object, an
/// array, a bare number and a body that is no JSON. A refusal (400, 401, 403, 404, 409, 413, 415, 422, 429) names what
/// was wrong; a 500 is a client's program left with no reason, and the request's state half-known.
/// </summary>
public sealed class EveryApiWriteTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Writes that end the session or the account they are sent with: sent last, so that the others are tried signed in.
    private static readonly string[] Last = ["erase", "logout", "signout", "sign-out", "revoke", "tokens", "password"];

    /// <summary>The roles whose writes are tried, one of each (the demo's users).</summary>
    public static TheoryData<string> Writers => ["regulator", "power-a", "exchange", "verifier", "citizen"];

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task EveryApiWrite_SentOrdinaryExtremeAndMalformedBodies_NeverAnswersAServerError(string user)
    {
        var writes = Writes();
        // As a program sends them: with an API token (a signed-in browser's writes also carry an antiforgery check).
        using var client = await TokenClientAsync(user);
        var errors = new List<string>();
        var sent = 0;
        foreach (var (method, address, body) in writes.SelectMany(w => Requests(w).Concat(Uploads(w))))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(address, UriKind.Relative));
            if (body is Upload upload)
            {
                var form = new MultipartFormDataContent();
                if (upload.Bytes is not null)
                {
                    form.Add(new ByteArrayContent(upload.Bytes), upload.Field, upload.FileName);
                }
                request.Content = form;
            }
            else if (body is string json)
            {
                request.Content = new StringContent(json, Encoding.UTF8);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
            sent++;
            if ((int)response.StatusCode >= 500)
            {
                errors.Add($"{(int)response.StatusCode} {method} {address} {Short(body?.ToString())}");
            }
        }

        Assert.True(writes.Count > 60, $"only {writes.Count} writes were found in the API");
        Assert.True(errors.Count == 0, $"as {user}, {errors.Count} of {sent} requests answered a server error:\n" + string.Join('\n', errors.Take(60)));
    }

    [Fact]
    public async Task AnUpload_SentWithNoForm_IsRefusedNamingTheFormItTakes()
    {
        using var client = await TokenClientAsync("regulator");

        using var bare = await client.PostAsync(new Uri("/api/v1/organisations/import", UriKind.Relative), null, Ct);
        using var statistics = await client.PostAsync(new Uri("/api/v1/market/statistics/import", UriKind.Relative), null, Ct);

        foreach (var refused in (HttpResponseMessage[])[bare, statistics])
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(("file", "FormContentType"), (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
            Assert.Contains("multipart/form-data", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    // A client that sends the user's API token, as a program does.
    private async Task<HttpClient> TokenClientAsync(string user)
    {
        using var browser = await server.SignedInAsync(user);
        using var created = await browser.PostAsJsonAsync("/api/v1/tokens", new { name = "every-write" }, Ct);
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("token").GetString());
        return client;
    }

    private sealed record Write(string Method, string Template, IReadOnlyList<(string Name, Type Type)> Route, Type? Body, string? FileField);

    private sealed record Upload(string Field, string FileName, byte[]? Bytes)
    {
        public override string ToString() => $"(a form: {Field} = {FileName}, {(Bytes is null ? "no file" : $"{Bytes.Length} bytes")})";
    }

    // A write that takes a file is also sent forms: no file, an empty one, bytes that are no spreadsheet under each name
    // it might read, and a spreadsheet's zip header cut short.
    private static IEnumerable<(string Method, string Address, object? Body)> Uploads(Write write)
    {
        if (write.FileField is not { } field)
        {
            yield break;
        }
        var address = EveryAddressTests.Address(write.Template, null, write.Route, "ordinary");
        yield return (write.Method, address, new Upload(field, "none", null));
        foreach (var name in (string[])["a.xlsx", "a.csv", "a.json", "a", "../../a.xlsx"])
        {
            yield return (write.Method, address, new Upload(field, name, []));
            yield return (write.Method, address, new Upload(field, name, Encoding.UTF8.GetBytes("\uFEFF,,,\n\"\n\u0000garbage,1e400,-0,NaN\n")));
            yield return (write.Method, address, new Upload(field, name, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]));
        }
        yield return (write.Method, address, new Upload("other", "a.xlsx", [1, 2, 3]));
    }

    private List<Write> Writes() =>
        [.. server.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Where(d => d.HttpMethod is "POST" or "PUT" or "PATCH" or "DELETE" && d.RelativePath is not null)
            .Select(d => new Write(d.HttpMethod!, "/" + d.RelativePath!.Split('?')[0],
                [.. d.ParameterDescriptions.Where(p => p.Source == BindingSource.Path || p.Source == BindingSource.Query).Select(p => (p.Name, p.Type ?? typeof(string)))],
                d.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type,
                d.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.FormFile || p.Type == typeof(IFormFile))?.Name))
            .DistinctBy(w => (w.Method, w.Template))
            .OrderBy(w => Last.Any(l => w.Template.Contains(l, StringComparison.OrdinalIgnoreCase)))
            .ThenBy(w => w.Template, StringComparer.Ordinal)];

    // The requests sent to one write: its ordinary body at ordinary and extreme route values, then each field at each
    // extreme, then bodies of the wrong shape.
    private static IEnumerable<(string Method, string Address, object? Body)> Requests(Write write)
    {
        var ordinary = write.Body is null ? new JsonObject() : Build(write.Body, null, "ordinary", 0) as JsonObject ?? new JsonObject();
        foreach (var opening in (string[])["ordinary", "lowest", "highest", "text"])
        {
            yield return (write.Method, EveryAddressTests.Address(write.Template, null, write.Route, opening), ordinary.ToJsonString());
        }
        var address = EveryAddressTests.Address(write.Template, null, write.Route, "ordinary");
        foreach (var (path, type) in Fields(write.Body, "", 0))
        {
            foreach (var opening in (string[])["lowest", "highest", "text", "wrong", "null"])
            {
                var body = (JsonObject)ordinary.DeepClone();
                Set(body, path, opening == "null" ? null : Value(type, opening));
                yield return (write.Method, address, body.ToJsonString());
            }
        }
        foreach (var shape in (string?[])["{}", "[]", "0", "\"x\"", "{", "null", "", null, "{\"a\":" + new string('[', 200) + new string(']', 200) + "}"])
        {
            yield return (write.Method, address, shape);
        }
    }

    // Each leaf field of an input type (a nested record's fields by a dotted path, a list's by its first element), at
    // most three levels deep.
    private static IEnumerable<(string Path, Type Type)> Fields(Type? type, string prefix, int depth)
    {
        if (type is null || depth > 3)
        {
            yield break;
        }
        foreach (var (name, fieldType) in Properties(type))
        {
            var path = prefix + name;
            var t = Nullable.GetUnderlyingType(fieldType) ?? fieldType;
            if (ElementOf(t) is { } element)
            {
                yield return (path, t);
                foreach (var inner in Leaf(element) ? [] : Fields(element, path + ".0.", depth + 1))
                {
                    yield return inner;
                }
            }
            else if (Leaf(t))
            {
                yield return (path, t);
            }
            else
            {
                foreach (var inner in Fields(t, path + ".", depth + 1))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<(string Name, Type Type)> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite || type.GetConstructors().Any(c => c.GetParameters().Any(a => string.Equals(a.Name, p.Name, StringComparison.OrdinalIgnoreCase))))
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.PropertyType));

    private static bool Leaf(Type t) =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime)
        || t == typeof(DateTimeOffset) || t == typeof(TimeOnly) || t == typeof(Guid) || t == typeof(JsonElement) || t == typeof(object);

    private static Type? ElementOf(Type t) =>
        t == typeof(string) ? null
        : t.IsArray ? t.GetElementType()
        : t.IsGenericType && typeof(IEnumerable).IsAssignableFrom(t) && t.GetGenericArguments() is [var element] ? element
        : null;

    private static JsonNode? Build(Type type, string? name, string opening, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (Leaf(t))
        {
            return Value(t, opening, name);
        }
        if (ElementOf(t) is { } element)
        {
            return new JsonArray(Build(element, name, opening, depth + 1));
        }
        var body = new JsonObject();
        if (depth <= 3)
        {
            foreach (var (field, fieldType) in Properties(t))
            {
                body[field] = Build(fieldType, field, opening, depth + 1);
            }
        }
        return body;
    }

    private static void Set(JsonObject body, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        JsonNode? node = body;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            node = node is JsonArray array ? (array.Count > 0 ? array[0] : null) : node?[parts[i]];
        }
        if (node is JsonObject target)
        {
            target[parts[^1]] = value;
        }
    }

    private static JsonNode? Value(Type type, string opening, string? name = null)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        var dated = t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset)
            || (t == typeof(string) && name is not null && (name.Contains("day", StringComparison.OrdinalIgnoreCase)
                || name.Contains("date", StringComparison.OrdinalIgnoreCase) || name is "from" or "to" or "until" or "since"));
        if (ElementOf(t) is { } element)
        {
            return opening switch
            {
                "lowest" => new JsonArray(),
                "highest" => new JsonArray([.. Enumerable.Range(0, 20_001).Select(_ => Value(element, "ordinary"))]),
                "wrong" => JsonValue.Create("abc"),
                _ => new JsonArray(JsonValue.Create("abc")),
            };
        }
        if (opening == "wrong")
        {
            return t == typeof(string) || t.IsEnum || dated ? JsonValue.Create(12) : JsonValue.Create("abc");
        }
        if (opening == "text")
        {
            return JsonValue.Create(t == typeof(string) ? "\u0000\ud83d\ude00" + new string('Z', 100_000) : "abc");
        }
        return (opening, t) switch
        {
            ("ordinary", _) when dated => JsonValue.Create("2017-07-03"),
            ("lowest", _) when dated => JsonValue.Create("0001-01-01"),
            ("highest", _) when dated => JsonValue.Create("9999-12-31"),
            ("ordinary", _) when t == typeof(int) || t == typeof(long) || t == typeof(short) =>
                JsonValue.Create(name?.Contains("year", StringComparison.OrdinalIgnoreCase) == true ? 2017 : 1),
            ("lowest", _) when t == typeof(int) => JsonValue.Create(int.MinValue),
            ("highest", _) when t == typeof(int) => JsonValue.Create(int.MaxValue),
            ("lowest", _) when t == typeof(long) => JsonValue.Create(long.MinValue),
            ("highest", _) when t == typeof(long) => JsonValue.Create(long.MaxValue),
            ("ordinary", _) when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => JsonValue.Create(1m),
            ("lowest", _) when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => JsonValue.Create(decimal.MinValue),
            ("highest", _) when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => JsonValue.Create(decimal.MaxValue),
            ("ordinary", _) when t == typeof(bool) => JsonValue.Create(true),
            (_, _) when t == typeof(bool) => JsonValue.Create(false),
            ("ordinary", _) when t.IsEnum => JsonValue.Create(JsonNamingPolicy.CamelCase.ConvertName(Enum.GetNames(t)[0])),
            ("lowest", _) when t.IsEnum => JsonValue.Create(""),
            ("highest", _) when t.IsEnum => JsonValue.Create(int.MaxValue),
            ("ordinary", _) => JsonValue.Create(name is null ? "guangdong"
                : name.Contains("account", StringComparison.OrdinalIgnoreCase) ? "GD-HOLD-POWER"
                : name.Contains("user", StringComparison.OrdinalIgnoreCase) ? "regulator"
                : name.Contains("class", StringComparison.OrdinalIgnoreCase) || name.Contains("instrument", StringComparison.OrdinalIgnoreCase) ? "GDEA-2017"
                : "guangdong"),
            ("lowest", _) => JsonValue.Create(""),
            _ => JsonValue.Create(new string('Z', 2_000)),
        };
    }

    private static string Short(string? body) =>
        body is null ? "(no body)" : body.Length > 200 ? body[..200] + "…" : body;
}
