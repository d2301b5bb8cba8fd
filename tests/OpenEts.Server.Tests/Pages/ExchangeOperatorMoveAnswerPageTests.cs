using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// A client's move (转托管) as the exchange's staff see it on the operator page: offered, the row says it waits for the
// client's confirmation; refused by the client, the row says so once no move is pending; offered again and confirmed, the
// row says the client confirmed it. Before, the row showed the offer alone, whatever the client had answered.
public sealed class ExchangeOperatorMoveAnswerPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OperatorPage_ClientMove_ShowsAwaitingTheClientRefusedAndConfirmed()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        using var steel = await server.SignedInAsync("steel-a");
        using var staff = await server.SignedInAsync("exchange");
        var account = await Exchange.ClientAccounts.OpenSteelAsync(power, steel, Ct);
        var cementAccount = (await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/position", Ct)).GetProperty("account").GetInt64();
        async Task<string> RowAsync() => Regex.Match(WebUtility.HtmlDecode(await staff.GetStringAsync("/Exchange/Operator", Ct)),
            $"<tr class=\"trading-account\" data-account=\"{account}\".*?</tr>", RegexOptions.Singleline).Value;
        async Task PostAsync(HttpClient client, string path)
        {
            using var answer = await client.PostAsJsonAsync(path, new { toMember = cementAccount }, Ct);
            Assert.True(answer.IsSuccessStatusCode, path + ": " + await answer.Content.ReadAsStringAsync(Ct));
        }

        await PostAsync(power, $"/api/v1/exchange/accounts/{account}/transfer");
        var awaiting = await RowAsync();
        await PostAsync(steel, $"/api/v1/exchange/accounts/{account}/transfer/refuse");
        var refused = await RowAsync();
        await PostAsync(power, $"/api/v1/exchange/accounts/{account}/transfer");
        await PostAsync(steel, $"/api/v1/exchange/accounts/{account}/transfer/confirm");
        var confirmed = await RowAsync();

        Assert.Contains("class=\"account-move-client\" data-confirmed=\"false\">(待客户确认)", awaiting, StringComparison.Ordinal);
        Assert.DoesNotContain("account-move-refused", awaiting, StringComparison.Ordinal);
        Assert.Contains($"转托管至 北江示范水泥有限公司（会员账户 {cementAccount}）已于 ", refused, StringComparison.Ordinal);
        Assert.Contains("被客户拒绝", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("account-transfer-offered", refused, StringComparison.Ordinal);
        Assert.Contains("class=\"account-move-client\" data-confirmed=\"true\">(客户已确认)", confirmed, StringComparison.Ordinal);
        Assert.DoesNotContain("account-move-refused", confirmed, StringComparison.Ordinal);
    }
}
