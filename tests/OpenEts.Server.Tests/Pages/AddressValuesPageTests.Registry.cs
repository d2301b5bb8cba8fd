using System.Net;

namespace OpenEts.Server.Tests.Pages;

public sealed partial class AddressValuesPageTests
{
    [Fact]
    public async Task RegistryAccount_AnEventKindAndAPageNumberThatDoNotRead_AreNamedAsTyped_WithWhatIsShown()
    {
        var page = await PageAsync("regulator", "/Registry/Account/GD-HOLD-POWER?kind=foo&p=abc");
        var outOfRange = await PageAsync("regulator", "/Registry/Account/GD-HOLD-POWER?p=-1");

        Named(FieldError(page, "kind-filter"), "foo", "全部");
        KeptAsChoice(page, "foo");
        Named(Banner(page), "abc", "第 1 页");
        Named(Banner(outOfRange), "-1", "第 1 页");
        Assert.DoesNotContain("id=\"address-error\"", await PageAsync("regulator", "/Registry/Account/GD-HOLD-POWER"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicOffsetLists_APageNumberThatDoesNotRead_IsNamedAsTyped_AndThePageShownIsSaid()
    {
        foreach (var list in new[] { "/Registry/Issuances", "/Registry/Retirements" })
        {
            using var visitor = server.CreateClient();
            var typed = WebUtility.HtmlDecode(await visitor.GetStringAsync(new Uri(list + "?p=abc", UriKind.Relative), Ct));
            var past = WebUtility.HtmlDecode(await visitor.GetStringAsync(new Uri(list + "?p=99999", UriKind.Relative), Ct));

            Named(Banner(typed), "abc", "第 1 页");
            Assert.Contains("页码：", Banner(typed), StringComparison.Ordinal);
            Named(Banner(past), "99999", "第 ");
        }
    }
}
