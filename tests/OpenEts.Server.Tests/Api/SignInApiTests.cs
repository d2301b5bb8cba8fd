using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

public sealed class SignInApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_WithWrongPassword_StaysOnPageWithError()
    {
        using var client = server.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await ServerFactory.PostLoginAsync(client, "verifier", "wrong");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("signin-error", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiToken_WorksAsBearerUntilRevoked()
    {
        using var browser = await server.SignedInAsync("auditor");
        using var created = await browser.PostAsJsonAsync("/api/v1/tokens", new { name = "nightly export" }, Ct);
        var token = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var program = server.CreateClient();
        program.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());

        var me = await program.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);
        using var audit = await program.GetAsync("/api/v1/audit", Ct);
        using var write = await program.PostAsJsonAsync("/api/v1/organisations", new { code = "x" }, Ct);
        using var revoke = await browser.DeleteAsync($"/api/v1/tokens/{token.GetProperty("id").GetInt64()}", Ct);
        using var after = await program.GetAsync("/api/v1/me", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("auditor", me.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task AuditVerify_OnSeededMarket_ReportsIntactChain()
    {
        using var client = await server.SignedInAsync("auditor");

        var result = await client.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify", Ct);

        Assert.True(result.GetProperty("intact").GetBoolean());
        Assert.True(result.GetProperty("checked").GetInt64() >= 24);
    }

    [Fact]
    public async Task OpenApi_DescribesTheOrganisationEndpoints()
    {
        using var client = server.CreateClient();

        var doc = await client.GetStringAsync("/openapi/v1.json", Ct);
        var page = await client.GetStringAsync("/ApiReference", Ct);

        Assert.Contains("/api/v1/organisations/import", doc, StringComparison.Ordinal);
        Assert.Contains("/api/v1/audit/verify", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_AreChineseByDefaultAndEnglishOnRequest()
    {
        using var client = await server.SignedInAsync("exchange");

        var chinese = await client.GetStringAsync("/Organisations", Ct);
        using var switched = await client.GetAsync("/lang/en?returnUrl=/Organisations", Ct);
        var cookie = switched.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Organisations");
        request.Headers.Add("Cookie", cookie);
        var english = await (await client.SendAsync(request, Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Contains("纳入企业名单", chinese, StringComparison.Ordinal);
        Assert.Contains("Covered entities", english, StringComparison.Ordinal);
    }
}
