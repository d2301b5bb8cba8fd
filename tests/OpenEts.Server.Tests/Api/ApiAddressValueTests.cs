using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

/// <summary>
/// A value in an API address that the API cannot use (<c>/GD/abc</c>, <c>?status=foo</c>) is answered
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
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var field = problem.GetProperty("field").GetString()!;
        return (field, problem.GetProperty("rule").GetString()!, problem.GetProperty("errors").GetProperty(field)[0].GetString()!);
    }

    [Theory]
    [InlineData("/api/v1/compliance/GD/abc")]
    [InlineData("/api/v1/compliance/GD/abc/overview")]
    public async Task Compliance_AYearInThePathThatIsNoNumber_Is400NamingYearAsTyped(string address)
    {
        var (field, rule, message) = await RefusedAsync("regulator", address);
        using var anonymous = server.CreateClient();
        using var other = await anonymous.GetAsync(new Uri("/api/v1/compliance/GD/2017/nothing", UriKind.Relative), Ct);

        // Before, a bare 404 that did not say the year was the trouble.
        Assert.Equal(("year", "Number"), (field, rule));
        Assert.Contains("“abc”不是数字", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("4")]
    public async Task OffsetsProjects_FilteredByAStatusThatIsNoStatus_Is400NamingTheStatusesThereAre(string status)
    {
        var (field, rule, message) = await RefusedAsync("regulator", $"/api/v1/offsets/projects?status={status}");
        using var anonymous = server.CreateClient();
        var registered = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/offsets/projects?status=REGISTERED", Ct);

        // Before, an unknown status listed every project as if no filter were given.
        Assert.Equal(("status", "UnknownValue"), (field, rule));
        Assert.StartsWith($"状态：“{status}”不是可选的值之一，可选：submitted, returned, validated, registered", message, StringComparison.Ordinal);
        Assert.NotEqual(0, registered.GetArrayLength());
        Assert.All(registered.EnumerateArray(), p => Assert.Equal("registered", p.GetProperty("status").GetString()));
    }
}
