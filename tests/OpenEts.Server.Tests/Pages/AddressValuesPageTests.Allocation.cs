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
}
