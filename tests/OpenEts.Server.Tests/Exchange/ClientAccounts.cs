using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace OpenEts.Server.Tests.Exchange;

/// <summary>Client accounts (客户) the exchange's API tests open, through the API as a member would.</summary>
internal static class ClientAccounts
{
    /// <summary>The steel company's unified social credit code without its check character.</summary>
    public const string SteelCode = "91440200MA5CY1003";

    /// <summary>The member signed in on <paramref name="member"/> opens a client account for the steel company; returns its number.</summary>
    public static async Task<long> OpenSteelAsync(HttpClient member, CancellationToken ct)
    {
        using var response = await member.PostAsJsonAsync("/api/v1/exchange/clients",
            new { client = SteelCode + Domain.Organisations.CreditCode.CheckCharacter(SteelCode), holdingAccount = "GD-HOLD-STEEL" }, ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return long.Parse(json.GetProperty("subject").GetString()!, CultureInfo.InvariantCulture);
    }
}
