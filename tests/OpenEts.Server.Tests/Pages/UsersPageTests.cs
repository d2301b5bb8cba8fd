using System.Net;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// The regulator's user list as a browser posts it: the new-user form names every field's error at once.
public sealed class UsersPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task CreateUser_BadNameAndShortPassword_NamesBothAtOnceWithTheNameRule()
    {
        var session = await PageSession.SignInAsync(server, "regulator");
        var form = new PageForm("new user", "regulator", "/Users", "unused",
        [
            new("NewUserName", "bad name!"), new("NewDisplayName", ""), new("NewRole", "Auditor"), new("NewOrganisation", ""), new("NewPassword", "123"),
        ]);

        var shown = await session.PostAsync(form, null);

        Assert.Equal(HttpStatusCode.OK, shown.Status);
        var name = Regex.Match(shown.Body, "<span class=\"field-error\" id=\"userName-error\">([^<]*)</span>").Groups[1].Value;
        var password = Regex.Match(shown.Body, "<span class=\"field-error\" id=\"password-error\">([^<]*)</span>").Groups[1].Value;
        Assert.Contains("1–64 个字符", name, StringComparison.Ordinal);
        Assert.Contains("不能有空格", name, StringComparison.Ordinal);
        Assert.Contains("maxlength=\"64\"", shown.Body, StringComparison.Ordinal);
        Assert.Equal("密码：太短：至少 12 个字符。", password);
        Assert.Contains("placeholder=\"留空则显示用户名\"", shown.Body, StringComparison.Ordinal);
    }
}
