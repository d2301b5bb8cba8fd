using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// The header's modules: a visitor who has not signed in finds the public market and carbon inclusion (and how to sign up
/// to it); a signed-in user sees the modules their role works in and no module they cannot open, nor one announced as coming.
/// Every link a user can follow from the home page, three clicks deep, opens.
/// </summary>
public sealed partial class NavigationTests(ServerFactory server) : IClassFixture<ServerFactory>
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

    [Fact]
    public async Task Landing_DemoSignIns_NameTheExchangesStaffAsTheHeaderDoes()
    {
        using var anonymous = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/", UriKind.Relative), Ct));

        Assert.Contains("<tr><td class=\"mono\">exchange</td><td>交易所工作人员</td><td>黄交易</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td class=\"mono\">exchange-b</td><td>交易所工作人员</td><td>徐交易</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td class=\"mono\">power-a</td><td>企业代表</td><td>李电力</td></tr>", page, StringComparison.Ordinal);
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

    [Theory]
    [InlineData(null)]
    [InlineData("regulator")]
    [InlineData("auditor")]
    [InlineData("verifier")]
    [InlineData("exchange")]
    [InlineData("power-a")]
    [InlineData("citizen-fz")]
    public async Task EveryLink_ThreeClicksFromTheHomePage_OpensWithoutAnErrorOrARefusal(string? user)
    {
        using var client = user is null
            ? server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            : await server.SignedInAsync(user);

        var (opened, broken) = await WalkAsync(client, signedIn: user is not null);

        Assert.True(opened.Count > 40, $"only {opened.Count} addresses were reached from the home page");
        Assert.True(broken.Count == 0, $"as {user ?? "a visitor"}:\n" + string.Join('\n', broken));
    }

    /// <summary>
    /// Follows every link of the site's own pages from the home page, three clicks deep, by GET: each address that answered
    /// 4xx or 5xx, or sent a signed-in user to the page that says their role may not open it (or to sign in again), with the
    /// page that linked it.
    /// </summary>
    private static async Task<(HashSet<string> Opened, List<string> Broken)> WalkAsync(HttpClient client, bool signedIn)
    {
        var opened = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var broken = new List<string>();
        var level = new List<(string Address, string From)> { ("/", "-") };
        for (var depth = 0; depth <= 3 && level.Count > 0; depth++)
        {
            var next = new List<(string, string)>();
            foreach (var (address, from) in level)
            {
                // Headers first: a market-data stream answers its headers and then stays open.
                using var response = await client.GetAsync(new Uri(address, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, Ct);
                var to = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.AbsolutePath : l.OriginalString.Split('?')[0]) : null;
                if ((int)response.StatusCode >= 400 || to == "/Account/Denied" || (signedIn && to == "/Account/Login"))
                {
                    broken.Add($"{(int)response.StatusCode} {address} {to} (linked from {from})");
                    continue;
                }
                if (depth == 3 || response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }
                var page = await response.Content.ReadAsStringAsync(Ct);
                foreach (var link in Links().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Split('#')[0]))
                {
                    if (link.Length > 0 && !link.StartsWith("/lang/", StringComparison.Ordinal) && opened.Add(link))
                    {
                        next.Add((link, address));
                    }
                }
            }
            level = next;
        }
        return (opened, broken);
    }

    [GeneratedRegex("href=\"(/(?!/)[^\"]*)\"")]
    private static partial Regex Links();
}
