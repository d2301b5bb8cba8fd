using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Registry;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// An allowance auction (有偿发放) whose close cannot deliver, through the API and its page: the issuance account is drained
// after the announcement, so the close fails the auction, releases the bidder's cash and says why. A server of its own:
// the drained issuance account would fail every other auction of the same server.
public sealed class ExchangeAllowanceAuctionFailedApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AllowanceAuction_IssuanceDrainedBeforeTheClose_FailsReleasingTheBidsCashAndSaysWhy()
    {
        var actor = await AllowanceAuctionApi.ApprovePlanAsync(server, Ct);
        using var regulator = await server.SignedInAsync("regulator");
        using var cement = await server.SignedInAsync("cement-a");
        using var announced = await AllowanceAuctionApi.AnnounceAsync(server, regulator, 10_000, "api-allowance-drained", Ct);
        var answer = await announced.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(announced.IsSuccessStatusCode, answer.ToString());
        var id = answer.GetProperty("id").GetInt64();
        using var bid = await cement.PostAsJsonAsync($"/api/v1/auctions/{id}/bids",
            new { account = "GD-HOLD-CEMENT", tonnes = 5_000, price = 17.00m, idempotencyKey = "api-allowance-drained-bid" }, Ct);
        // Everything left in the issuance account is allocated elsewhere after the announcement.
        var registry = server.Services.GetRequiredService<RegistryService>();
        var left = await registry.QueryAsync((l, _) => l.QuantityHeld(DemoRegistry.Issuance, DemoRegistry.Allowances).Value, Ct);
        Assert.IsType<RegistryCommandOutcome.Completed>(await server.Services.GetRequiredService<RegistryCommandHandler>().HandleAsync(actor,
            new AllocateUnits(AccountNumber.From("GD-HOLD-POWER"), DemoRegistry.Allowances, AllowanceCount.From(left), IdempotencyKey.From("api-drain")), Ct));
        server.Clock.Advance(TimeSpan.FromMinutes(31));

        using var closed = await regulator.PostAsJsonAsync($"/api/v1/auctions/{id}/close", new { }, Ct);
        var auction = (await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/auctions/{id}", Ct)).GetProperty("auction");
        var page = System.Net.WebUtility.HtmlDecode(await regulator.GetStringAsync($"/Auctions/Detail/{id}", Ct));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (announced.StatusCode, bid.StatusCode, closed.StatusCode));
        Assert.Equal("auction.failed", (await closed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("event").GetString());
        Assert.Equal("failed", auction.GetProperty("status").GetString(), ignoreCase: true);
        Assert.Contains("the registry refused to deliver 5000 t to GD-HOLD-CEMENT", auction.GetProperty("failure").GetString(), StringComparison.Ordinal);
        Assert.Contains("流拍原因", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"close-auction\"", page, StringComparison.Ordinal);
    }
}
