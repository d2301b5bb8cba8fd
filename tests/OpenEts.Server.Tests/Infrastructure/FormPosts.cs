using Microsoft.Playwright;

namespace OpenEts.Server.Tests.Infrastructure;

/// <summary>Sends a page's form fields straight to the server, as a browser would on a double click or a resend.</summary>
internal static class FormPosts
{
    /// <summary>Posts <paramref name="form"/> to <paramref name="url"/> <paramref name="times"/> times with the page's cookies; returns each status.</summary>
    public static async Task<IReadOnlyList<int>> PostFormAsync(this IPage page, string url, IReadOnlyDictionary<string, string> form, int times)
    {
        var statuses = new List<int>();
        for (var i = 0; i < times; i++)
        {
            var data = page.Context.APIRequest.CreateFormData();
            foreach (var (name, value) in form)
            {
                data.Set(name, value);
            }
            var response = await page.Context.APIRequest.PostAsync(url, new APIRequestContextOptions { Form = data, MaxRedirects = 0 });
            statuses.Add(response.Status);
        }
        return statuses;
    }
}
