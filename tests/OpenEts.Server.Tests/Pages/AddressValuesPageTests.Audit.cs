namespace OpenEts.Server.Tests.Pages;

public sealed partial class AddressValuesPageTests
{
    [Fact]
    public async Task Audit_APageNumberThatIsNoNumberOrBeforeTheFirst_IsNamedAsTyped_AndTheFirstPageIsShown()
    {
        var typed = await PageAsync("auditor", "/Audit?p=abc");
        var negative = await PageAsync("auditor", "/Audit?p=-1");

        Named(Banner(typed), "abc", "第 1 页");
        Named(Banner(negative), "-1", "第 1 页");
        Assert.DoesNotContain("id=\"address-error\"", await PageAsync("auditor", "/Audit"), StringComparison.Ordinal);
    }
}
