using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenEts.Server.Tests.Api;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Auth;

/// <summary>An API write that the sign-in cookie authorises is refused when the browser says another site sent it.</summary>
public sealed class SameOriginWritesTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Import(string header, string value, string csv)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organisations/import")
        {
            Content = ImportLimitsTests.Upload(Encoding.UTF8.GetBytes(csv), "list.csv"),
        };
        request.Headers.TryAddWithoutValidation(header, value);
        return request;
    }

    private static string OneRow(string first17, string name) =>
        $"统一社会信用代码,企业名称,行业,地区\n{first17}{Domain.Organisations.CreditCode.CheckCharacter(first17)},{name},电力,广州市\n";

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Origin", "http://localhost:8080")]
    [InlineData("Referer", "https://evil.example/form.html")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task Issue_8_ImportWithCookie_FromAnotherSite_Is403AndImportsNothing(string header, string value)
    {
        using var client = await server.SignedInAsync("regulator");

        using var response = await client.SendAsync(Import(header, value, OneRow("91440101MA5CY3001", "跨站伪造电力")), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var found = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/organisations?q=跨站伪造", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Csrf", problem.GetProperty("rule").GetString());
        Assert.Empty(found ?? []);
    }

    [Theory]
    [InlineData("Origin", "http://localhost")]
    [InlineData("Referer", "http://localhost/Organisations/Import")]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    public async Task Issue_8_ImportWithCookie_FromThisSite_IsImported(string header, string value)
    {
        using var client = await server.SignedInAsync("regulator");
        var first17 = "91440101MA5CY31" + (header.Length % 10) + (value.Length % 10);

        using var response = await client.SendAsync(Import(header, value, OneRow(first17, "同站电力" + header)), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Issue_8_JsonWriteWithCookie_FromAnotherSite_Is403()
    {
        using var client = await server.SignedInAsync("regulator");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organisations")
        {
            Content = JsonContent.Create(new { code = "91440101MA5CY30020", name = "X", sector = "power", region = "广州市" }),
        };
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Issue_8_ImportWithBearerToken_FromAnotherOrigin_IsImported()
    {
        using var browser = await server.SignedInAsync("regulator");
        using var created = await browser.PostAsJsonAsync("/api/v1/tokens", new { name = "import job" }, Ct);
        var token = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var program = server.CreateClient();
        program.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());

        using var response = await program.SendAsync(Import("Origin", "https://tools.example", OneRow("91440101MA5CY3003", "令牌导入电力")), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Issue_8_ReadWithCookie_FromAnotherSite_IsAnswered()
    {
        using var client = await server.SignedInAsync("regulator");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organisations");
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
