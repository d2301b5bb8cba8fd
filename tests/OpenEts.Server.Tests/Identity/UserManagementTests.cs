using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Demo;
using OpenEts.Application.Storage;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Tests.Api;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Identity;

/// <summary>The regulator's user management over the API, and every user's own password.</summary>
public sealed class UserManagementTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string Temporary = "harbour-kettle-violet-19";
    private const string Chosen = "granite-meadow-lantern-73";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string CompanyCode => DemoMarket.Organisations.First(o => o.Kind == OrganisationKind.Company).Code.Value;

    [Fact]
    public async Task Issue_8_CreatedUser_MustChangeTheTemporaryPasswordBeforeAnythingElse()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var created = await regulator.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "new-rep", role = "CompanyRepresentative", organisation = CompanyCode, displayName = "新代表", password = Temporary,
        }, Ct);
        using var user = await CookieBrowser.SignInAsync(server, "new-rep", Temporary);

        var page = await user.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/Organisations"));
        var api = await user.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/organisations"));
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var change = await user.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/me/password")
        {
            Content = JsonContent.Create(new { currentPassword = Temporary, newPassword = Chosen }),
        });
        var after = await user.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/organisations"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/Password", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("PasswordChangeRequired", problem.GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains(await JournalKindsAsync("new-rep"), k => k == "identity.user.created");
    }

    [Fact]
    public async Task Issue_8_ChangeOwnPassword_ToACommonPassword_IsRefusedByThePolicy()
    {
        using var user = await CookieBrowser.SignInAsync(server, "steel-a");

        var common = await user.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/me/password")
        {
            Content = JsonContent.Create(new { currentPassword = ServerFactory.Password, newPassword = "password1234" }),
        });
        var body = await common.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, common.StatusCode);
        Assert.Equal("PasswordCommon", body.GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.OK, await CookieBrowser.MeWithCookieAsync(server, user.Auth));
    }

    [Fact]
    public async Task Issue_8_Regulator_CannotDisableThemselvesNorDropTheirOwnRole()
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var disable = await regulator.PostAsync("/api/v1/users/regulator/disable", null, Ct);
        using var demote = await regulator.PutAsJsonAsync("/api/v1/users/regulator/access", new { role = "Auditor" }, Ct);
        var me = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/users/regulator", Ct);

        Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
        Assert.Equal("SelfLockout", (await disable.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal("regulator", me.GetProperty("role").GetString());
        Assert.False(me.GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task Issue_8_ResetPassword_EndsTheSessionsAndTheOldPasswordNoLongerSignsIn()
    {
        using var victim = await CookieBrowser.SignInAsync(server, "paper-b");
        using var regulator = await server.SignedInAsync("regulator");

        using var reset = await regulator.PostAsJsonAsync("/api/v1/users/paper-b/reset-password", new { newPassword = Temporary }, Ct);
        using var login = server.CreateClient(new() { AllowAutoRedirect = false });
        using var oldPassword = await ServerFactory.PostLoginAsync(login, "paper-b", ServerFactory.Password);
        using var newPassword = await ServerFactory.PostLoginAsync(login, "paper-b", Temporary);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.True((await reset.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, await CookieBrowser.MeWithCookieAsync(server, victim.Auth));
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        Assert.Equal("/Account/Password", newPassword.Headers.Location?.OriginalString);
        Assert.Contains(await JournalKindsAsync("paper-b"), k => k == "user.password-reset");
    }

    [Fact]
    public async Task Issue_8_ChangeAccess_GivesTheNewRoleAtTheNextSignInAndIsInTheAuditLog()
    {
        using var before = await CookieBrowser.SignInAsync(server, "cement-a");
        using var regulator = await server.SignedInAsync("regulator");

        using var wrongKind = await regulator.PutAsJsonAsync("/api/v1/users/cement-a/access",
            new { role = "Verifier", organisation = CompanyCode }, Ct);
        using var changed = await regulator.PutAsJsonAsync("/api/v1/users/cement-a/access", new { role = "Auditor" }, Ct);
        using var after = await server.SignedInAsync("cement-a");
        var me = await after.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);
        var audit = await regulator.GetStringAsync("/Audit?subject=cement-a", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);
        Assert.Equal("OrganisationKind", (await wrongKind.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await CookieBrowser.MeWithCookieAsync(server, before.Auth));
        Assert.Equal("auditor", me.GetProperty("role").GetString());
        Assert.Contains("user.access-changed", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_8_DisableThenEnable_RefusesThenAllowsSignIn()
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var disable = await regulator.PostAsync("/api/v1/users/steel-b/disable", null, Ct);
        using var whileDisabled = server.CreateClient(new() { AllowAutoRedirect = false });
        using var refused = await ServerFactory.PostLoginAsync(whileDisabled, "steel-b", ServerFactory.Password);
        using var enable = await regulator.PostAsync("/api/v1/users/steel-b/enable", null, Ct);
        using var again = await server.SignedInAsync("steel-b");

        Assert.True((await disable.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False((await enable.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("disabled").GetBoolean());
        Assert.Equal(["user.disabled", "user.enabled"], (await JournalKindsAsync("steel-b")).Where(k => k is "user.disabled" or "user.enabled").Order());
    }

    [Fact]
    public async Task Issue_8_UserList_IsTheRegulatorsOnly()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var auditor = await server.SignedInAsync("auditor");

        var list = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/users", Ct);
        using var refused = await auditor.GetAsync("/api/v1/users", Ct);

        Assert.Contains(list.EnumerateArray(), u => u.GetProperty("userName").GetString() == "auditor");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private async Task<IReadOnlyList<string>> JournalKindsAsync(string subject)
    {
        var entries = await server.Services.GetRequiredService<IStore>().ReadAsync(
            s => s.Journal.PageAsync(new JournalFilter(Subject: subject), 0, 1000), Ct);
        return [.. entries.Select(e => e.Kind)];
    }
}
