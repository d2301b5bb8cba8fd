using System.Net;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// Once the demo's 十四五 plan (2021–2025) has ended and no successor is adopted, the key users' page opens on 2025, the
// last year the plans cover, with its figures, not on an empty 2026. On a server of its own whose clock is moved to
// February 2027 (or later, if the run is later).
public sealed class EnergyOpeningYearPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KeyUsersPage_AfterThePlansLastYear_OpensOnItsLastYearWithItsFigures()
    {
        using (server.CreateClient())
        {
            // Started (and so seeded) first.
        }
        var february2027 = new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.FromHours(8));
        if (server.Clock.GetUtcNow() < february2027)
        {
            server.Clock.Advance(february2027 - server.Clock.GetUtcNow());
        }
        using var regulator = await server.SignedInAsync("regulator");

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync("/Energy/Targets/KeyUsers", Ct));

        Assert.Contains("<input name=\"Year\" id=\"year\" type=\"number\" value=\"2025\" />", page, StringComparison.Ordinal);
        // KU-NX-0001's 2025 budget and use, as a share of the budget.
        Assert.Matches(new System.Text.RegularExpressions.Regex("<tr data-unit=\"KU-NX-0001\">(?:(?!</tr>).)*<td class=\"num\">[0-9.]+ %</td>",
            System.Text.RegularExpressions.RegexOptions.Singleline), page);
    }
}
