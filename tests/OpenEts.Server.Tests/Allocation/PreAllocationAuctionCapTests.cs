using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Allocation;
using OpenEts.Application.Demo;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Server.Tests.Exchange;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Allocation;

// Pre-allocation while auctions offer everything the issuance account holds, under a plan whose cap for covered entities
// leaves room to issue what the run lacks but not the auctions' volume too: the run is refused, naming what the account
// holds, what the open auctions offer of it and what the run needs, through the use case and the API. Before, the run drew
// the auctions' tonnes and the auctions failed at their close. A server of its own: its plan is not the shipped one.
public sealed class PreAllocationAuctionCapTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    // The demo's pre-allocation of 2017 (7 085 329 t) less the 600 000 t the issuance account holds, over the 8 000 000 t
    // the demo issued, and 300 000 t more: room for the run, not for the run and the auctions' 600 000 t.
    private const long Covered = 8_000_000 + 7_085_329 - 600_000 + 300_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PreAllocation_IssuingWhatOpenAuctionsOfferWouldPassTheCap_IsRefusedNamingHeldOfferedAndNeeded()
    {
        var store = server.Services.GetRequiredService<IStore>();
        var user = await store.ReadAsync(s => s.Users.FindByNameAsync("regulator"), Ct);
        var actor = new Actor(user!.Id, user.UserName, user.Role, user.OrganisationId);
        var plans = new AllocationCommandHandler(store, server.Clock);
        var document = PlanJson.Shipped("guangdong-2017").Replace("\"value\": 399000000", $"\"value\": {Covered}", StringComparison.Ordinal)
            .Replace("\"value\": 422000000", $"\"value\": {Covered + 23_000_000}", StringComparison.Ordinal);
        var imported = await plans.HandleAsync(actor, new ImportPlan(document), Ct);
        // The demo's draft is version 1: the plan with this cap is the next version.
        var version = Assert.IsType<AllocationCommandOutcome.Completed>(imported).Plan!.Version;
        Assert.IsType<AllocationCommandOutcome.Completed>(await plans.HandleAsync(actor, new ApprovePlan("guangdong-2017", version), Ct));
        using var regulator = await server.SignedInAsync("regulator");
        var registry = server.Services.GetRequiredService<RegistryService>();
        var held = await registry.QueryAsync((l, _) => l.QuantityHeld(DemoRegistry.Issuance, DemoRegistry.Allowances).Value, Ct);
        using var announced = await AllowanceAuctionApi.AnnounceAsync(server, regulator, held - DemoAuction.Volume, "pre-cap-auction", Ct);
        Assert.True(announced.IsSuccessStatusCode, await announced.Content.ReadAsStringAsync(Ct));

        var outcome = await server.Services.GetRequiredService<AllocationRunHandler>().HandleAsync(actor, new RunPreAllocation("guangdong", 2017), Ct);
        using var run = await regulator.PostAsJsonAsync("/api/v1/allocation/guangdong/2017/pre-allocation", new { }, Ct);
        var refused = await run.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var left = await registry.QueryAsync((l, _) => l.QuantityHeld(DemoRegistry.Issuance, DemoRegistry.Allowances).Value, Ct);

        var rule = Assert.IsType<AllocationCommandOutcome.Refused>(outcome);
        Assert.Equal(("AuctionVolumeHeld", "year"), (rule.Rule, rule.Field));
        Assert.Equal(["600,000", "GDEA-2017", "600,000", "7,085,329", "7,085,329", "14,785,329"], rule.Figures);
        Assert.Equal(HttpStatusCode.Conflict, run.StatusCode);
        Assert.Equal("AuctionVolumeHeld", refused.GetProperty("rule").GetString());
        Assert.Contains("发放账户持有 GDEA-2017 共 600,000 吨，其中 600,000 吨已由尚未结束的拍卖发售；本次分配需要 7,085,329 吨",
            refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(held, left);
    }
}
