using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>A company's page shows its history field by field (before → after, in the page's language), not raw JSON.</summary>
public sealed partial class OrganisationHistoryPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string Code = "91440600MA5CY1004T";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en", "Status", "Covered", "Left", "Edited")]
    [InlineData("zh-CN", "状态", "纳入", "退出", "修改")]
    public async Task Issue_8_Detail_AfterAnEdit_ShowsTheFieldBeforeAndAfter(string language, string field, string before, string after,
        string kind)
    {
        using var client = await server.SignedInAsync("regulator");
        using var edited = await client.PutAsJsonAsync($"/api/v1/organisations/{Code}",
            new { code = Code, name = "佛山示范纸业有限公司", sector = "paper", region = "佛山市", status = "left" }, Ct);
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3D" + language + "%7Cuic%3D" + language);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Organisations/Detail/{Code}", Ct));

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var rows = ChangeRow().Matches(page).Select(m => Regex.Replace(m.Value, "<[^>]+>", "")).ToList();
        Assert.Contains(rows, r => r.Contains(kind, StringComparison.Ordinal)
            && Regex.IsMatch(r, $@"{field}:\s*{before}\s*→\s*{after}"));
        Assert.DoesNotContain("\"after\":", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr class=\"change\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex ChangeRow();
}
