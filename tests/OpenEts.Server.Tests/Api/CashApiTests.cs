using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

/// <summary>The cash ledger's API refusing an amount it cannot book, with the limit it breaks.</summary>
public sealed class CashApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deposit_AboveTheLargestAmount_Is400NamingTheLargest()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var steel = "91440200MA5CY1003" + Domain.Organisations.CreditCode.CheckCharacter("91440200MA5CY1003");

        using var response = await regulator.PostAsJsonAsync("/api/v1/cash/deposits",
            new { organisation = steel, amount = 10_000_000_000_000_000m, reference = "BANK-1", idempotencyKey = "too-much" }, Ct);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("amount");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.EndsWith("至多 1000000000000000 元", Assert.Single(errors.EnumerateArray()).GetString(), StringComparison.Ordinal);
    }
}
