using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace OpenEts.Server.Tests.Exchange;

/// <summary>Client accounts (客户) the exchange's API tests open, through the API as a member would.</summary>
internal static class ClientAccounts
{
    /// <summary>The steel company's unified social credit code without its check character.</summary>
    public const string SteelCode = "91440200MA5CY1003";

    /// <summary>
    /// The member signed in on <paramref name="member"/> opens a client account for the steel company, and the steel company's
    /// representative signed in on <paramref name="steel"/> confirms the member's mandate; returns its number.
    /// </summary>
    public static async Task<long> OpenSteelAsync(HttpClient member, HttpClient steel, CancellationToken ct)
    {
        var account = await OpenSteelUnconfirmedAsync(member, ct);
        await ConfirmAsync(steel, account, ct);
        return account;
    }

    /// <summary>The member signed in on <paramref name="member"/> opens a client account for the steel company, awaiting its confirmation.</summary>
    public static async Task<long> OpenSteelUnconfirmedAsync(HttpClient member, CancellationToken ct)
    {
        using var response = await member.PostAsJsonAsync("/api/v1/exchange/clients",
            new { client = SteelCode + Domain.Organisations.CreditCode.CheckCharacter(SteelCode), holdingAccount = "GD-HOLD-STEEL" }, ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        Assert.Equal("awaitingClient", json.GetProperty("account").GetProperty("state").GetString());
        return long.Parse(json.GetProperty("subject").GetString()!, CultureInfo.InvariantCulture);
    }

    /// <summary>The client's representative signed in on <paramref name="client"/> confirms the mandate of client account <paramref name="account"/>.</summary>
    public static async Task ConfirmAsync(HttpClient client, long account, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/exchange/accounts/{account}/confirm", new { }, ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        Assert.Equal("open", json.GetProperty("account").GetProperty("state").GetString());
    }
}
