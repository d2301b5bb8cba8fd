using System.Net;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// An account's page offers its representative a transfer out of it, opened on that account, where they read what it
/// holds; a reader who does not represent it (the regulator) is not offered one, nor is the regulator on the accounts it
/// represents (issuance, buffer, cancellation), whose units move by issuance, allocation and correction, not by transfer.
/// </summary>
public sealed class RegistryAccountActionsPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string Cement = "GD-HOLD-CEMENT";

    [Fact]
    public async Task AccountPage_ForItsRepresentative_OffersATransferOpenedOnThatAccount_AndNoneToTheRegulator()
    {
        using var cement = await server.SignedInAsync("cement-a");
        using var regulator = await server.SignedInAsync("regulator");

        var own = WebUtility.HtmlDecode(await cement.GetStringAsync(new Uri($"/Registry/Account/{Cement}", UriKind.Relative), TestContext.Current.CancellationToken));
        var transfer = WebUtility.HtmlDecode(await cement.GetStringAsync(new Uri($"/Registry/Transfer?from={Cement}", UriKind.Relative), TestContext.Current.CancellationToken));
        var regulators = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri($"/Registry/Account/{Cement}", UriKind.Relative), TestContext.Current.CancellationToken));

        Assert.Contains($"<a class=\"button\" href=\"/Registry/Transfer?from={Cement}\" id=\"transfer-link\">发起转移</a>", own, StringComparison.Ordinal);
        Assert.Matches($"<option value=\"{Cement}\" selected=\"selected\"", transfer);
        Assert.DoesNotContain("id=\"transfer-link\"", regulators, StringComparison.Ordinal);
        Assert.Contains("id=\"admin-link\"", regulators, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GD-ISSUANCE")]
    [InlineData("GD-BUFFER")]
    [InlineData("GD-CANCELLATION")]
    public async Task AccountPage_TheRegulatorsOwnAccount_OffersNoTransferItsRoleMayNotPropose(string account)
    {
        using var regulator = await server.SignedInAsync("regulator");

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri($"/Registry/Account/{account}", UriKind.Relative), TestContext.Current.CancellationToken));
        using var transfer = await regulator.GetAsync(new Uri($"/Registry/Transfer?from={account}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("<span class=\"mono\">regulator, regulator-b</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"transfer-link\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, transfer.StatusCode);
        var to = transfer.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.AbsolutePath : l.OriginalString.Split('?')[0]) : null;
        Assert.Equal("/Account/Denied", to);
    }

    // The holdings' 年度 showed "—" for a project's offset class (PHCER-GD0001-2017), whose year the class names and the
    // holdings export gives; only a legacy offset class has none.
    [Fact]
    public async Task AccountPage_AProjectOffsetClass_ShowsItsYearAsTheExportDoes()
    {
        using var cement = await server.SignedInAsync("cement-a");

        var page = WebUtility.HtmlDecode(await cement.GetStringAsync(new Uri($"/Registry/Account/{Cement}", UriKind.Relative), TestContext.Current.CancellationToken));
        var export = await cement.GetStringAsync(new Uri($"/api/v1/registry/accounts/{Cement}/holdings.csv", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Matches("id=\"holding-PHCER-GD0001-2017\">\\s*<td class=\"mono\">PHCER-GD0001-2017</td>\\s*<td>2017</td>", page);
        Assert.Matches("id=\"holding-GDEA-2017\">\\s*<td class=\"mono\">GDEA-2017</td>\\s*<td>2017</td>", page);
        Assert.Contains($"{Cement},PHCER-GD0001-2017,2017,", export, StringComparison.Ordinal);
    }
}
