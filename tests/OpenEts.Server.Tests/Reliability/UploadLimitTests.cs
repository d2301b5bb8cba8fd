using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Reliability;

/// <summary>
/// An upload over the limit, sent from the import page to the real server (Kestrel enforces the request size limit,
/// which the in-memory test server does not), is answered on that page, in its language, not with raw JSON or a reset.
/// </summary>
public sealed partial class UploadLimitTests(KestrelServer server) : IClassFixture<KestrelServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("zh-CN", "文件过大：最多接受 10 MB")]
    [InlineData("en", "the file is larger than 10 MB")]
    public async Task Issue_8_ImportPage_11MegabyteFileOnKestrel_ShowsTheLimitOnThePage(string language, string expected)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var login = await ServerFactory.PostLoginAsync(browser, "regulator", ServerFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        handler.CookieContainer.Add(server.BaseAddress, new Cookie(".AspNetCore.Culture", $"c={language}|uic={language}"));
        var page = await browser.GetStringAsync(new Uri("/Organisations/Import", UriKind.Relative), Ct);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken");
        var file = new ByteArrayContent(new byte[11 * 1024 * 1024]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "upload", "big.xlsx");

        using var response = await browser.PostAsync(new Uri("/Organisations/Import", UriKind.Relative), form, Ct);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("id=\"import-errors\"", body, StringComparison.Ordinal);
        Assert.Contains(expected, body, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
