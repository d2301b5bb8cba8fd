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
}
