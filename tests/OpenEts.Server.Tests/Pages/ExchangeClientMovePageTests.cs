using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// A client's move declined, as both members' client lists show it: the member it was offered to must say why, and the
// member that offered it then reads who declined, when and why beside its client.
public sealed class ExchangeClientMovePageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string SteelCode = "91440200MA5CY1003";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeclinedMove_NeedsAReason_AndTheOfferingMemberIsShownItBesideItsClient()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        using var opened = await power.PostAsJsonAsync("/api/v1/exchange/clients",
            new { client = SteelCode + Domain.Organisations.CreditCode.CheckCharacter(SteelCode), holdingAccount = "GD-HOLD-STEEL" }, Ct);
        var account = long.Parse(JsonDocument.Parse(await opened.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("subject").GetString()!,
            CultureInfo.InvariantCulture);
        using (var steel = await server.SignedInAsync("steel-a"))
        {
            await Exchange.ClientAccounts.ConfirmAsync(steel, account, Ct);
        }
        var cementAccount = (await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/position", Ct)).GetProperty("account").GetInt64();
        using var offered = await power.PostAsJsonAsync($"/api/v1/exchange/accounts/{account}/transfer", new { toMember = cementAccount }, Ct);
        Assert.True(offered.IsSuccessStatusCode, await offered.Content.ReadAsStringAsync(Ct));
        var session = await PageSession.SignInAsync(server, "cement-a");
        PageForm Decline(string reason) =>
            new("decline", "cement-a", "/Exchange/Clients?handler=Decline", "unused", [new("account", account.ToString(CultureInfo.InvariantCulture)), new("reason", reason)]);

        var refused = await session.PostAsync(Decline(""), null);
        var declined = await session.PostAsync(Decline("暂无承接能力"), null);
        var clients = WebUtility.HtmlDecode(await power.GetStringAsync(new Uri("/Exchange/Clients", UriKind.Relative), Ct));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("原因：", Regex.Match(refused.Body, "<div class=\"alert bad\" role=\"alert\" id=\"exchange-error\">.*?</div>", RegexOptions.Singleline).Value,
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, declined.Status);
        var row = Regex.Match(clients, $"<tr class=\"client\" data-account=\"{account}\".*?</tr>", RegexOptions.Singleline).Value;
        var note = Regex.Match(row, "<div class=\"client-move-declined note\">.*?</div>", RegexOptions.Singleline).Value;
        Assert.Contains($"转托管至 北江示范水泥有限公司（会员账户 {cementAccount}）已于 ", note, StringComparison.Ordinal);
        Assert.Contains("拒绝原因：暂无承接能力", note, StringComparison.Ordinal);
    }
}
