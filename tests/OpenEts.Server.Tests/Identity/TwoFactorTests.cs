using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Storage;
using OpenEts.Server.Tests.Api;
using OpenEts.Server.Tests.Infrastructure;
using OtpNet;

namespace OpenEts.Server.Tests.Identity;

/// <summary>TOTP enrolment, sign-in with a code or a recovery code, and the server option that requires it for API tokens.</summary>
public sealed partial class TwoFactorTests(TwoFactorTests.TokensNeedTwoFactor server) : IClassFixture<TwoFactorTests.TokensNeedTwoFactor>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Issue_8_EnrolledUser_SignsInOnlyWithACurrentCodeAndEachCodeWorksOnce()
    {
        var secret = await EnrolAsync("aviation-a");
        server.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = CodeAt(secret, server.Clock.GetUtcNow());

        using var browser = CookieBrowser.Anonymous(server);
        var (passwordOnly, ticket) = await PasswordAsync(browser, "aviation-a");
        using var wrong = await CodeAsync(browser, ticket, code == "000000" ? "111111" : "000000");
        using var right = await CodeAsync(browser, ticket, code);
        using var other = CookieBrowser.Anonymous(server);
        var (_, ticket2) = await PasswordAsync(other, "aviation-a");
        using var replayed = await CodeAsync(other, ticket2, code);
        var user = await server.Services.GetRequiredService<IStore>().ReadAsync(s => s.Users.FindByNameAsync("aviation-a"), Ct);

        Assert.Equal(HttpStatusCode.OK, passwordOnly);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await CookieBrowser.MeWithCookieAsync(server, browser.Auth));
        Assert.NotEmpty(ticket2);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.DoesNotContain(secret, user!.TwoFactor.ProtectedSecret!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_8_RecoveryCode_SignsInOnceAndIsJournalled()
    {
        var (_, recovery) = await EnrolWithCodesAsync("aviation-b");

        using var first = CookieBrowser.Anonymous(server);
        var (_, ticket) = await PasswordAsync(first, "aviation-b");
        using var used = await CodeAsync(first, ticket, recovery[0].ToUpperInvariant());
        using var second = CookieBrowser.Anonymous(server);
        var (_, ticket2) = await PasswordAsync(second, "aviation-b");
        using var again = await CodeAsync(second, ticket2, recovery[0]);
        var kinds = (await server.Services.GetRequiredService<IStore>().ReadAsync(
            s => s.Journal.PageAsync(new JournalFilter(Subject: "aviation-b"), 0, 100), Ct)).Select(e => e.Kind).ToList();

        Assert.Equal(10, recovery.Count);
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.NotEmpty(ticket2);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("user.2fa-enabled", kinds);
        Assert.Contains("user.2fa-recovery-code-used", kinds);
    }

    [Fact]
    public async Task Issue_8_RequireTwoFactorForTokens_RefusesATokenUntilTheUserEnrols()
    {
        using var browser = await CookieBrowser.SignInAsync(server, "exchange");

        using var before = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/tokens")
        {
            Content = JsonContent.Create(new { name = "nightly" }),
        });
        var refusal = await before.Content.ReadFromJsonAsync<JsonElement>(Ct);
        await EnrolAsync("exchange", browser);
        using var after = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/tokens")
        {
            Content = JsonContent.Create(new { name = "nightly" }),
        });

        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal("TwoFactorRequired", refusal.GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    [Fact]
    public async Task Issue_8_RoleThatRequiresTwoFactor_IsHeldOnTheEnrolmentPageUntilEnrolled()
    {
        using var browser = CookieBrowser.Anonymous(server);
        using var signIn = await browser.PostFormAsync("/Account/Login", "/Account/Login",
            new() { ["UserName"] = "verifier", ["Password"] = ServerFactory.Password });

        using var page = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/Organisations"));
        using var api = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/organisations"));
        var refusal = await api.Content.ReadFromJsonAsync<JsonElement>(Ct);
        await EnrolAsync("verifier", browser);
        using var after = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/Organisations"));

        Assert.Equal("/Account/TwoFactor", signIn.Headers.Location?.OriginalString);
        Assert.Equal("/Account/TwoFactor", page.Headers.Location?.OriginalString);
        Assert.Equal("TwoFactorEnrolmentRequired", refusal.GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Issue_8_RegulatorClearsALostSecondFactor_TheUserSignsInWithThePasswordAloneAndMayNotClearTheirOwn()
    {
        using var enrolled = await CookieBrowser.SignInAsync(server, "power-b");
        await EnrolAsync("power-b", enrolled);
        using var regulator = await server.SignedInAsync("regulator");

        using var cleared = await regulator.PostAsync("/api/v1/users/power-b/reset-two-factor", null, Ct);
        var view = await cleared.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var own = await regulator.PostAsync("/api/v1/users/regulator/reset-two-factor", null, Ct);
        using var company = await server.SignedInAsync("power-a");
        using var byCompany = await company.PostAsync("/api/v1/users/power-b/reset-two-factor", null, Ct);
        using var browser = CookieBrowser.Anonymous(server);
        var (status, ticket) = await PasswordAsync(browser, "power-b");
        var kinds = (await server.Services.GetRequiredService<IStore>().ReadAsync(
            s => s.Journal.PageAsync(new JournalFilter(Subject: "power-b"), 0, 100), Ct)).Select(e => e.Kind).ToList();

        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.False(view.GetProperty("twoFactor").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, await CookieBrowser.MeWithCookieAsync(server, enrolled.Auth));
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Empty(ticket);
        Assert.Equal(HttpStatusCode.OK, await CookieBrowser.MeWithCookieAsync(server, browser.Auth));
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Equal("SelfLockout", (await own.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byCompany.StatusCode);
        Assert.Contains("user.2fa-reset", kinds);
    }

    private static string CodeAt(string secret, DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at.UtcDateTime);

    private async Task<string> EnrolAsync(string user, CookieBrowser? signedIn = null) => (await EnrolWithCodesAsync(user, signedIn)).Secret;

    // Begins enrolment on the two-factor page, reads the secret it shows and confirms with the current code.
    private async Task<(string Secret, IReadOnlyList<string> Recovery)> EnrolWithCodesAsync(string user, CookieBrowser? signedIn = null)
    {
        var browser = signedIn ?? await CookieBrowser.SignInAsync(server, user);
        try
        {
            using var begun = await browser.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor?handler=Begin", []);
            var secret = SecretPattern().Match(await begun.Content.ReadAsStringAsync(Ct)).Groups[1].Value;
            using var qr = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/Account/TwoFactor?handler=Qr"));
            using var confirmed = await browser.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor?handler=Confirm",
                new() { ["Code"] = CodeAt(secret, server.Clock.GetUtcNow()) });
            var html = await confirmed.Content.ReadAsStringAsync(Ct);
            Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
            Assert.Contains("id=\"twofactor-on\"", html, StringComparison.Ordinal);
            return (secret, [.. RecoveryPattern().Matches(html).Select(m => m.Groups[1].Value)]);
        }
        finally
        {
            if (signedIn is null)
            {
                browser.Dispose();
            }
        }
    }

    private static async Task<(HttpStatusCode Status, string Ticket)> PasswordAsync(CookieBrowser browser, string user)
    {
        using var response = await browser.PostFormAsync("/Account/Login", "/Account/Login",
            new() { ["UserName"] = user, ["Password"] = ServerFactory.Password });
        var html = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, TicketPattern().Match(html).Groups[1].Value);
    }

    private static Task<HttpResponseMessage> CodeAsync(CookieBrowser browser, string ticket, string code) =>
        browser.PostFormAsync("/Account/Login", "/Account/Login?handler=Code", new() { ["Ticket"] = ticket, ["Code"] = code });

    [GeneratedRegex("id=\"totp-secret\">([A-Z2-7]+)<")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("<li>([a-z2-9]{5}-[a-z2-9]{5})</li>")]
    private static partial Regex RecoveryPattern();

    [GeneratedRegex("name=\"Ticket\" value=\"([^\"]+)\"")]
    private static partial Regex TicketPattern();

    /// <summary>The demo server started with <c>--require-2fa-for-tokens=true --require-2fa-for-roles Verifier</c>.</summary>
    public sealed class TokensNeedTwoFactor : ServerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("require-2fa-for-tokens", "true");
            builder.UseSetting("require-2fa-for-roles", "Verifier");
        }
    }
}
