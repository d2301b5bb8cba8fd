using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>A new citizen signed up and signed in, their actions recorded (in Shenzhen unless a programme is named), and their own page read.</summary>
internal static class CitizenPages
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Password = "citizen-me-2026";

    public static async Task<HttpClient> NewCitizenAsync(ServerFactory server, string? nickname, string? contact = null)
    {
        using var anonymous = server.CreateClient();
        using var signedUp = await anonymous.PostAsJsonAsync("/api/v1/inclusion/signup",
            new { password = Password, consentVersion = "2026-11", agree = true, nickname, contact }, Ct);
        var user = (await signedUp.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("userName").GetString()!;
        return await server.SignedInAsync(user, Password);
    }

    public static Task RecordAsync(HttpClient citizen, params object[] actions) => RecordInAsync(citizen, "shenzhen-tanpuhui", actions);

    public static async Task RecordInAsync(HttpClient citizen, string programme, params object[] actions)
    {
        using var response = await citizen.PostAsJsonAsync("/api/v1/inclusion/actions", new { programme, actions }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static object Metro(string source, DateTimeOffset at, decimal km) => new
    {
        eventId = Guid.NewGuid().ToString("N"), source, behaviour = "metro",
        occurredAt = at.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture), quantity = km, minutes = 40m,
    };

    public static async Task<string> MeAsync(HttpClient citizen) =>
        WebUtility.HtmlDecode(await citizen.GetStringAsync(new Uri("/Inclusion/Me", UriKind.Relative), Ct));
}
