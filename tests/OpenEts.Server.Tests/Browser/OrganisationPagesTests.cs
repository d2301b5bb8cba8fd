using Microsoft.Playwright;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>The regulator's covered-entity pages in real Chromium.</summary>
public sealed class OrganisationPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Regulator_AddsCompanyWithValidCode_SeesItListed()
    {
        var page = await server.SignInAsync("regulator");

        await page.GotoAsync("/Organisations");
        await page.ClickAsync("#add-company");
        await page.FillAsync("#code", "91350100M000100Y43");
        await page.FillAsync("#name", "闽江示范水泥有限公司");
        await page.SelectOptionAsync("#sector", "Cement");
        await page.FillAsync("#region", "福州市");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#detail-code");
        await page.GotoAsync("/Organisations?sector=Cement");

        var table = await page.InnerTextAsync("#organisations");
        Assert.Contains("闽江示范水泥有限公司", table, StringComparison.Ordinal);
        Assert.Contains("91350100M000100Y43", table, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "openets-organisations.png"), FullPage = true });
    }

    [Fact]
    public async Task Regulator_EntersInvalidCode_SeesErrorNextToTheField()
    {
        var page = await server.SignInAsync("regulator");

        await page.GotoAsync("/Organisations/Edit");
        await page.FillAsync("#code", "91350100M000100Y44");
        await page.FillAsync("#name", "坏代码公司");
        await page.FillAsync("#region", "福州市");
        await page.ClickAsync("#save");

        var error = page.Locator("#code-error");
        await error.WaitForAsync();
        Assert.Contains("校验码不正确", await error.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetAttributeAsync("#code", "aria-invalid"));
        Assert.Equal("坏代码公司", await page.InputValueAsync("#name"));
        await page.GotoAsync("/Organisations?q=坏代码公司");
        Assert.DoesNotContain("坏代码公司", await page.InnerTextAsync("#organisations"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regulator_AddsACodeAlreadyOnTheList_IsToldTheCompanyIsListedNotAboutAFile()
    {
        var page = await server.SignInAsync("regulator");

        await page.GotoAsync("/Organisations/Edit");
        await page.FillAsync("#code", "91440101MA5CY10016");
        await page.FillAsync("#name", "重复测试");
        await page.FillAsync("#region", "广州市");
        await page.ClickAsync("#save");
        var error = page.Locator("#code-error");
        await error.WaitForAsync();
        var message = await error.InnerTextAsync();

        Assert.Contains("统一社会信用代码", message, StringComparison.Ordinal);
        Assert.Contains("名单中已有使用该代码的企业", message, StringComparison.Ordinal);
        Assert.DoesNotContain("文件", message, StringComparison.Ordinal);
        Assert.Equal("重复测试", await page.InputValueAsync("#name"));
    }

    [Fact]
    public async Task CompanyRepresentative_OpeningAddPage_IsDenied()
    {
        var page = await server.SignInAsync("cement-a");

        await page.GotoAsync("/Organisations/Edit");

        Assert.Contains("/Account/Denied", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#add-company").CountAsync());
    }

    [Fact]
    public async Task Layout_OnPhoneWidth_FoldsNavigationBehindMenuButton()
    {
        var page = await server.SignInAsync("auditor");
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync("/Organisations");
        var navHiddenBefore = !await page.IsVisibleAsync("nav.nav");
        await page.ClickAsync("label.menu-button");

        Assert.True(navHiddenBefore);
        Assert.True(await page.IsVisibleAsync("nav.nav a[href='/Audit']"));
    }
}
