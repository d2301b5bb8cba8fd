using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

/// <summary>
/// A value in an API address that the API cannot use (<c>/GD/abc</c>, <c>?year=abc</c>, <c>?status=foo</c>) is answered
/// 400 naming the field, the value as typed and the rule, never a bare 404, a 400 that names nothing, or the whole list
/// as if no filter had been given.
/// </summary>
public sealed class ApiAddressValueTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The refusal of address as user: 400, its field and rule, and the message under the field.
    private async Task<(string Field, string Rule, string Message)> RefusedAsync(string user, string address)
    {
        using var client = await server.SignedInAsync(user);
        using var response = await client.GetAsync(new Uri(address, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.True(problem.TryGetProperty("field", out var named), body);
        var field = named.GetString()!;
        return (field, problem.GetProperty("rule").GetString()!, problem.GetProperty("errors").GetProperty(field)[0].GetString()!);
    }

    [Theory]
    [InlineData("/api/v1/compliance/GD/abc", "year", "abc")]
    [InlineData("/api/v1/compliance/GD/abc/overview", "year", "abc")]
    [InlineData("/api/v1/mrv/reports?year=abc", "year", "abc")]
    [InlineData("/api/v1/mrv/reports/abc", "id", "abc")]
    [InlineData("/api/v1/energy/assessments?year=abc", "year", "abc")]
    [InlineData("/api/v1/allocation/plans/guangdong-2017/one", "version", "one")]
    public async Task ANumberInThePathOrQueryThatIsNoNumber_Is400NamingItsFieldAsTyped(string address, string expectedField, string typed)
    {
        var (field, rule, message) = await RefusedAsync("regulator", address);
        using var anonymous = server.CreateClient();
        using var other = await anonymous.GetAsync(new Uri("/api/v1/compliance/GD/2017/nothing", UriKind.Relative), Ct);

        // Before, a bare 404 (a number in the path) or a 400 naming no field (in the query) that did not say what was wrong.
        Assert.Equal((expectedField, "Number"), (field, rule));
        Assert.Contains($"“{typed}”不是数字", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task AWholeNumberThatIsTooLargeInThePath_Is400SayingSo()
    {
        var (field, rule, _) = await RefusedAsync("regulator", "/api/v1/mrv/reports/99999999999999999999");

        Assert.Equal(("id", "NumberTooLarge"), (field, rule));
    }

    [Theory]
    [InlineData("status", "状态", "foo", "submitted, returned, validated, registered", "REGISTERED", "registered")]
    [InlineData("status", "状态", "4", "submitted, returned, validated, registered", "REGISTERED", "registered")]
    [InlineData("programme", "机制", "foo", "CCER, FFCER, PHCER", "ffcer", "FFCER")]
    public async Task OffsetsProjects_FilteredByAValueThatIsNone_Is400NamingTheValuesThereAre_AndAnotherCaseFilters(
        string field, string label, string typed, string values, string otherCase, string listed)
    {
        var (named, rule, message) = await RefusedAsync("regulator", $"/api/v1/offsets/projects?{field}={typed}");
        using var anonymous = server.CreateClient();
        var filtered = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/offsets/projects?{field}={otherCase}", Ct);

        // Before, an unknown status or programme listed every project as if no filter were given.
        Assert.Equal((field, "UnknownValue"), (named, rule));
        Assert.StartsWith($"{label}：“{typed}”不是可选的值之一，可选：{values}", message, StringComparison.Ordinal);
        Assert.NotEqual(0, filtered.GetArrayLength());
        Assert.All(filtered.EnumerateArray(), p => Assert.Equal(listed, p.GetProperty(field).GetString()));
    }

    // A market-data address read anonymously: its status as expected, its media type and its JSON.
    private async Task<(string? MediaType, JsonElement Json)> MarketAsync(string address, HttpStatusCode expected)
    {
        using var anonymous = server.CreateClient();
        using var response = await anonymous.GetAsync(new Uri(address, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return (response.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(body).RootElement);
    }

    [Theory]
    [InlineData("ticker")]
    [InlineData("klines")]
    [InlineData("klines?interval=1d")]
    [InlineData("depth")]
    [InlineData("stream")]
    public async Task MarketData_OfAnInstrumentNotListed_Is404NamingTheCodeAsTypedAndTheListedInstruments(string what)
    {
        // Before, a bare 404 that named nothing (the stream: a 200 that ended at once).
        var (mediaType, problem) = await MarketAsync($"/api/v1/market/CEA-2099/{what}", HttpStatusCode.NotFound);

        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal(("instrument", "UnknownInstrument"), (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith("交易品种：“CEA-2099”不是挂牌交易的品种；挂牌交易的品种：", detail, StringComparison.Ordinal);
        Assert.Contains("GDEA-2017", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ticker")]
    [InlineData("klines")]
    [InlineData("depth")]
    public async Task MarketData_OfAListedCodeInOtherLetterCase_AnswersForTheListedInstrument(string what) =>
        Assert.Equal("GDEA-2017", (await MarketAsync($"/api/v1/market/gdea-2017/{what}", HttpStatusCode.OK)).Json.GetProperty("instrument").GetString());

    [Fact]
    public async Task MarketStream_OfAListedCodeInOtherLetterCase_StreamsTheListedInstrument()
    {
        using var anonymous = server.CreateClient();

        using var response = await anonymous.GetAsync(new Uri("/api/v1/market/gdea-2017/stream", UriKind.Relative),
            HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        string? data = null;
        while (data is null && await reader.ReadLineAsync(Ct) is { } line)
        {
            data = line.StartsWith("data: ", StringComparison.Ordinal) ? line["data: ".Length..] : null;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(data);
        Assert.Equal("GDEA-2017", JsonDocument.Parse(data).RootElement.GetProperty("instrument").GetString());
    }
}
