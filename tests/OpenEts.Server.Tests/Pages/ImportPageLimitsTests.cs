using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Api;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>The import page answers a file over its limits with a message on the page, in the page's language.</summary>
public sealed partial class ImportPageLimitsTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(byte[] file, string name, string? language = null)
    {
        using var client = await server.SignedInAsync("regulator");
        if (language is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3D" + language + "%7Cuic%3D" + language);
        }
        var page = await client.GetStringAsync(new Uri("/Organisations/Import", UriKind.Relative), Ct);
        using var form = ImportLimitsTests.Upload(file, name, "upload");
        form.Add(new StringContent(TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken");
        using var response = await client.PostAsync(new Uri("/Organisations/Import", UriKind.Relative), form, Ct);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Theory]
    [InlineData(null, "文件过大：最多接受 10 MB")]
    [InlineData("en", "the file is larger than 10 MB")]
    public async Task Issue_8_Post_UploadOverTheRequestLimit_ShowsTheLimitOnThePage(string? language, string expected)
    {
        var big = new byte[12 * 1024 * 1024];

        var (status, body) = await PostAsync(big, "big.xlsx", language);

        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Contains("<html", body, StringComparison.Ordinal);
        Assert.Contains("id=\"import-errors\"", body, StringComparison.Ordinal);
        Assert.Contains(expected, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_8_Post_150BadRows_Lists100AndSaysHowManyMore()
    {
        var (status, body) = await PostAsync(Encoding.UTF8.GetBytes(ImportLimitsTests.BadRows(150)), "bad.csv", "en");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(101, Regex.Count(Regex.Match(body, "<table id=\"import-errors\">.*?</table>", RegexOptions.Singleline).Value, "<tr>"));
        Assert.Contains("… and 50 more", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_8_Post_WithoutAntiforgeryToken_IsStillRefused()
    {
        using var client = await server.SignedInAsync("regulator");

        using var response = await client.PostAsync(new Uri("/Organisations/Import", UriKind.Relative),
            ImportLimitsTests.Upload(Encoding.UTF8.GetBytes(ImportLimitsTests.BadRows(1)), "one.csv", "upload"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
