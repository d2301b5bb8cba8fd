using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// An address or a record that does not exist, opened in a browser: a page in the site's layout, still 404, naming the
/// address, with a link home and one back to the page that linked it. The API's 404s stay problem+json.
/// </summary>
public sealed class NotFoundPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnknownAddress_FromABrowser_IsTheNotFoundPageInTheLayout()
    {
        using var anonymous = Browser();

        using var response = await anonymous.GetAsync(new Uri("/Nonexistent?x=1", UriKind.Relative), Ct);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>找不到页面", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"alert bad\" role=\"alert\" id=\"not-found\">找不到“/Nonexistent?x=1”：没有这个页面，或者没有这条记录。</p>",
            page, StringComparison.Ordinal);
        Assert.Contains("<a class=\"button\" href=\"/\">首页</a>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Market\" id=\"nav-market\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("not-found-back", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRecord_InEnglish_NamesItAndLinksBackToThePageThatLinkedIt()
    {
        using var regulator = await server.SignedInAsync("regulator");
        regulator.DefaultRequestHeaders.Accept.ParseAdd(BrowserAccept);
        regulator.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        regulator.DefaultRequestHeaders.Referrer = new Uri(regulator.BaseAddress!, "/Organisations?kind=Company");

        using var response = await regulator.GetAsync(new Uri("/Organisations/Detail/99999", UriKind.Relative), Ct);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>404 · Page not found</h1>", page, StringComparison.Ordinal);
        Assert.Contains("“/Organisations/Detail/99999” was not found: there is no such page, or no such record.", page, StringComparison.Ordinal);
        Assert.Contains("<a class=\"button\" href=\"/\">Home</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Organisations?kind=Company\" id=\"not-found-back\">Back</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormPostedToAnUnknownAddress_FromABrowser_IsTheNotFoundPage()
    {
        using var anonymous = Browser();

        using var response = await anonymous.PostAsync(new Uri("/Nonexistent", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["a"] = "1" }), Ct);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("id=\"not-found\">找不到“/Nonexistent”", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiAddress_EvenFromABrowser_IsStillAProblem()
    {
        using var anonymous = Browser();

        using var response = await anonymous.GetAsync(new Uri("/api/v1/nonexistent", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private HttpClient Browser()
    {
        var client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd(BrowserAccept);
        return client;
    }
}
