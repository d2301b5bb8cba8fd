using System.Net;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Allocation;
using OpenEts.Server.Tests.Api;

namespace OpenEts.Server.Tests.Pages;

public sealed partial class AddressValuesPageTests
{
    [Fact]
    public async Task Allocation_AYearThatIsNoNumber_IsNamedBesideItsBoxAsTyped_AndTheYearShownIsSaid()
    {
        var page = await PageAsync("regulator", "/Allocation?year=abc");

        Named(FieldError(page, "year"), "abc", "2017");
        KeptInBox(page, "year", "abc");
    }

    [Fact]
    public async Task Allocation_AJurisdictionThatHasNoPlan_IsNamedBesideItsBoxWithThoseThereAre()
    {
        var page = await PageAsync("regulator", "/Allocation?jurisdiction=xx&year=2017");
        var plain = await PageAsync("regulator", "/Allocation?jurisdiction=guangdong&year=2017");

        // Before, the page showed an empty list, as if the jurisdiction had no allocations yet.
        Named(FieldError(page, "jurisdiction"), "xx", "无");
        Assert.Contains("可选：guangdong", FieldError(page, "jurisdiction"), StringComparison.Ordinal);
        Assert.Contains("id=\"jurisdiction\" value=\"xx\" maxlength=\"30\" class=\"invalid\"", page, StringComparison.Ordinal);
        Assert.Equal("", FieldError(plain, "jurisdiction"));
    }

    [Fact]
    public async Task AllocationEntity_AYearThatIsNoNumber_IsNamedAsTyped_AndTheYearShownIsSaid()
    {
        using var regulator = await CookieBrowser.SignInAsync(server, "regulator");
        using var cement = await server.SignedInAsync("cement-a");
        await AllocationChinesePagesTests.ApprovedAndPreAllocatedAsync(regulator, cement);

        var page = await PageAsync("cement-a", "/Allocation/Entity?jurisdiction=guangdong&year=abc");

        Named(Banner(page), "abc", "2017");
        Assert.DoesNotContain("id=\"address-error\"", await PageAsync("cement-a", "/Allocation/Entity?jurisdiction=guangdong&year=2017"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllocationPlan_AVersionThatIsNoNumber_IsNamedAsTyped_AndTheVersionShownIsSaid()
    {
        var page = await PageAsync("regulator", "/Allocation/Plan?id=guangdong-2017&version=abc");
        var plain = await PageAsync("regulator", "/Allocation/Plan?id=guangdong-2017&version=1");

        var banner = Regex.Match(page, "id=\"plan-error\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;
        Named(banner, "abc", "v1");
        Assert.DoesNotContain("id=\"plan-error\"", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllocationWhatIf_AYearAndVersionThatAreNoNumbers_AreNamedBesideTheirBoxesAsTyped_AndWhatIsShownIsSaid()
    {
        var page = await PageAsync("regulator", "/Allocation/WhatIf?plan=guangdong-2017&version=abc&year=xyz");

        Named(FieldError(page, "year"), "xyz", "2017");
        Assert.Matches("现显示：v\\d+", FieldError(page, "version"));
        Assert.Contains("“abc”", FieldError(page, "version"), StringComparison.Ordinal);
        Assert.Contains("id=\"year\" inputmode=\"numeric\" value=\"xyz\" class=\"invalid\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"version\" inputmode=\"numeric\" value=\"abc\" class=\"invalid\"", page, StringComparison.Ordinal);
    }

    // An allocation page whose address opens nothing: 404, as a page (not a bare not-found) whose banner is returned.
    private async Task<string> UnreadBannerAsync(string user, string address)
    {
        using var client = await server.SignedInAsync(user);
        using var response = await client.GetAsync(new Uri(address, UriKind.Relative), Ct);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<p id=\"to-allocation\"><a href=\"/Allocation\">", page, StringComparison.Ordinal);
        return Banner(page);
    }

    [Fact]
    public async Task AllocationPages_AnAddressThatOpensNothing_IsAPageNamingTheFieldTheValueAsTypedAndTheRule()
    {
        var noPlan = await UnreadBannerAsync("regulator", "/Allocation/Plan");
        var unknownPlan = await UnreadBannerAsync("regulator", "/Allocation/Plan?id=nope&version=3");
        var noCode = await UnreadBannerAsync("regulator", "/Allocation/Entity");
        var badCode = await UnreadBannerAsync("regulator", "/Allocation/Entity?code=abc");
        var otherCode = await UnreadBannerAsync("cement-a", "/Allocation/Entity?jurisdiction=guangdong&year=2017&code=91440101MA5CY10016");
        var noOwn = await UnreadBannerAsync("cement-a", "/Allocation/Entity?jurisdiction=guangdong&year=2016");
        var diff = await UnreadBannerAsync("regulator", "/Allocation/Diff?id=guangdong-2017&from=a&to=b");
        var diffNoVersion = await UnreadBannerAsync("regulator", "/Allocation/Diff?id=guangdong-2017&from=1&to=9");

        // Before, each answered a bare 404 that named nothing.
        Assert.Contains("方案：此项必填", noPlan, StringComparison.Ordinal);
        Assert.Contains("没有分配方案“nope”的第 3 版", unknownPlan, StringComparison.Ordinal);
        Assert.Contains("统一社会信用代码：此项必填", noCode, StringComparison.Ordinal);
        Assert.Contains("“abc”不是正确的统一社会信用代码", badCode, StringComparison.Ordinal);
        Assert.Contains("没有您可查看的“91440101MA5CY10016”在 2017 年度的配额", otherCode, StringComparison.Ordinal);
        Assert.Contains("本单位在 2016 年度没有配额", noOwn, StringComparison.Ordinal);
        Assert.Contains("原版本：“a”不是数字", diff, StringComparison.Ordinal);
        Assert.Contains("新版本：“b”不是数字", diff, StringComparison.Ordinal);
        Assert.Contains("没有分配方案“guangdong-2017”的第 9 版", diffNoVersion, StringComparison.Ordinal);
        Assert.All(new[] { noPlan, unknownPlan, noCode, badCode, otherCode, noOwn, diff, diffNoVersion },
            banner => Assert.Contains("现显示：无", banner, StringComparison.Ordinal));
    }
}
