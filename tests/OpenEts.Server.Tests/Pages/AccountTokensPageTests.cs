using System.Net;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// The API tokens page: a life in days that is no whole number is refused by name instead of the default being used
// silently, nothing is created, and the name, the days and the scope come back as typed.
public sealed class AccountTokensPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateToken_WithDaysThatAreNoNumber_IsRefusedNamingThem_AndKeepsWhatWasTyped()
    {
        var power = await PageSession.SignInAsync(server, "power-a");
        var create = new PageForm("create", "power-a", "/Account/Tokens?handler=Create", "unused",
            [new("Name", "夜间对账脚本"), new("ExpiresInDays", "三十"), new("Scope", "read")]);

        var refused = await power.PostAsync(create, null);
        using var reader = await server.SignedInAsync("power-a");
        var page = WebUtility.HtmlDecode(await reader.GetStringAsync(new Uri("/Account/Tokens", UriKind.Relative), Ct));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var error = Regex.Match(refused.Body, "<div class=\"alert bad\" role=\"alert\" id=\"token-error\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("三十", error, StringComparison.Ordinal);
        Assert.Matches("<input name=\"Name\"[^>]*value=\"夜间对账脚本\"", refused.Body);
        Assert.Matches("<input name=\"ExpiresInDays\"[^>]*value=\"三十\"", refused.Body);
        Assert.Contains("<option value=\"read\" selected=\"selected\">", refused.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("夜间对账脚本", page, StringComparison.Ordinal);
    }
}
