using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

// Each test signs in as its own demo user: ending one user's sessions must not end another test's.
public sealed class SessionTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Issue_8_SignOut_KeptCookieNoLongerSignsIn()
    {
        using var browser = await CookieBrowser.SignInAsync(server, "verifier");
        var kept = browser.Auth;
        var before = await CookieBrowser.MeWithCookieAsync(server, kept);

        using var logout = await browser.PostFormAsync("/Account/Tokens", "/Account/Logout", []);

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await CookieBrowser.MeWithCookieAsync(server, kept));
        Assert.Contains(await JournalKindsAsync("verifier"), k => k == "user.signed-out");
    }

    [Fact]
    public async Task Issue_8_SignOutEverywhereApi_EndsEverySessionOfThatUserOnly()
    {
        using var laptop = await CookieBrowser.SignInAsync(server, "exchange");
        using var phone = await CookieBrowser.SignInAsync(server, "exchange");
        using var other = await CookieBrowser.SignInAsync(server, "exchange-b");

        using var response = await laptop.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/me/sign-out-everywhere"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await CookieBrowser.MeWithCookieAsync(server, laptop.Auth));
        Assert.Equal(HttpStatusCode.Unauthorized, await CookieBrowser.MeWithCookieAsync(server, phone.Auth));
        Assert.Equal(HttpStatusCode.OK, await CookieBrowser.MeWithCookieAsync(server, other.Auth));
        Assert.Contains(await JournalKindsAsync("exchange"), k => k == "user.signed-out-everywhere");
    }

    [Fact]
    public async Task Issue_8_SignOutEverywhereButton_EndsTheOtherSessions()
    {
        using var laptop = await CookieBrowser.SignInAsync(server, "steel-a");
        using var phone = await CookieBrowser.SignInAsync(server, "steel-a");
        var page = await laptop.GetStringAsync("/Account/Tokens");

        using var response = await laptop.PostFormAsync("/Account/Tokens", "/Account/Tokens?handler=SignOutEverywhere", []);

        Assert.Contains("sign-out-everywhere", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await CookieBrowser.MeWithCookieAsync(server, phone.Auth));
    }

    [Fact]
    public async Task Issue_8_PasswordChange_EndsEverySessionAndTheNewPasswordSignsIn()
    {
        using var browser = await CookieBrowser.SignInAsync(server, "paper-a");
        var user = await FindUserAsync("paper-a");
        var sessions = server.Services.GetRequiredService<Sessions>();
        var actor = new Actor(user.Id, user.UserName, user.Role, user.OrganisationId);

        var wrong = await sessions.ChangePasswordAsync(actor, new ChangeOwnPassword("not-the-password", "a-new-long-password-2026"),
            DateTimeOffset.UtcNow, Ct);
        var stillIn = await CookieBrowser.MeWithCookieAsync(server, browser.Auth);
        var changed = await sessions.ChangePasswordAsync(actor, new ChangeOwnPassword(ServerFactory.Password, "a-new-long-password-2026"),
            DateTimeOffset.UtcNow, Ct);

        Assert.Equal("WrongPassword", Assert.IsType<UserCommandOutcome.Refused>(wrong).Rule);
        Assert.Equal(HttpStatusCode.OK, stillIn);
        Assert.IsType<UserCommandOutcome.Completed>(changed);
        Assert.Equal(HttpStatusCode.Unauthorized, await CookieBrowser.MeWithCookieAsync(server, browser.Auth));
        using var again = await CookieBrowser.SignInAsync(server, "paper-a", "a-new-long-password-2026");
        Assert.Equal(HttpStatusCode.OK, await CookieBrowser.MeWithCookieAsync(server, again.Auth));
        Assert.Contains(await JournalKindsAsync("paper-a"), k => k == "user.password-changed");
    }

    [Fact]
    public async Task Issue_8_DisableUser_EndsSessionsRevokesTokensAndRefusesSignIn()
    {
        using var browser = await CookieBrowser.SignInAsync(server, "cement-b");
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tokens") { Content = JsonContent.Create(new { name = "batch" }) };
        using var created = await browser.SendAsync(create);
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("token").GetString();
        using var program = server.CreateClient();
        program.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var before = await program.GetAsync("/api/v1/me", Ct);
        var regulator = await FindUserAsync("regulator");
        var target = await FindUserAsync("cement-b");

        var disabled = await server.Services.GetRequiredService<Sessions>().DisableUserAsync(
            new Actor(regulator.Id, regulator.UserName, regulator.Role, regulator.OrganisationId), target.Id, DateTimeOffset.UtcNow, Ct);

        using var after = await program.GetAsync("/api/v1/me", Ct);
        using var login = server.CreateClient(new() { AllowAutoRedirect = false });
        using var signIn = await ServerFactory.PostLoginAsync(login, "cement-b", ServerFactory.Password);
        var tokens = await server.Services.GetRequiredService<IStore>().ReadAsync(s => s.Users.ListTokensAsync(target.Id), Ct);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.True(disabled);
        Assert.Equal(HttpStatusCode.Unauthorized, await CookieBrowser.MeWithCookieAsync(server, browser.Auth));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.All(tokens, t => Assert.NotNull(t.RevokedAt));
        Assert.Contains(await JournalKindsAsync("cement-b"), k => k == "user.disabled");
    }

    private Task<UserRecord> FindUserAsync(string name) =>
        server.Services.GetRequiredService<IStore>().ReadAsync(async s => (await s.Users.FindByNameAsync(name))!, Ct);

    private async Task<IReadOnlyList<string>> JournalKindsAsync(string subject)
    {
        var entries = await server.Services.GetRequiredService<IStore>().ReadAsync(
            s => s.Journal.PageAsync(new JournalFilter(Subject: subject), 0, 1000), Ct);
        return [.. entries.Select(e => e.Kind)];
    }
}
