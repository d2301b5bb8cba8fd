using System.Net;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>Every page names the platform's icon for the browser's tab, and the icon is served to anyone.</summary>
public sealed partial class SiteIconTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInPage_LinksTheIcon_AndTheIconIsServedWithoutSigningIn()
    {
        using var client = server.CreateClient();

        var page = await client.GetStringAsync("/Account/Login", Ct);
        var href = WebUtility.HtmlDecode(IconLink().Match(page).Groups[1].Value);
        using var icon = await client.GetAsync(href, Ct);

        Assert.StartsWith("/favicon.svg", href, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await icon.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [GeneratedRegex("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"([^\"]+)\"")]
    private static partial Regex IconLink();
}
