using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Registry;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>A signed-in user posting registry page forms as a browser would: with the antiforgery token the pages carry.</summary>
internal sealed partial class PageSession(HttpClient client, string token)
{
    public static async Task<PageSession> SignInAsync(ServerFactory server, string user)
    {
        var client = await server.SignedInAsync(user);
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        return new PageSession(client, TokenPattern().Match(home).Groups[1].Value);
    }

    /// <summary>Posts <paramref name="form"/>'s fields, with <paramref name="key"/> as its key (none when null), to its address.</summary>
    public async Task<PostResult> PostAsync(PageForm form, string? key, string? url = null)
    {
        var fields = new List<KeyValuePair<string, string>>(form.Fields);
        if (key is not null)
        {
            fields.Add(new(form.KeyField, key));
        }
        fields.Add(new("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(new Uri(url ?? form.Url, UriKind.Relative), content);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        return new PostResult(response.StatusCode, response.Headers.Location?.OriginalString, body);
    }

    /// <summary>Posts a form with a file (<paramref name="bytes"/> as <paramref name="fileName"/> in <paramref name="field"/>) and <paramref name="fields"/>; the status answered.</summary>
    public async Task<HttpStatusCode> PostFileAsync(string url, string field, string fileName, byte[] bytes, IEnumerable<KeyValuePair<string, string>> fields) =>
        (await UploadAsync(url, field, fileName, bytes, fields)).Status;

    /// <summary>
    /// Posts a form with a file as <see cref="PostFileAsync"/>; what the page answered. The file's name goes as the browser
    /// sends any name (<c>filename*=UTF-8''…</c>), so that it may hold any character.
    /// </summary>
    public async Task<PostResult> UploadAsync(string url, string field, string fileName, byte[] bytes, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data")
        {
            Name = $"\"{field}\"", FileNameStar = fileName,
        };
        content.Add(file);
        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        return new PostResult(response.StatusCode, response.Headers.Location?.OriginalString, body);
    }

    /// <summary>How many registry events are journalled, and the ledger's fingerprint: equal when nothing changed.</summary>
    public static Task<(int Events, string Fingerprint)> RegistryStateAsync(ServerFactory server) =>
        server.Services.GetRequiredService<RegistryService>().QueryAsync((l, r) => (r.Count, l.Fingerprint()), CancellationToken.None);

    /// <summary>A fresh key for a test's own form.</summary>
    public static string NewKey() => "test-" + Guid.NewGuid().ToString("N");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>What a page answered to a post: its status, where it redirects, and its HTML (decoded).</summary>
internal sealed partial record PostResult(HttpStatusCode Status, string? Location, string Body)
{
    /// <summary>The value of the hidden field <paramref name="name"/> in the page shown, or null.</summary>
    public string? Hidden(string name)
    {
        var match = Regex.Match(Body, "name=\"" + Regex.Escape(name) + "\"[^>]*?value=\"([^\"]*)\"");
        return match.Success ? match.Groups[1].Value : null;
    }
}
