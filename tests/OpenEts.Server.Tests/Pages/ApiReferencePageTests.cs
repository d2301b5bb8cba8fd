using System.Net;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Server.Localization;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// The API reference page (/ApiReference) in the page's language: each endpoint's summary in Chinese on the Chinese page,
/// as the endpoint declares it (English, like the OpenAPI document) on the English one.
/// </summary>
public sealed class ApiReferencePageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void EveryEndpointsSummary_HasItsChinese()
    {
        var summaries = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Select(e => e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary)
            .OfType<string>()
            .Distinct()
            .ToList();

        Assert.True(summaries.Count > 200, $"{summaries.Count} summaries");
        var missing = summaries.Where(s => !ApiSummaries.Known(s)).ToList();
        Assert.True(missing.Count == 0, "no Chinese for: " + string.Join(" | ", missing));
    }

    [Theory]
    [InlineData("zh-CN", "重新计算日志哈希链；指出第一条异常条目", "Recompute the journal")]
    [InlineData("en", "Recompute the journal's hash chain; names the first bad entry", "重新计算")]
    public async Task Page_ShowsEachSummary_InThePagesLanguage(string language, string shown, string notShown)
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3D" + language + "%7Cuic%3D" + language);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/ApiReference", Ct));

        var row = page[page.IndexOf("/api/v1/audit/verify<", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains(shown, row, StringComparison.Ordinal);
        Assert.DoesNotContain(notShown, row, StringComparison.Ordinal);
    }
}
