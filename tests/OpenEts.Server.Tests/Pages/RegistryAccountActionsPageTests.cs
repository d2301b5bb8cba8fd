using System.Net;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// An account's page offers its representative a transfer out of it, opened on that account, where they read what it
/// holds; a reader who does not represent it (the regulator) is not offered one.
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
}
