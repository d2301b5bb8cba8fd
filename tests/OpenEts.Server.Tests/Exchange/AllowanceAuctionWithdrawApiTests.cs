using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;
using OpenEts.Server.Tests.Pages;

namespace OpenEts.Server.Tests.Exchange;

// The regulator withdraws an allowance auction (撤销拍卖) before its close, through the API and the auction page: the bid's
// cash is released, the volume is no longer offered (an auction of every tonne the issuance account holds can be announced
// again), the withdrawn auction takes no bid and is not closed, and only the regulator may withdraw. Before, an announced
// auction could only be closed. A server of its own: its auctions would speak for other tests' issuance tonnes.
public sealed class AllowanceAuctionWithdrawApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<decimal> AvailableAsync(HttpClient company) =>
        (await company.GetFromJsonAsync<JsonElement>("/api/v1/cash", Ct)).GetProperty("available").GetDecimal();

    [Fact]
    public async Task Withdraw_AnOpenAuctionWithABid_ReleasesTheCashFreesTheVolumeAndRefusesBidsAndTheClose()
    {
        await AllowanceAuctionApi.ApprovePlanAsync(server, Ct);
        using var regulator = await server.SignedInAsync("regulator");
        using var cement = await server.SignedInAsync("cement-a");
        using var announced = await AllowanceAuctionApi.AnnounceAsync(server, regulator, 100_000, "withdraw-auction", Ct);
        var answer = await announced.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(announced.IsSuccessStatusCode, answer.ToString());
        var id = answer.GetProperty("id").GetInt64();
        var before = await AvailableAsync(cement);
        using var bid = await cement.PostAsJsonAsync($"/api/v1/auctions/{id}/bids",
            new { account = "GD-HOLD-CEMENT", tonnes = 5_000, price = 17.00m, idempotencyKey = "withdraw-auction-bid" }, Ct);
        var reserved = await AvailableAsync(cement);
        var open = WebUtility.HtmlDecode(await regulator.GetStringAsync($"/Auctions/Detail/{id}", Ct));
        var bidderPage = await cement.GetStringAsync($"/Auctions/Detail/{id}", Ct);

        using var forbidden = await cement.PostAsJsonAsync($"/api/v1/auctions/{id}/withdraw", new { reason = "x" }, Ct);
        using var withdrawn = await regulator.PostAsJsonAsync($"/api/v1/auctions/{id}/withdraw", new { reason = "市场异常波动" }, Ct);
        var after = await AvailableAsync(cement);
        using var bidAfter = await cement.PostAsJsonAsync($"/api/v1/auctions/{id}/bids",
            new { account = "GD-HOLD-CEMENT", tonnes = 5_000, price = 17.00m, idempotencyKey = "withdraw-auction-bid-2" }, Ct);
        server.Clock.Advance(TimeSpan.FromMinutes(31));
        using var closed = await regulator.PostAsJsonAsync($"/api/v1/auctions/{id}/close", new { }, Ct);
        var auction = (await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/auctions/{id}", Ct)).GetProperty("auction");
        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync($"/Auctions/Detail/{id}", Ct));
        // Every tonne the issuance account holds, the demo's own open auction's aside, is offered again.
        using var again = await AllowanceAuctionApi.AnnounceAsync(server, regulator, 600_000 - 10_000, "withdraw-auction-again", Ct);
        var journal = await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/audit?subject=auction/{id}", Ct);

        Assert.Equal(HttpStatusCode.OK, bid.StatusCode);
        Assert.Equal(before - 85_000m, reserved);
        Assert.Contains("id=\"withdraw-auction\"", open, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"withdraw-auction\"", bidderPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("auction.withdrawn", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("event").GetString());
        Assert.Equal(before, after);
        Assert.Equal(HttpStatusCode.Conflict, bidAfter.StatusCode);
        var bidRefusal = await bidAfter.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("AuctionWithdrawn", bidRefusal.GetProperty("rule").GetString());
        Assert.Contains($"拍卖 {id} 已在截止前被主管部门撤销", bidRefusal.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Equal("AuctionWithdrawn", (await closed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString());
        Assert.Equal("withdrawn", auction.GetProperty("status").GetString(), ignoreCase: true);
        Assert.Equal("市场异常波动", auction.GetProperty("failure").GetString());
        Assert.Contains("<td id=\"auction-status\">已撤销</td>", page, StringComparison.Ordinal);
        Assert.Contains("撤销原因", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"withdraw-auction\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"close-auction\"", page, StringComparison.Ordinal);
        Assert.True(again.IsSuccessStatusCode, await again.Content.ReadAsStringAsync(Ct));
        Assert.Contains("auction.withdrawn", journal.ToString(), StringComparison.Ordinal);

        // The page's form: a company's post is refused and leaves the auction open; the regulator's withdraws it.
        var againId = (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        PageForm Withdraw(string user) => new("Withdraw", user, $"/Auctions/Detail/{againId}?handler=Withdraw", "unused", [new("Reason", "公告有误")]);
        var byCompany = await (await PageSession.SignInAsync(server, "cement-a")).PostAsync(Withdraw("cement-a"), null);
        var stillOpen = (await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/auctions/{againId}", Ct)).GetProperty("auction");
        var byRegulator = await (await PageSession.SignInAsync(server, "regulator")).PostAsync(Withdraw("regulator"), null);
        var done = WebUtility.HtmlDecode(await regulator.GetStringAsync(byRegulator.Location!, Ct));

        Assert.NotEqual(HttpStatusCode.Redirect, byCompany.Status);
        Assert.Equal("open", stillOpen.GetProperty("status").GetString(), ignoreCase: true);
        Assert.Equal(HttpStatusCode.Redirect, byRegulator.Status);
        Assert.Contains("拍卖已撤销：各报价冻结的资金已全部解冻。", done, StringComparison.Ordinal);
        Assert.Contains("<td id=\"auction-failure\">公告有误</td>", done, StringComparison.Ordinal);
    }
}
