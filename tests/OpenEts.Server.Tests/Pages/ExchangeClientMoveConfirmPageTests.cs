using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// A client's move as the pages show it to the client and to the new member: the client's trading page shows the move its
// member offered with confirm and refuse; refused, the offering member's client list says so; offered again, the new
// member's list of offered clients says the client has not confirmed it; confirmed, the client's page says it waits for the new member, and once that member accepts, nothing waits.
public sealed class ExchangeClientMoveConfirmPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> PageAsync(HttpClient client, string path) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(path, UriKind.Relative), Ct));

    [Fact]
    public async Task Move_ConfirmedByTheClientOnItsTradingPage_IsShownAwaitingTheClientThenTheNewMember()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        using var steel = await server.SignedInAsync("steel-a");
        var account = await Exchange.ClientAccounts.OpenSteelAsync(power, steel, Ct);
        var cementAccount = (await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/position", Ct)).GetProperty("account").GetInt64();
        using var offered = await power.PostAsJsonAsync($"/api/v1/exchange/accounts/{account}/transfer", new { toMember = cementAccount }, Ct);
        Assert.True(offered.IsSuccessStatusCode, await offered.Content.ReadAsStringAsync(Ct));
        var session = await PageSession.SignInAsync(server, "steel-a");
        PageForm Answer(string handler) =>
            new(handler, "steel-a", "/Exchange?handler=" + handler, "unused", [new("account", account.ToString(CultureInfo.InvariantCulture))]);

        var refused = await session.PostAsync(Answer("RefuseMove"), null);
        var powerRow = Regex.Match(await PageAsync(power, "/Exchange/Clients"), $"<tr class=\"client\" data-account=\"{account}\".*?</tr>",
            RegexOptions.Singleline).Value;
        using var offeredAgain = await power.PostAsJsonAsync($"/api/v1/exchange/accounts/{account}/transfer", new { toMember = cementAccount }, Ct);
        var waiting = await PageAsync(steel, "/Exchange");
        var offeredRow = Regex.Match(await PageAsync(cement, "/Exchange/Clients"), $"<tr class=\"client-offered\" data-account=\"{account}\".*?</tr>",
            RegexOptions.Singleline).Value;
        var confirmed = await session.PostAsync(Answer("ConfirmMove"), null);
        var afterConfirm = await PageAsync(steel, confirmed.Location ?? "/Exchange");
        using var accepted = await cement.PostAsJsonAsync($"/api/v1/exchange/accounts/{account}/transfer/accept", new { }, Ct);
        var afterMove = await PageAsync(steel, "/Exchange");

        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.Contains($"转托管至 北江示范水泥有限公司（会员账户 {cementAccount}）已于 ", powerRow, StringComparison.Ordinal);
        Assert.Contains("被客户拒绝", powerRow, StringComparison.Ordinal);
        Assert.True(offeredAgain.IsSuccessStatusCode, await offeredAgain.Content.ReadAsStringAsync(Ct));
        var move = Regex.Match(waiting, "<section class=\"alert\" id=\"client-move\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("会员 珠江示范发电有限公司", move, StringComparison.Ordinal);
        Assert.Contains($"转托管至会员 北江示范水泥有限公司（会员账户 {cementAccount}）", move, StringComparison.Ordinal);
        Assert.Contains("id=\"move-confirm\"", move, StringComparison.Ordinal);
        Assert.Contains("id=\"move-refuse\"", move, StringComparison.Ordinal);
        Assert.Contains("(待客户确认)", offeredRow, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Contains("已确认转托管", afterConfirm, StringComparison.Ordinal);
        Assert.Contains("id=\"move-confirmed\"", afterConfirm, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"move-confirm\"", afterConfirm, StringComparison.Ordinal);
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync(Ct));
        Assert.DoesNotContain("id=\"client-move\"", afterMove, StringComparison.Ordinal);
    }
}
