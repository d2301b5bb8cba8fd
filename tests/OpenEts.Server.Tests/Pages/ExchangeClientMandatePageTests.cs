using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// A member's mandate as the pages show it: the client's trading page shows the mandate waiting for it with confirm and
// decline, the member's client list shows the client awaiting its confirmation with only a withdrawal; confirmed, the
// mandate is gone and the account open; declined, the client has no trading account.
public sealed class ExchangeClientMandatePageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PageForm Answer(string handler, long account) =>
        new(handler, "steel-a", "/Exchange?handler=" + handler, "unused", [new("account", account.ToString(CultureInfo.InvariantCulture))]);

    private static async Task<string> PageAsync(HttpClient client, string path) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(path, UriKind.Relative), Ct));

    // The steel company is the demo's one company without a trading account, so the story is told in order: declined first,
    // then asked again and confirmed.
    [Fact]
    public async Task Mandate_DeclinedThenConfirmedOnTheClientsTradingPage_ShowsTheWaitingMandateAndOpensTheAccount()
    {
        using var power = await server.SignedInAsync("power-a");
        using var steel = await server.SignedInAsync("steel-a");
        var session = await PageSession.SignInAsync(server, "steel-a");

        var first = await Exchange.ClientAccounts.OpenSteelUnconfirmedAsync(power, Ct);
        var declined = await session.PostAsync(Answer("DeclineMandate", first), null);
        var afterDecline = await PageAsync(steel, declined.Location ?? "/Exchange");
        var clientsAfterDecline = await PageAsync(power, "/Exchange/Clients");
        var account = await Exchange.ClientAccounts.OpenSteelUnconfirmedAsync(power, Ct);
        var waiting = await PageAsync(steel, "/Exchange");
        var row = Regex.Match(await PageAsync(power, "/Exchange/Clients"), $"<tr class=\"client\" data-account=\"{account}\".*?</tr>", RegexOptions.Singleline).Value;
        var confirmed = await session.PostAsync(Answer("ConfirmMandate", account), null);
        var after = await PageAsync(steel, confirmed.Location ?? "/Exchange");

        Assert.Equal(HttpStatusCode.Redirect, declined.Status);
        Assert.Contains("已拒绝会员代理", afterDecline, StringComparison.Ordinal);
        Assert.Contains("id=\"no-trading-account\"", afterDecline, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-account=\"{first}\"", clientsAfterDecline, StringComparison.Ordinal);
        var mandate = Regex.Match(waiting, "<section class=\"alert\" id=\"client-mandate\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("珠江示范发电有限公司", mandate, StringComparison.Ordinal);
        Assert.Contains("GD-HOLD-STEEL", mandate, StringComparison.Ordinal);
        Assert.Contains("id=\"mandate-confirm\"", mandate, StringComparison.Ordinal);
        Assert.Contains("id=\"mandate-decline\"", mandate, StringComparison.Ordinal);
        Assert.Contains("data-state=\"awaitingclient\"", waiting, StringComparison.Ordinal);
        Assert.Contains("data-state=\"awaitingclient\"", row, StringComparison.Ordinal);
        Assert.Contains("待客户确认", row, StringComparison.Ordinal);
        Assert.Contains("client-withdraw-mandate", row, StringComparison.Ordinal);
        Assert.DoesNotContain("client-suspend", row, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.DoesNotContain("id=\"client-mandate\"", after, StringComparison.Ordinal);
        Assert.Contains("已确认会员代理", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"account-state\"", after, StringComparison.Ordinal);
    }
}
