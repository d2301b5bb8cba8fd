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

    [Fact]
    public async Task Audit_APagePastTheLast_IsNamedAsTyped_AndTheLastPageIsShownWithItsEntries()
    {
        var past = await PageAsync("auditor", "/Audit?p=99999");

        Named(Banner(past), "99999", "第 ");
        Assert.DoesNotContain("现显示：第 99999 页", Banner(past), StringComparison.Ordinal);
        Assert.Matches("<tr><td>\\d+</td>", past);
    }
}
