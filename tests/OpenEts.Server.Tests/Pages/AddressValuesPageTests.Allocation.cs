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
}
