using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// A value in a page's address that the page cannot read (an edited or old bookmark: <c>?kind=foo</c>, <c>?year=abc</c>)
/// is named beside its input as typed, kept there, and the page says what it shows instead, never quietly showing
/// something else.
/// </summary>
public sealed partial class AddressValuesPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<string> PageAsync(string user, string address) => server.PageAsync(user, address);

    // The field error beside the input named id: its text.
    private static string FieldError(string page, string id) =>
        Regex.Match(page, $"<span class=\"field-error\" id=\"{Regex.Escape(id)}-error\">([^<]*)</span>").Groups[1].Value;

    // The banner naming what the address asked for that the page has no input for.
    private static string Banner(string page) =>
        Regex.Match(page, "<div class=\"alert bad\" role=\"alert\" id=\"address-error\">(.*?)</div>\\s*</div>", RegexOptions.Singleline).Groups[1].Value;

    // The message names the value as typed and says what the page shows instead.
    private static void Named(string message, string typed, string shown)
    {
        Assert.Contains($"“{typed}”", message, StringComparison.Ordinal);
        Assert.Contains("现显示：" + shown, message, StringComparison.Ordinal);
    }

    // A choice keeps the value the address gave, chosen, though it is none of the page's.
    private static void KeptAsChoice(string page, string typed) =>
        Assert.Matches($"<option value=\"{Regex.Escape(typed)}\" selected(=\"selected\")?>{Regex.Escape(typed)}</option>", page);

    // A box keeps the text the address gave, marked.
    private static void KeptInBox(string page, string id, string typed) =>
        Assert.Contains($"id=\"{id}\" inputmode=\"numeric\" value=\"{typed}\" class=\"invalid\"", page, StringComparison.Ordinal);

    [Fact]
    public async Task Organisations_AKindOrMarketInTheAddressThatIsNone_IsNamedAsTyped_AndAllAreShown()
    {
        var page = await PageAsync("regulator", "/Organisations?kind=foo&jurisdiction=XX");
        var plain = await PageAsync("regulator", "/Organisations");

        Named(FieldError(page, "kind"), "foo", "全部");
        Assert.Contains("Company", FieldError(page, "kind"), StringComparison.Ordinal);
        Assert.Contains("“XX”", FieldError(page, "jurisdiction"), StringComparison.Ordinal);
        KeptAsChoice(page, "foo");
        Assert.Matches("<select name=\"kind\" id=\"kind\" class=\"invalid\" aria-invalid=\"true\" aria-describedby=\"kind-error\">", page);
        Assert.Equal(Regex.Match(plain, "<p>.*?</p>").Value, Regex.Match(page, "<p>.*?</p>").Value);
        Assert.Equal("", FieldError(plain, "kind"));
    }
}
