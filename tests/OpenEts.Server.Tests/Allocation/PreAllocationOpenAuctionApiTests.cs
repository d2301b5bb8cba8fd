using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Demo;
using OpenEts.Application.Registry;
using OpenEts.Server.Tests.Exchange;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Allocation;

// An allowance auction open while the regulator pre-allocates: the run drew the auction's tonnes from the issuance account
// too (it issued only what the account lacked for the run), so the auction failed at its close and released every bid. The
// run now leaves the open auctions' volume where it is, issuing the rest within the plan's cap. A server of its own: the
// pre-allocation and the auction would change every other allocation or auction test's figures.
public sealed class PreAllocationOpenAuctionApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PreAllocation_WhileAnAuctionIsOpen_LeavesItsVolumeSoItsCloseSettles()
    {
        await AllowanceAuctionApi.ApprovePlanAsync(server, Ct);
        using var regulator = await server.SignedInAsync("regulator");
        using var cement = await server.SignedInAsync("cement-a");
        var registry = server.Services.GetRequiredService<RegistryService>();
        var held = await registry.QueryAsync((l, _) => l.QuantityHeld(DemoRegistry.Issuance, DemoRegistry.Allowances).Value, Ct);
        // The rest of the issuance account beside the demo's own open auction: every tonne it holds is now offered.
        using var announced = await AllowanceAuctionApi.AnnounceAsync(server, regulator, held - DemoAuction.Volume, "pre-open-auction", Ct);
        var answer = await announced.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(announced.IsSuccessStatusCode, answer.ToString());
        var id = answer.GetProperty("id").GetInt64();
        using var bid = await cement.PostAsJsonAsync($"/api/v1/auctions/{id}/bids",
            new { account = "GD-HOLD-CEMENT", tonnes = 5_000, price = 17.00m, idempotencyKey = "pre-open-auction-bid" }, Ct);

        using var run = await regulator.PostAsJsonAsync("/api/v1/allocation/guangdong/2017/pre-allocation", new { }, Ct);
        var ran = await run.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var left = await registry.QueryAsync((l, _) => l.QuantityHeld(DemoRegistry.Issuance, DemoRegistry.Allowances).Value, Ct);
        server.Clock.Advance(TimeSpan.FromMinutes(31));
        using var closed = await regulator.PostAsJsonAsync($"/api/v1/auctions/{id}/close", new { }, Ct);
        var auction = (await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/auctions/{id}", Ct)).GetProperty("auction");

        Assert.True(run.IsSuccessStatusCode, ran.ToString());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (bid.StatusCode, closed.StatusCode));
        Assert.Equal(held, left);
        Assert.Equal("auction.settled", (await closed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("event").GetString());
        Assert.Equal("settled", auction.GetProperty("status").GetString(), ignoreCase: true);
    }
}
