using System.Net;
using System.Text.Json;
using OpenEts.Server.Tests.Exchange;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Allocation;

/// <summary>
/// An auction announced for the registry code (GD) where the plans name their jurisdiction (guangdong) is refused as a
/// jurisdiction no plan is of, naming those there are, as the allocation runs refuse it; before, it read as a year
/// without an approved plan (该辖区和年度没有已批准的分配方案给出拍卖规则) while the Guangdong 2017 plan was approved.
/// </summary>
public sealed class AuctionJurisdictionApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task Announce_ForTheRegistryCodeGd_IsRefusedAsAJurisdictionNoPlanIsOf()
    {
        var ct = TestContext.Current.CancellationToken;
        await server.ApproveDemoPlanAsync();
        using var regulator = await server.SignedInAsync("regulator");

        using var answer = await AllowanceAuctionApi.AnnounceAsync(server, regulator, 1_000, "announce-gd", ct, jurisdiction: "GD");
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(ct));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("UnknownJurisdiction", body.RootElement.GetProperty("rule").GetString());
        Assert.Equal("辖区：没有辖区为“gd”的分配方案：现有方案的辖区为 guangdong",
            body.RootElement.GetProperty("errors").GetProperty("jurisdiction")[0].GetString());
    }
}
