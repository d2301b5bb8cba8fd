using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenEts.Server.Tests.Infrastructure;
using OpenEts.Storage;

namespace OpenEts.Server.Tests.Api;

/// <summary>
/// The data-protection keys behind sign-in cookies and antiforgery tokens live in the database: a cookie issued by one
/// server is accepted by a new server started on the same database, on SQLite and on PostgreSQL.
/// </summary>
public sealed partial class SignInSurvivesRestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cookies_AfterRestartOnSqlite_StillSignInAndPassAntiforgery()
    {
        var folder = Directory.CreateTempSubdirectory("openets-restart-").FullName;
        try
        {
            await RestartAsync(Path.Combine(folder, "openets.db"));

            Assert.False(Directory.Exists(Path.Combine(folder, "keys")), "the keys belong in the database, not in a folder");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }

    [Fact]
    public async Task Issue_8_KeyRingCertificate_KeepsNoClearKeyInTheDatabaseAndARestartStillReadsTheCookies()
    {
        var folder = Directory.CreateTempSubdirectory("openets-keyring-").FullName;
        try
        {
            var certificate = Path.Combine(folder, "key-ring.pfx");
            using (var rsa = System.Security.Cryptography.RSA.Create(2048))
            {
                var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=OpenETS key ring", rsa,
                    System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
                using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                await File.WriteAllBytesAsync(certificate, cert.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pfx-pass"), Ct);
            }

            var keys = await RestartAsync(Path.Combine(folder, "openets.db"), certificate);

            var xml = Assert.Single(keys);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }

    [Fact]
    public Task Cookies_AfterRestartOnPostgres_StillSignInAndPassAntiforgery() =>
        FreshPostgres.RunAsync("openets_restart_", db => RestartAsync(db), Ct);

    // Signs in on one server and keeps a login form's antiforgery pair; after that server is gone, a new server on the
    // same database accepts both.
    private static async Task<IReadOnlyList<string>> RestartAsync(string database, string? certificate = null)
    {
        string signedIn;
        string antiforgeryCookie, antiforgeryToken;
        await using (var first = new ServerOn(database, certificate))
        {
            using var client = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            var (cookie, token) = await LoginFormAsync(client);
            using var login = await PostLoginAsync(client, cookie, token, "regulator");
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            signedIn = CookiesOf(login);
            Assert.Contains("openets.auth=", signedIn, StringComparison.Ordinal);
            (antiforgeryCookie, antiforgeryToken) = await LoginFormAsync(client);
        }

        await using var second = new ServerOn(database, certificate);
        using var next = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var anonymous = await next.GetAsync(new Uri("/Organisations", UriKind.Relative), Ct);
        using var page = await GetAsync(next, "/Organisations", signedIn);
        using var login2 = await PostLoginAsync(next, antiforgeryCookie, antiforgeryToken, "auditor");
        await using var store = await SqlStore.OpenAsync(database, Ct);
        var keys = await store.ReadAsync(s => s.DataProtectionKeys.AllAsync(), Ct);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, login2.StatusCode);
        Assert.Single(keys);
        return keys;
    }

    private static async Task<(string Cookie, string Token)> LoginFormAsync(HttpClient client)
    {
        using var form = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative), Ct);
        var html = await form.Content.ReadAsStringAsync(Ct);
        return (CookiesOf(form), AntiforgeryField().Match(html).Groups[1].Value);
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string cookie, string token, string userName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = userName,
                ["Password"] = ServerFactory.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, Ct);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, Ct);
    }

    // The name=value pairs a response sets, as one Cookie header.
    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var set)
            ? set.Select(c => c.Split(';', 2)[0])
            : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private sealed class ServerOn(string database, string? certificate = null) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            if (certificate is not null)
            {
                builder.UseSetting("key-ring-certificate", certificate);
                builder.UseSetting("OPENETS_KEY_RING_CERTIFICATE_PASSWORD", "pfx-pass");
            }
            builder.UseSetting("db", database);
            builder.UseSetting("demo", "true");
            builder.UseEnvironment("Testing");
        }
    }
}
