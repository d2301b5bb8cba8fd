using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// The header's modules: a visitor who has not signed in finds the public market and carbon inclusion (and how to sign up
/// to it); a signed-in user sees the modules their role works in and no module they cannot open, nor one announced as coming.
/// </summary>
public sealed class NavigationTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Landing_SignedOut_LinksTheMarketCarbonInclusionAndItsSignUp()
    {
        using var anonymous = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await anonymous.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        var market = await anonymous.GetAsync(new Uri("/Market", UriKind.Relative), Ct);
        var inclusion = await anonymous.GetAsync(new Uri("/Inclusion", UriKind.Relative), Ct);

        Assert.Contains("href=\"/Market\" id=\"nav-market\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Inclusion\" id=\"nav-inclusion\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Inclusion/SignUp\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, market.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inclusion.StatusCode);
    }

    [Theory]
    [InlineData("verifier")]
    [InlineData("citizen")]
    public async Task Header_SignedIn_ShowsNoModuleAsComingAndNoLinkTheRoleCannotOpen(string user)
    {
        using var client = await server.SignedInAsync(user);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/Offsets", UriKind.Relative), Ct));

        Assert.DoesNotContain("即将推出", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Registry\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Exchange\"", page, StringComparison.Ordinal);
    }
}
