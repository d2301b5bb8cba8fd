using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

/// <summary>
/// A browser whose cookies the test can see and copy: signs in through the login page, posts page forms with their
/// antiforgery token, and keeps <c>openets.auth</c> where a test can take a copy of it (as an attacker would).
/// </summary>
internal sealed partial class CookieBrowser : IDisposable
{
    public const string AuthCookie = "openets.auth";

    private readonly Dictionary<string, string> _jar = [];
    private readonly HttpClient _client;

    private CookieBrowser(ServerFactory server) =>
        _client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>The sign-in cookie as it is now (a copy someone kept).</summary>
    public string Auth => _jar[AuthCookie];

    /// <summary>A browser that has not signed in yet.</summary>
    public static CookieBrowser Anonymous(ServerFactory server) => new(server);

    public static async Task<CookieBrowser> SignInAsync(ServerFactory server, string userName, string password = ServerFactory.Password)
    {
        var browser = new CookieBrowser(server);
        using var login = await browser.PostFormAsync("/Account/Login", "/Account/Login",
            new() { ["UserName"] = userName, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    /// <summary>Loads <paramref name="formPage"/>, then posts <paramref name="fields"/> with its antiforgery token to <paramref name="url"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string url, Dictionary<string, string> fields)
    {
        var page = await GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        return await SendAsync(request);
    }

    public async Task<string> GetStringAsync(string url)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url));
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_jar.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _jar.Select(c => $"{c.Key}={c.Value}")));
        }
        var response = await _client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies)
            {
                var pair = cookie.Split(';')[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                _jar[pair[..eq]] = pair[(eq + 1)..];
            }
        }
        return response;
    }

    /// <summary>A fresh client that sends only the given sign-in cookie.</summary>
    public static async Task<HttpStatusCode> MeWithCookieAsync(ServerFactory server, string authCookie)
    {
        using var client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("Cookie", $"{AuthCookie}={authCookie}");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
