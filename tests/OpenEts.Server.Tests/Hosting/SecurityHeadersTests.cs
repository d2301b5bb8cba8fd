using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Hosting;

/// <summary>Every response carries the security headers, and the server does not name itself.</summary>
public sealed class SecurityHeadersTests(KestrelServer server) : IClassFixture<KestrelServer>
{

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IEnumerable<(string Method, string Url)> EveryRoute()
    {
        foreach (var e in server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
            var url = System.Text.RegularExpressions.Regex.Replace(route, "\\{[^}]+\\}", "x");
            foreach (var method in e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                yield return (method, url);
            }
        }
        yield return ("GET", "/css/site.css");
        yield return ("GET", "/no/such/page");
        yield return ("GET", "/api/v1/no-such-endpoint");
    }

    [Fact]
    public async Task Issue_8_EveryResponse_CarriesTheSecurityHeaders()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var regulator = await SignedInOverKestrelAsync("regulator");
        var seen = 0;
        foreach (var client in new[] { anonymous, regulator })
        {
            foreach (var (method, url) in EveryRoute())
            {
                using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url), Ct);
                var where = $"{method} {url} → {(int)response.StatusCode}";
                Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), where);
                var policy = string.Join(";", csp!);
                Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
                Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
                Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
                Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
                Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
                Assert.True(response.Headers.Contains("Referrer-Policy"), where);
                Assert.False(response.Headers.Contains("Server"), $"{where}: Server: {string.Join(",", response.Headers.Server)}");
                seen++;
            }
        }
        Assert.True(seen > 60, $"only {seen} responses checked");
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task Issue_8_LanguageSwitch_WithAnOffSiteReturnUrl_GoesHome(string returnUrl)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

        using var response = await client.GetAsync("/lang/en?returnUrl=" + Uri.EscapeDataString(returnUrl), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task LanguageSwitch_WithALocalReturnUrl_GoesBackThere()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

        using var response = await client.GetAsync("/lang/en?returnUrl=%2FRegistry%3Fx%3D1", Ct);

        Assert.Equal("/Registry?x=1", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Healthz_WithTheDatabaseUp_AnswersOkWithoutSignIn()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await client.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Issue_8_BehindATlsProxy_SendsHstsAndSecureCookies()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = server.BaseAddress,
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Host = "ets.example.gov.cn";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request, Ct);

        Assert.Contains("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task PlainHttp_WithoutAProxy_SendsNoHsts()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await client.GetAsync("/Account/Login", Ct);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private async Task<HttpClient> SignedInOverKestrelAsync(string user)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = server.BaseAddress };
        var response = await ServerFactory.PostLoginAsync(client, user, ServerFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
