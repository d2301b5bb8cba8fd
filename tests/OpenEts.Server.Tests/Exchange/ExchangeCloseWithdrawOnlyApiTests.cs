using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// The API's close with withdrawOnly (撤回开户, as the client list's button asks it): the power company, a member, opens a
// client account for the steel company; the steel company confirms before the member's withdrawal arrives, so the withdrawal
// is refused and the client stays open; a plain close (no field) is still a close of the confirmed account, as it always
// was — refused here only because the steel company's cash account holds its demo cash, which must be withdrawn first.
public sealed class ExchangeCloseWithdrawOnlyApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, string? Rule)> CloseAsync(HttpClient client, long account, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/exchange/accounts/{account}/close", body, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (response.StatusCode, json.TryGetProperty("rule", out var rule) ? rule.GetString() : json.GetProperty("event").GetString());
    }

    private static async Task<string?> StateAsync(HttpClient member, long account) =>
        (await member.GetFromJsonAsync<JsonElement>("/api/v1/exchange/clients", Ct)).EnumerateArray()
            .Single(c => c.GetProperty("account").GetInt64() == account).GetProperty("state").GetString();

    [Fact]
    public async Task Close_WithdrawOnlyAfterTheClientConfirmed_IsRefusedAndTheAccountStaysOpen_WhileAPlainCloseTriesToCloseIt()
    {
        using var power = await server.SignedInAsync("power-a");
        using var steel = await server.SignedInAsync("steel-a");
        var account = await ClientAccounts.OpenSteelAsync(power, steel, Ct);

        var withdrawOnly = await CloseAsync(power, account, new { withdrawOnly = true });
        var afterWithdrawal = await StateAsync(power, account);
        var plain = await CloseAsync(power, account, new { });

        Assert.Equal((HttpStatusCode.Conflict, "AccountState"), withdrawOnly);
        Assert.Equal("open", afterWithdrawal);
        Assert.Equal((HttpStatusCode.Conflict, "AccountInUse"), plain);
    }
}
