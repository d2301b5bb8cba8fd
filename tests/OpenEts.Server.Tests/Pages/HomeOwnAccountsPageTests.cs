using System.Net;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// A company representative's home page shows their accounts at a glance — each unit class held with its tonnes, linked to
/// the account — and their cash with what is available; other roles' home pages do not.
/// </summary>
public sealed partial class HomeOwnAccountsPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> HomeAsync(string user)
    {
        using var client = await server.SignedInAsync(user);
        return WebUtility.HtmlDecode(await client.GetStringAsync("/", Ct));
    }

    [Fact]
    public async Task CompanyHome_ListsWhatItsAccountHoldsAndItsCash()
    {
        var paper = await HomeAsync("paper-a");
        var regulator = await HomeAsync("regulator");

        // The demo's paper company: 400 000 t allocated and 290 000 t bought, and what is left of its two FFCER classes.
        var rows = Holding().Matches(paper).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ToList();
        Assert.Equal([("GD-HOLD-PAPER", "FFCER-FJ0001-2016", "2,000"), ("GD-HOLD-PAPER", "FFCER-FJ0002-2016", "941"),
            ("GD-HOLD-PAPER", "GDEA-2017", "690,000")], rows.OrderBy(r => r.Item2, StringComparer.Ordinal));
        Assert.Matches("<p id=\"own-cash\"><a href=\"/Cash\">资金余额 [0-9,]+\\.[0-9]{2} 元，可用 [0-9,]+\\.[0-9]{2} 元</a></p>", paper);
        Assert.Contains("<h3 class=\"mono\"><a href=\"/Registry/Account/GD-HOLD-PAPER\">GD-HOLD-PAPER</a></h3>", paper, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"own-accounts\"", regulator, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr class=\"holding\" data-account=\"([^\"]+)\"><td class=\"mono\">([^<]+)</td><td class=\"num\">([^<]+)</td></tr>")]
    private static partial Regex Holding();
}
