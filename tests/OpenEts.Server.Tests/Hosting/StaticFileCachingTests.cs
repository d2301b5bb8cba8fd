using System.Net;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Hosting;

/// <summary>
/// The style sheet and scripts a page links with their content's hash are kept by the browser without asking again; the
/// same file asked for without the hash is not, so that an edited file is never read stale.
/// </summary>
public sealed class StaticFileCachingTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFileThePageLinksWithItsHash_IsKeptForAYear_AndTheSameFileWithoutItIsNot()
    {
        using var client = server.CreateClient();
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        var linked = Regex.Match(home, "href=\"(/css/site\\.css\\?v=[^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(linked), "the home page links no versioned style sheet");

        using var versioned = await client.GetAsync(new Uri(linked, UriKind.Relative), Ct);
        using var bare = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.True(versioned.Headers.CacheControl is { Public: true, MaxAge.TotalDays: 365 }, $"{linked}: Cache-Control {versioned.Headers.CacheControl}");
        Assert.Contains("immutable", versioned.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.DoesNotContain("immutable", bare.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }
}
