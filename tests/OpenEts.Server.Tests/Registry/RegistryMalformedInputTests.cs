using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Registry;

/// <summary>
/// Every registry API write, and the reads that take path or query values, walked with malformed input: garbage, wrong
/// types in each field, control characters, huge and negative numbers, no body. Nothing may answer 500.
/// </summary>
public sealed class RegistryMalformedInputTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A well-formed body per write endpoint, and who may call it; each field is then spoiled in turn.
    public static TheoryData<string, string, string> Writes => new()
    {
        { "power-a", "/api/v1/registry/transfers", """{"from":"GD-HOLD-POWER","to":"GD-HOLD-CEMENT","class":"GDEA-2017","quantity":1,"idempotencyKey":"w1","expiresAt":"2030-01-01T00:00:00Z"}""" },
        { "power-b", "/api/v1/registry/transfers/1/approve", """{"idempotencyKey":"w2"}""" },
        { "power-b", "/api/v1/registry/transfers/1/reject", """{"idempotencyKey":"w3","reason":"no"}""" },
        { "steel-a", "/api/v1/registry/surrenders", """{"from":"GD-HOLD-STEEL","class":"GDEA-2017","quantity":1,"complianceYear":2017,"idempotencyKey":"w4"}""" },
        { "regulator", "/api/v1/registry/issuances", """{"class":"GDEA-2017","quantity":1,"idempotencyKey":"w5"}""" },
        { "regulator", "/api/v1/registry/allocations", """{"to":"GD-HOLD-PAPER","class":"GDEA-2017","quantity":1,"idempotencyKey":"w6"}""" },
        { "regulator", "/api/v1/registry/accounts", """{"number":"T-WALK","kind":"holding","holderName":"测试","representatives":["paper-a","paper-b"],"idempotencyKey":"w7"}""" },
        { "regulator", "/api/v1/registry/accounts/GD-HOLD-PAPER/block", """{"reason":"核查","idempotencyKey":"w8"}""" },
        { "regulator", "/api/v1/registry/accounts/GD-HOLD-PAPER/unblock", """{"reason":"核查","idempotencyKey":"w9"}""" },
        { "regulator", "/api/v1/registry/accounts/T-NONE/close", """{"reason":"注销","idempotencyKey":"w10"}""" },
        { "regulator", "/api/v1/registry/accounts/GD-HOLD-PAPER/representatives", """{"user":"steel-a","idempotencyKey":"w11"}""" },
        { "regulator", "/api/v1/registry/accounts/GD-HOLD-PAPER/representatives/remove", """{"user":"steel-a","idempotencyKey":"w12"}""" },
        { "paper-a", "/api/v1/registry/cancellations", """{"from":"GD-HOLD-PAPER","class":"GDEA-2017","quantity":1,"reason":"x","idempotencyKey":"w13"}""" },
        { "regulator", "/api/v1/registry/corrections", """{"from":"GD-HOLD-PAPER","to":"GD-ISSUANCE","class":"GDEA-2017","serials":{"first":1,"last":1},"reason":"x","idempotencyKey":"w14"}""" },
    };

    private static readonly string[] Garbage =
    [
        "", " ", "null", "{", "}", "[]", "[{}]", "\"text\"", "42", "{}", "{\"\":1}", "{\"a\u0001\":1}", "\u0000", "{\"idempotencyKey\":\"k\"}{}",
        new string('[', 10_000), "{\"x\":" + new string('9', 5000) + "}",
    ];

    private static readonly string[] BadValues =
    [
        "null", "1.5", "-1", "0", "99999999999999999999", "-99999999999999999999", "1e400", "\"\"", "\" \"", "\"a\\u0001b\"",
        "\"\\u0000\"", "\"" + new string('x', 5000) + "\"", "true", "{}", "[]", "[null]", "[1]", "\"2017-13-45\"",
    ];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_WithMalformedBodies_NeverAnswers500(string user, string path, string valid)
    {
        using var client = await server.SignedInAsync(user);
        var failures = new List<string>();
        var bodies = new List<string>(Garbage);
        var template = JsonNode.Parse(valid)!.AsObject();
        foreach (var field in template.Select(p => p.Key).ToList())
        {
            foreach (var value in BadValues)
            {
                var body = JsonNode.Parse(valid)!.AsObject();
                body[field] = JsonNode.Parse(value);
                bodies.Add(body.ToJsonString());
            }
            var without = JsonNode.Parse(valid)!.AsObject();
            without.Remove(field);
            bodies.Add(without.ToJsonString());
        }

        foreach (var body in bodies)
        {
            using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), Ct);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} for {Shorten(body)}: {Shorten(await response.Content.ReadAsStringAsync(Ct))}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/api/v1/registry/transfers/-1/approve")]
    [InlineData("/api/v1/registry/transfers/0/reject")]
    [InlineData("/api/v1/registry/transfers/99999999999999999999/approve")]
    [InlineData("/api/v1/registry/transfers/abc/approve")]
    public async Task Decision_OnABadProposalId_IsRefusedWithout500(string path)
    {
        using var powerB = await server.SignedInAsync("power-b");

        using var response = await powerB.PostAsync(path, new StringContent("""{"idempotencyKey":"d1"}""", Encoding.UTF8,
            "application/json"), Ct);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, response.StatusCode.ToString());
    }

    [Theory]
    [InlineData("/api/v1/registry/accounts/%01/holdings")]
    [InlineData("/api/v1/registry/accounts/a%20b/holdings")]
    [InlineData("/api/v1/registry/accounts/%E2%80%AE/history")]
    [InlineData("/api/v1/registry/accounts/GD-HOLD-POWER/history?take=abc")]
    [InlineData("/api/v1/registry/accounts/GD-HOLD-POWER/history?take=-5")]
    [InlineData("/api/v1/registry/accounts/GD-HOLD-POWER/history?skip=99999999999999999999")]
    [InlineData("/api/v1/registry/accounts/GD-HOLD-POWER/history?since=%00&until=2017-99-99")]
    [InlineData("/api/v1/registry/accounts/GD-HOLD-POWER/history?class=%01&kind=%00")]
    [InlineData("/api/v1/registry/accounts/GD-HOLD-POWER/history.csv?take=abc")]
    [InlineData("/api/v1/registry/accounts/%01/holdings.xlsx")]
    [InlineData("/api/v1/registry/serials/XX/1")]
    [InlineData("/api/v1/registry/serials/GDEA-2017/-5")]
    [InlineData("/api/v1/registry/serials/GDEA-2017/0")]
    [InlineData("/api/v1/registry/serials/GDEA-2017/99999999999999999999")]
    [InlineData("/api/v1/registry/serials/%01/1")]
    public async Task Read_WithBadPathOrQuery_NeverAnswers500(string path)
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var response = await regulator.GetAsync(path, Ct);

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
    }

    [Fact]
    public async Task Write_WithControlCharacterInKey_Returns400NamingTheKey()
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var response = await regulator.PostAsync("/api/v1/registry/issuances", new StringContent(
            """{"class":"GDEA-2017","quantity":1,"idempotencyKey":"a\u0001b"}""", Encoding.UTF8, "application/json"), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"idempotencyKey\"", text, StringComparison.Ordinal);
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
