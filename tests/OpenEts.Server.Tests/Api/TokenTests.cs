using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Server.Localization;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

public sealed partial class TokenTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Issue_8_BearerToken_CannotCreateTokensAndRevokingItLeavesCookieMadeTokens()
    {
        using var browser = await server.SignedInAsync("auditor");
        var (t1, t1Id) = await CreateAsync(browser, new { name = "first" });
        var (t2, _) = await CreateAsync(browser, new { name = "second" });
        using var program = Bearer(t1);

        using var bred = await program.PostAsJsonAsync("/api/v1/tokens", new { name = "offspring" }, Ct);
        var problem = await bred.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var revoke = await browser.DeleteAsync($"/api/v1/tokens/{t1Id}", Ct);
        using var firstAfter = await program.GetAsync("/api/v1/me", Ct);
        using var second = Bearer(t2);
        using var secondAfter = await second.GetAsync("/api/v1/me", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, bred.StatusCode);
        Assert.Equal("SessionRequired", problem.GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, firstAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondAfter.StatusCode);
        Assert.DoesNotContain(await browser.GetFromJsonAsync<JsonElement[]>("/api/v1/tokens", Ct) ?? [],
            t => t.GetProperty("name").GetString() == "offspring");
    }

    [Fact]
    public async Task Issue_8_ExpiredToken_IsUnauthorised()
    {
        var store = server.Services.GetRequiredService<IStore>();
        var user = await store.ReadAsync(async s => (await s.Users.FindByNameAsync("auditor"))!, Ct);
        var now = DateTimeOffset.UtcNow;
        const string Expired = "oets_expired-token-for-the-test-0000000000000";
        const string Live = "oets_live-token-for-the-test-000000000000000000";
        await store.WriteAsync(async s =>
        {
            await s.Users.InsertTokenAsync(new ApiTokenRecord(0, user.Id, "old", SignIn.HashToken(Expired), "oets_expire",
                now.AddDays(-100), null, now.AddDays(-10), TokenScope.ReadWrite, null));
            return await s.Users.InsertTokenAsync(new ApiTokenRecord(0, user.Id, "new", SignIn.HashToken(Live), "oets_live-t",
                now.AddDays(-1), null, now.AddDays(10), TokenScope.ReadWrite, null));
        }, Ct);
        using var expired = Bearer(Expired);
        using var live = Bearer(Live);

        using var expiredMe = await expired.GetAsync("/api/v1/me", Ct);
        using var liveMe = await live.GetAsync("/api/v1/me", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, expiredMe.StatusCode);
        Assert.Equal(HttpStatusCode.OK, liveMe.StatusCode);
    }

    [Fact]
    public async Task Issue_8_CreateToken_ExpiresIn90DaysByDefaultAndAtMostAYear()
    {
        using var browser = await server.SignedInAsync("power-a");

        using var byDefault = await browser.PostAsJsonAsync("/api/v1/tokens", new { name = "default" }, Ct);
        var made = await byDefault.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var year = await browser.PostAsJsonAsync("/api/v1/tokens", new { name = "year", expiresInDays = 365 }, Ct);
        using var tooLong = await browser.PostAsJsonAsync("/api/v1/tokens", new { name = "too long", expiresInDays = 366 }, Ct);
        using var zero = await browser.PostAsJsonAsync("/api/v1/tokens", new { name = "zero", expiresInDays = 0 }, Ct);
        using var badScope = await browser.PostAsJsonAsync("/api/v1/tokens", new { name = "scope", scope = "admin" }, Ct);
        var tooLongProblem = await tooLong.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Created, byDefault.StatusCode);
        var expires = made.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(90).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(90).AddMinutes(5));
        Assert.Equal("read-write", made.GetProperty("scope").GetString());
        Assert.Equal(HttpStatusCode.Created, year.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("expiresInDays", tooLongProblem.GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badScope.StatusCode);
    }

    [Fact]
    public async Task Issue_8_ReadOnlyToken_ReadsButEveryWriteIsForbidden()
    {
        using var browser = await server.SignedInAsync("regulator");
        var (token, id) = await CreateAsync(browser, new { name = "reports", scope = "read" });
        using var program = Bearer(token);

        using var read = await program.GetAsync("/api/v1/organisations", Ct);
        using var write = await program.PostAsJsonAsync("/api/v1/organisations", new { code = "x" }, Ct);
        var problem = await write.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var delete = await program.DeleteAsync($"/api/v1/tokens/{id}", Ct);
        using var stillThere = await program.GetAsync("/api/v1/me", Ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal("TokenReadOnly", problem.GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task Issue_8_TokensPage_ShowsExpiryAndWhenEachTokenWasLastUsed()
    {
        using var browser = await server.SignedInAsync("aviation-a");
        var (token, id) = await CreateAsync(browser, new { name = "nightly", expiresInDays = 30 });
        var before = await browser.GetStringAsync("/Account/Tokens", Ct);
        using var program = Bearer(token);
        (await program.GetAsync("/api/v1/me", Ct)).Dispose();

        var after = await browser.GetStringAsync("/Account/Tokens", Ct);

        Assert.DoesNotMatch(LastUsedDate(id), before);
        Assert.Matches(LastUsedDate(id), after);
        Assert.Contains(DisplayTime.Show(DateTimeOffset.UtcNow.AddDays(30))[..10],
            after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokensPage_CreateWithTooLongLife_ShowsTheRuleAndMakesNoToken()
    {
        using var browser = await server.SignedInAsync("paper-b");
        var form = await browser.GetStringAsync("/Account/Tokens", Ct);
        var antiforgery = ServerFactory.AntiforgeryToken(form);

        using var response = await browser.PostAsync("/Account/Tokens?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "forever", ["ExpiresInDays"] = "1000", ["Scope"] = "read", ["__RequestVerificationToken"] = antiforgery,
        }), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Contains("token-error", html, StringComparison.Ordinal);
        Assert.DoesNotContain("new-token", html, StringComparison.Ordinal);
        Assert.Empty(await browser.GetFromJsonAsync<JsonElement[]>("/api/v1/tokens", Ct) ?? []);
    }

    [Fact]
    public async Task Issue_12_TokenInUse_UserChangedOrDisabled_TheNextRequestSeesIt()
    {
        var store = server.Services.GetRequiredService<IStore>();
        using var browser = await server.SignedInAsync("verifier");
        var (token, _) = await CreateAsync(browser, new { name = "in use" });
        var user = await store.ReadAsync(async s => (await s.Users.FindByNameAsync("verifier"))!, Ct);
        using var program = Bearer(token);
        using var first = await program.GetAsync("/api/v1/me", Ct);
        using var second = await program.GetAsync("/api/v1/me", Ct);

        await store.WriteAsync(async s => { await s.Users.UpdateAccessAsync(user.Id, user.DisplayName, Domain.Identity.Role.Auditor, user.OrganisationId); return 0; }, Ct);
        var asAuditor = await program.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);
        await store.WriteAsync(s => s.Users.SetDisabledAsync(user.Id, DateTimeOffset.UtcNow), Ct);
        using var disabled = await program.GetAsync("/api/v1/me", Ct);
        await store.WriteAsync(async s =>
        {
            await s.Users.SetDisabledAsync(user.Id, null);
            await s.Users.UpdateAccessAsync(user.Id, user.DisplayName, user.Role, user.OrganisationId);
            return 0;
        }, Ct);
        using var enabled = await program.GetAsync("/api/v1/me", Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal("auditor", asAuditor.GetProperty("role").GetString(), ignoreCase: true);
        Assert.Equal(HttpStatusCode.Unauthorized, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
    }

    private static Regex LastUsedDate(long id) =>
        new($"data-token=\"{id}\"[\\s\\S]*?<td class=\"last-used\"><span class=\"nowrap\">\\d{{4}}-\\d{{2}}-\\d{{2}}</span> <span class=\"nowrap\">\\d{{2}}:\\d{{2}} \\(UTC[^)]*\\)</span></td>");

    private static async Task<(string Token, long Id)> CreateAsync(HttpClient browser, object body)
    {
        using var created = await browser.PostAsJsonAsync("/api/v1/tokens", body, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (json.GetProperty("token").GetString()!, json.GetProperty("id").GetInt64());
    }

    private HttpClient Bearer(string token)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
