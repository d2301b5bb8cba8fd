using Microsoft.Playwright;
using OpenEts.Application.Demo;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Tests.Infrastructure;
using OtpNet;

namespace OpenEts.Server.Tests.Browser;

/// <summary>User management and two-factor sign-in in real Chromium.</summary>
public sealed class UserPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Temporary = "harbour-kettle-violet-19";
    private const string Chosen = "granite-meadow-lantern-73";

    [Fact]
    public async Task NewUser_NameWithASpace_IsRefusedWithTheRuleTheInputBoxHolds()
    {
        var regulator = await server.SignInAsync("regulator");

        await regulator.GotoAsync("/Users");
        var maxLength = await regulator.GetAttributeAsync("#new-username", "maxlength");
        await regulator.FillAsync("#new-username", "bad name!");
        await regulator.FillAsync("#new-displayname", "坏名字");
        await regulator.SelectOptionAsync("#new-role", "Auditor");
        await regulator.FillAsync("#new-password", Temporary);
        await regulator.ClickAsync("#create-user");
        await regulator.Locator("#userName-error").WaitForAsync();
        var message = await regulator.InnerTextAsync("#userName-error");

        Assert.Equal("64", maxLength);
        Assert.StartsWith("用户名：", message, StringComparison.Ordinal);
        Assert.Contains("1–64 个字符", message, StringComparison.Ordinal);
        Assert.Contains("不能有空格", message, StringComparison.Ordinal);
        Assert.DoesNotContain("128", message, StringComparison.Ordinal);
        Assert.Equal("bad name!", await regulator.InputValueAsync("#new-username"));
    }

    [Fact]
    public async Task Issue_8_NewUser_ChangesTheTemporaryPasswordEnrolsTwoFactorAndSignsInWithACode()
    {
        var company = DemoMarket.Organisations.First(o => o.Kind == OrganisationKind.Company).Code.Value;
        var regulator = await server.SignInAsync("regulator");

        await regulator.GotoAsync("/Users");
        await regulator.FillAsync("#new-username", "li.na");
        await regulator.FillAsync("#new-displayname", "李娜");
        await regulator.SelectOptionAsync("#new-role", "CompanyRepresentative");
        await regulator.SelectOptionAsync("#new-organisation", company);
        await regulator.FillAsync("#new-password", Temporary);
        await regulator.ClickAsync("#create-user");
        await regulator.Locator("#user-created").WaitForAsync();
        Assert.Contains("李娜", await regulator.InnerTextAsync("#users"), StringComparison.Ordinal);

        var page = await NewPageAsync();
        await SignInAsync(page, "li.na", Temporary);
        await page.Locator("#must-change").WaitForAsync();
        await page.GotoAsync("/Registry");
        Assert.EndsWith("/Account/Password", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#CurrentPassword", Temporary);
        await page.FillAsync("#NewPassword", Chosen);
        await page.FillAsync("#Confirm", Chosen);
        await page.ClickAsync("#change-password");
        await page.Locator("#password-changed").WaitForAsync();

        await page.GotoAsync("/Account/TwoFactor");
        await page.ClickAsync("#begin-2fa");
        var secret = (await page.InnerTextAsync("#totp-secret")).Trim();
        // The QR code is an image the page's Qr handler serves: wait until it has loaded (or failed) before measuring it.
        await page.WaitForFunctionAsync("() => document.querySelector('#totp-qr')?.complete === true");
        var qrWidth = await page.EvalOnSelectorAsync<int>("#totp-qr", "img => img.naturalWidth");
        await page.FillAsync("#ConfirmCode", Code(secret));
        await page.ClickAsync("#confirm-2fa");
        await page.Locator("#recovery-codes").WaitForAsync();
        await page.ClickAsync("form[action='/Account/Logout'] button");

        await SignInAsync(page, "li.na", Chosen);
        await page.Locator("#Code").WaitForAsync();
        // The next 30-second step: the code used to confirm enrolment is never accepted twice.
        server.Clock.Advance(TimeSpan.FromSeconds(30));
        await page.FillAsync("#Code", Code(secret));
        await page.ClickAsync("#verify-code");
        await BrowserServer.WaitForUrlAsync(page, url => url == server.BaseUrl.TrimEnd('/') + "/");

        Assert.True(qrWidth > 0, "the QR code did not load");
        Assert.Contains("李娜", await page.InnerTextAsync(".who"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "openets-2fa-signed-in.png") });
    }

    [Fact]
    public async Task Issue_8_Regulator_DisablingThemselves_SeesWhyNot()
    {
        var page = await server.SignInAsync("regulator");

        await page.GotoAsync("/Users/Detail/regulator");
        await page.ClickAsync("#disable");

        await page.Locator("#user-error").WaitForAsync();
        Assert.Contains("主管部门", await page.InnerTextAsync("#user-error"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#enable").CountAsync());
    }

    private string Code(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(server.Clock.GetUtcNow().UtcDateTime);

    private async Task<IPage> NewPageAsync()
    {
        server.RequireBrowser();
        var context = await server.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, Locale = "zh-CN" });
        return await context.NewPageAsync();
    }

    private static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("#signin");
    }
}
