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

    [Fact]
    public async Task Header_TheExchangesStaff_AreNamedAsStaffNotAsAMember()
    {
        using var exchange = await server.SignedInAsync("exchange");
        using var power = await server.SignedInAsync("power-a");

        var staff = WebUtility.HtmlDecode(await exchange.GetStringAsync(new Uri("/Exchange", UriKind.Relative), Ct));
        var company = WebUtility.HtmlDecode(await power.GetStringAsync(new Uri("/Exchange", UriKind.Relative), Ct));

        Assert.Contains("<span class=\"who\">黄交易 · 交易所工作人员</span>", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("交易所会员</span>", staff, StringComparison.Ordinal);
        Assert.Contains("<span class=\"who\">李电力 · ", company, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/nonexistent-page")]
    [InlineData("/css/nonexistent.css")]
    [InlineData("/Exchange/Nonexistent")]
    public async Task UnknownAddress_SignedOut_IsNotFoundRatherThanTheLoginPage(string path)
    {
        using var anonymous = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var unknown = await anonymous.GetAsync(new Uri(path, UriKind.Relative), Ct);
        using var guarded = await anonymous.GetAsync(new Uri("/Exchange", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Null(unknown.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, guarded.StatusCode);
        Assert.Contains("/Account/Login", guarded.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
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
