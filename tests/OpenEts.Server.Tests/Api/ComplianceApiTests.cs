using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

/// <summary>
/// A compliance surrender refused by a quantity rule says in Chinese how far the company may go: the limit, what is
/// used, what was asked and what is left (before: only 数量：抵销量不得超过本单位年度实际排放量的规定比例).
/// </summary>
public sealed class ComplianceApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Surrender_OffsetsOverTheCap_SaysTheCapWhatIsUsedAndWhatIsLeft()
    {
        await server.ApproveDemoPlanAsync();
        using var regulator = await server.SignedInAsync("regulator");
        using var paper = await server.SignedInAsync("paper-a");
        // The paper company gets 50 000 Guangdong PHCER, more than its cap: 10 % of 389 561.264 t approved, 38 956 t.
        using var moved = await regulator.PostAsJsonAsync("/api/v1/registry/corrections", new
        {
            from = "GD-HOLD-CEMENT", to = "GD-HOLD-PAPER", @class = "PHCER-GD0001-2017", quantity = 50_000,
            idempotencyKey = "test-phcer-to-paper", reason = "test: PHCER for the paper company",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var over = await SurrenderAsync(paper, "PHCER-GD0001-2017", 40_000, "test-over-cap");
        var owed = await SurrenderAsync(paper, "GDEA-2017", 400_000, "test-over-owed");

        Assert.Equal(HttpStatusCode.Conflict, over.Status);
        Assert.Equal("Compliance.OffsetCap", over.Rule);
        Assert.Equal("数量：抵销量至多为本单位审定排放量的 10%，即 38956 吨：已用 0 吨抵销，本次申请 40000 吨，至多还可抵销 38956 吨", over.Detail);
        Assert.Equal("Compliance.ExceedsObligation", owed.Rule);
        Assert.Equal("数量：本次清缴 400000 吨将超过该年度应清缴的 389562 吨：已清缴 0 吨，尚需清缴 389562 吨", owed.Detail);
    }

    private static async Task<(HttpStatusCode Status, string? Rule, string? Detail)> SurrenderAsync(HttpClient client, string unitClass,
        long quantity, string key)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/compliance/surrenders", new
        {
            jurisdiction = "GD", from = "GD-HOLD-PAPER", @class = unitClass, quantity, complianceYear = 2017, idempotencyKey = key,
        }, Ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return (response.StatusCode, body.RootElement.TryGetProperty("rule", out var r) ? r.GetString() : null,
            body.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null);
    }
}
