using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Registry;

/// <summary>
/// The account page's history reads as a statement: its quantity column holds what moved, and a transfer proposed and
/// awaiting its second representative says so, its tonnes in brackets — as the history export does.
/// </summary>
public sealed partial class AccountHistoryProposalTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AccountPage_ATransferAwaitingApproval_ShowsItsStateAndItsTonnesApartUntilApproved()
    {
        using var powerA = await server.SignedInAsync("power-a");
        using var powerB = await server.SignedInAsync("power-b");

        using var proposed = await powerA.PostAsJsonAsync("/api/v1/registry/transfers",
            new { from = "GD-HOLD-POWER", to = "GD-HOLD-CEMENT", @class = "GDEA-2017", quantity = 1_234, idempotencyKey = "page-pending-" + Guid.NewGuid().ToString("N") }, Ct);
        var proposal = (await proposed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("proposal").GetInt64();
        var pending = ProposalRow(await PageAsync(powerA));
        using var approved = await powerB.PostAsJsonAsync($"/api/v1/registry/transfers/{proposal}/approve",
            new { idempotencyKey = "page-approve-" + Guid.NewGuid().ToString("N") }, Ct);
        var after = ProposalRow(await PageAsync(powerA));

        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Contains("待审批，未转移", pending, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num proposed\">(1,234)</td>", pending, StringComparison.Ordinal);
        Assert.Contains("已批准，转移见执行行", after, StringComparison.Ordinal);
        Assert.DoesNotContain("待审批", after, StringComparison.Ordinal);
    }

    private static async Task<string> PageAsync(HttpClient client) =>
        WebUtility.HtmlDecode(await client.GetStringAsync("/Registry/Account/GD-HOLD-POWER?kind=registry.transfer.proposed", Ct));

    // The history row of the proposal (its tonnes, 1 234, in brackets: no other row of the demo account has them).
    private static string ProposalRow(string page) =>
        Assert.Single(Row().Matches(page[page.IndexOf("id=\"history\"", StringComparison.Ordinal)..]).Select(m => m.Value),
            r => r.Contains("(1,234)", StringComparison.Ordinal));

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();
}
