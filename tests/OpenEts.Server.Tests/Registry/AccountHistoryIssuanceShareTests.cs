using System.Net;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Registry;

/// <summary>
/// An offset issuance split between the project owner and the buffer shows, in each account's history, the tonnes and
/// serials that reached that account — not the whole issuance in both.
/// </summary>
public sealed partial class AccountHistoryIssuanceShareTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The demo's FJ0002 issuance: 166 427 t, of which serials 1–133 141 to the paper company and 133 142–166 427 to the buffer.
    // The history is read for that class: the paper company's GDEA-2017 purchases (DemoAllowanceTrades) came after the
    // issuance and fill the first page of its whole history.
    private static async Task<string> IssuanceRowAsync(HttpClient client, string account)
    {
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Registry/Account/{account}?class=FFCER-FJ0002-2016", Ct));
        return Rows().Matches(page).Select(m => m.Value).Single(r => r.Contains("签发减排量", StringComparison.Ordinal)
            && r.Contains("FFCER-FJ0002-2016", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OwnerHistory_ShowsTheOwnersShareOnly_AndTheBufferHistoryTheBuffersShare()
    {
        using var paper = await server.SignedInAsync("paper-a");
        using var regulator = await server.SignedInAsync("regulator");

        var owner = await IssuanceRowAsync(paper, "GD-HOLD-PAPER");
        var buffer = await IssuanceRowAsync(regulator, "GD-BUFFER");

        Assert.Contains("<td class=\"num\">133,141</td>", owner, StringComparison.Ordinal);
        Assert.Contains("FFCER-FJ0002-2016-1-133141", owner, StringComparison.Ordinal);
        Assert.DoesNotContain("133142", owner, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">33,286</td>", buffer, StringComparison.Ordinal);
        Assert.Contains("FFCER-FJ0002-2016-133142-166427", buffer, StringComparison.Ordinal);
        Assert.Contains("GD-BUFFER", buffer, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Rows();
}
