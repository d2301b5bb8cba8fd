using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// A member's list of its clients offers 销户 only where the client's cash does not stop it: a client whose cash account
// holds money is told to withdraw or move it first, as the operator's list of accounts says, and is offered 销户 once it has.
public sealed class ExchangeClientsCashPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string SteelCode = "91440200MA5CY1003";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClientsPage_AClientHoldingCash_SaysWithdrawFirstInsteadOfOffering销户()
    {
        using var power = await server.SignedInAsync("power-a");
        using var regulator = await server.SignedInAsync("regulator");
        var steel = SteelCode + Domain.Organisations.CreditCode.CheckCharacter(SteelCode);
        using var opened = await power.PostAsJsonAsync("/api/v1/exchange/clients", new { client = steel, holdingAccount = "GD-HOLD-STEEL" }, Ct);
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync(Ct));
        var account = JsonDocument.Parse(await opened.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("subject").GetString()!;
        using (var client = await server.SignedInAsync("steel-a"))
        {
            await Exchange.ClientAccounts.ConfirmAsync(client, long.Parse(account, System.Globalization.CultureInfo.InvariantCulture), Ct);
        }
        async Task<decimal> BalanceAsync() =>
            (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/cash/organisations/" + steel, Ct)).GetProperty("balance").GetDecimal();
        async Task<string> RowAsync() => Regex.Match(WebUtility.HtmlDecode(await power.GetStringAsync(new Uri("/Exchange/Clients", UriKind.Relative), Ct)),
            $"<tr class=\"client\" data-account=\"{account}\".*?</tr>", RegexOptions.Singleline).Value;
        var balance = await BalanceAsync();
        Assert.NotEqual(0m, balance);

        var holding = await RowAsync();
        using var withdrawn = await regulator.PostAsJsonAsync("/api/v1/cash/withdrawals",
            new { organisation = steel, amount = balance, reference = "BANK-CLIENT-OUT", idempotencyKey = "client-cash-out" }, Ct);
        Assert.True(withdrawn.IsSuccessStatusCode, await withdrawn.Content.ReadAsStringAsync(Ct));
        var empty = await RowAsync();

        Assert.DoesNotContain("class=\"client-close\"", holding, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"client-close-blocked\">账户资金 {balance.ToString("N2", CultureInfo.InvariantCulture)} 元，出金或转出后方可销户</span>", holding,
            StringComparison.Ordinal);
        Assert.Equal(0m, await BalanceAsync());
        Assert.Contains("class=\"client-close\"", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("client-close-blocked", empty, StringComparison.Ordinal);
    }
}
