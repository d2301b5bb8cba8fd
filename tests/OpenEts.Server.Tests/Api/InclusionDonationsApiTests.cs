using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

/// <summary>A citizen's donations in their statement and in their data copy: every coin credited is accounted for.</summary>
public sealed class InclusionDonationsApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Donation_OfNoCoins_Is400StatingTheRangeAllowed()
    {
        using var citizen = await server.SignedInAsync("citizen-sz");

        using var response = await citizen.PostAsJsonAsync("/api/v1/inclusion/donations",
            new { programme = "shenzhen-tanpuhui", cause = "tree-planting", coins = 0, idempotencyKey = "b4-none" }, Ct);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("coins");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.EndsWith("须在 1 至 100000 之间。", Assert.Single(errors.EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatementAndDataCopy_AfterADonation_ShowItAndTheWalletAddsUp()
    {
        using var citizen = await server.SignedInAsync("citizen-sz");
        (await citizen.PostAsJsonAsync("/api/v1/inclusion/donations",
            new { programme = "shenzhen-tanpuhui", cause = "tree-planting", coins = 7, idempotencyKey = "b4-donation" }, Ct)).EnsureSuccessStatusCode();

        var me = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/inclusion/me", Ct);
        var copy = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/inclusion/me/data", Ct);
        var page = await citizen.GetStringAsync(new Uri("/Inclusion/Privacy?handler=Export&format=json", UriKind.Relative), Ct);

        var wallet = me.GetProperty("programmes")[0];
        Assert.Equal(7, wallet.GetProperty("donated").GetInt64());
        Assert.Equal(wallet.GetProperty("credited").GetInt64(), wallet.GetProperty("spendable").GetInt64() + wallet.GetProperty("pending").GetInt64()
            + wallet.GetProperty("redeemed").GetInt64() + wallet.GetProperty("expired").GetInt64() + wallet.GetProperty("donated").GetInt64());
        var gift = Assert.Single(me.GetProperty("donations").EnumerateArray());
        Assert.Equal(("tree-planting", 7L), (gift.GetProperty("cause").GetString(), gift.GetProperty("coins").GetInt64()));
        var held = copy.GetProperty("programmes")[0];
        Assert.Equal(7, held.GetProperty("donated").GetInt64());
        Assert.Equal(held.GetProperty("credited").GetInt64(), held.GetProperty("lots").EnumerateArray().Sum(l => l.GetProperty("remaining").GetInt64())
            + held.GetProperty("redeemed").GetInt64() + held.GetProperty("expired").GetInt64() + held.GetProperty("donated").GetInt64());
        Assert.Equal(7, Assert.Single(copy.GetProperty("donations").EnumerateArray()).GetProperty("coins").GetInt64());
        Assert.Equal(7, JsonDocument.Parse(page).RootElement.GetProperty("donations")[0].GetProperty("coins").GetInt64());
    }
}
