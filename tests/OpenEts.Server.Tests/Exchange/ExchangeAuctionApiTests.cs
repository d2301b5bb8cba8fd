using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// One-way auctions (单向竞价) through the API on the demo market (GDEA-2017, all-day calendar): the power company sells,
// the cement and paper companies bid, the exchange's staff close it after the window; refusals name their rule. The
// server's clock is moved past the window, so this class has its own server.
public sealed class ExchangeAuctionApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json;
    }

    private static async Task<(HttpStatusCode Status, string Body)> TryPostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private string Closes(TimeSpan after) => server.Clock.GetUtcNow().Add(after).ToString("O", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Auction_TwoBiddersThenTheOperatorsClose_SettlesTheWinnersAndShowsTheResult()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        using var paper = await server.SignedInAsync("paper-a");
        using var staff = await server.SignedInAsync("exchange");

        var auction = (await PostAsync(power, "/api/v1/exchange/auctions", new
        {
            instrument = "GDEA-2017", quantity = 1_000, reservePrice = 16.00m, minimumBid = 100, closes = Closes(TimeSpan.FromMinutes(30)),
            idempotencyKey = "api-auction-1",
        })).GetProperty("auction");
        var id = auction.GetProperty("id").GetInt64();
        await PostAsync(cement, $"/api/v1/exchange/auctions/{id}/bids", new { price = 17.00m, quantity = 700, idempotencyKey = "api-bid-1" });
        await PostAsync(paper, $"/api/v1/exchange/auctions/{id}/bids", new { price = 16.50m, quantity = 500, idempotencyKey = "api-bid-2" });
        var early = await TryPostAsync(staff, $"/api/v1/exchange/auctions/{id}/close", new { });
        server.Clock.Advance(TimeSpan.FromMinutes(31));
        var closed = await PostAsync(staff, $"/api/v1/exchange/auctions/{id}/close", new { });
        var seen = await paper.GetFromJsonAsync<JsonElement>($"/api/v1/exchange/auctions/{id}", Ct);

        Assert.Equal(("uniform", "announced"), (auction.GetProperty("pricing").GetString(), auction.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, early.Status);
        Assert.Contains("AuctionNotOver", early.Body, StringComparison.Ordinal);
        // Cement 700 t in full and paper the 300 t left, both at the clearing price 16.50.
        var result = closed.GetProperty("auction");
        Assert.Equal(("cleared", 16.50m, 1_000L), (result.GetProperty("status").GetString(), result.GetProperty("clearingPrice").GetDecimal(),
            result.GetProperty("sold").GetInt64()));
        Assert.Equal([700L, 300L], closed.GetProperty("auctionBids").EnumerateArray().Select(b => b.GetProperty("won").GetInt64()));
        // Paper sees only its own bid: 300 t × 16.50 = 4 950.00 yuan, its fee 0.05 % = 2.475, rounded down to 2.47.
        var own = Assert.Single(seen.GetProperty("bids").EnumerateArray());
        Assert.Equal(("won", 300L, 2.47m), (own.GetProperty("status").GetString(), own.GetProperty("won").GetInt64(), own.GetProperty("fee").GetDecimal()));
    }

    [Fact]
    public async Task Close_TooEarlyAndAgain_AnswerInChineseWhenTheBiddingEndsAndWhenItWasCleared()
    {
        using var power = await server.SignedInAsync("power-a");
        using var staff = await server.SignedInAsync("exchange");
        staff.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var closes = server.Clock.GetUtcNow().AddMinutes(30);
        var id = (await PostAsync(power, "/api/v1/exchange/auctions", new
        {
            instrument = "GDEA-2017", quantity = 1_000, reservePrice = 16.00m, minimumBid = 100,
            closes = closes.ToString("O", CultureInfo.InvariantCulture), idempotencyKey = "api-auction-close-zh",
        })).GetProperty("auction").GetProperty("id").GetInt64();

        var early = await TryPostAsync(staff, $"/api/v1/exchange/auctions/{id}/close", new { });
        server.Clock.Advance(TimeSpan.FromMinutes(31));
        var clearing = server.Clock.GetUtcNow();
        await PostAsync(staff, $"/api/v1/exchange/auctions/{id}/close", new { });
        var cleared = server.Clock.GetUtcNow();
        var twice = await TryPostAsync(staff, $"/api/v1/exchange/auctions/{id}/close", new { });

        var beijing = TimeSpan.FromHours(8);
        var notOver = JsonDocument.Parse(early.Body).RootElement;
        Assert.Equal((HttpStatusCode.Conflict, "AuctionNotOver"), (early.Status, notOver.GetProperty("rule").GetString()));
        Assert.Contains($"竞价 {id} 的出价截止于北京时间 {closes.ToOffset(beijing):yyyy-MM-dd HH:mm:ss}，届时方可关闭",
            notOver.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var closed = JsonDocument.Parse(twice.Body).RootElement;
        Assert.Equal((HttpStatusCode.Conflict, "AuctionAlreadyClosed"), (twice.Status, closed.GetProperty("rule").GetString()));
        // The clock runs on while the close is answered: the time named is the second the auction cleared, within the request.
        var said = System.Text.RegularExpressions.Regex.Match(closed.GetProperty("detail").GetString()!,
            $"竞价 {id} 已于北京时间 (\\d{{4}}-\\d{{2}}-\\d{{2}} \\d{{2}}:\\d{{2}}:\\d{{2}}) 出清，不能再次关闭");
        Assert.True(said.Success, closed.GetProperty("detail").GetString());
        var at = new DateTimeOffset(DateTime.ParseExact(said.Groups[1].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), beijing);
        Assert.InRange(at, clearing.AddTicks(-(clearing.Ticks % TimeSpan.TicksPerSecond)), cleared);
    }

    [Fact]
    public async Task Auction_BidsBreakingARule_AreRefusedNamingTheRule()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        using var anonymous = server.CreateClient();
        var id = (await PostAsync(power, "/api/v1/exchange/auctions", new
        {
            instrument = "GDEA-2017", quantity = 2_000, reservePrice = 16.00m, minimumBid = 1_000, closes = Closes(TimeSpan.FromDays(1)),
            idempotencyKey = "api-auction-2",
        })).GetProperty("auction").GetProperty("id").GetInt64();

        var below = await TryPostAsync(cement, $"/api/v1/exchange/auctions/{id}/bids", new { price = 15.99m, quantity = 1_000, idempotencyKey = "api-bid-3" });
        var small = await TryPostAsync(cement, $"/api/v1/exchange/auctions/{id}/bids", new { price = 16.00m, quantity = 999, idempotencyKey = "api-bid-4" });
        var own = await TryPostAsync(power, $"/api/v1/exchange/auctions/{id}/bids", new { price = 16.00m, quantity = 1_000, idempotencyKey = "api-bid-5" });
        var noWindow = await TryPostAsync(power, "/api/v1/exchange/auctions", new
        {
            instrument = "GDEA-2017", quantity = 100, reservePrice = 16.00m, closes = Closes(TimeSpan.FromMinutes(-1)), idempotencyKey = "api-auction-3",
        });
        using var unseen = await anonymous.GetAsync("/api/v1/exchange/auctions", Ct);

        Assert.Equal((HttpStatusCode.BadRequest, true), (below.Status, below.Body.Contains("AuctionReserve", StringComparison.Ordinal)));
        Assert.Equal((HttpStatusCode.BadRequest, true), (small.Status, small.Body.Contains("AuctionMinimumBid", StringComparison.Ordinal)));
        Assert.Equal((HttpStatusCode.Conflict, true), (own.Status, own.Body.Contains("OwnAuction", StringComparison.Ordinal)));
        Assert.Equal((HttpStatusCode.BadRequest, true), (noWindow.Status, noWindow.Body.Contains("AuctionWindow", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Unauthorized, unseen.StatusCode);
    }

    [Fact]
    public async Task Auction_AnnouncedByAMemberForItsClient_SellsForTheClientWhoSeesTheBidsOnceCleared()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        using var steel = await server.SignedInAsync("steel-a");
        using var staff = await server.SignedInAsync("exchange");
        var client = await ClientAccounts.OpenSteelAsync(power, steel, Ct);

        var auction = (await PostAsync(power, "/api/v1/exchange/auctions", new
        {
            instrument = "GDEA-2017", quantity = 500, reservePrice = 16.00m, minimumBid = 100, closes = Closes(TimeSpan.FromMinutes(30)),
            idempotencyKey = "api-client-auction", account = client,
        })).GetProperty("auction");
        var id = auction.GetProperty("id").GetInt64();
        var forItself = await TryPostAsync(power, $"/api/v1/exchange/auctions/{id}/bids",
            new { price = 17.00m, quantity = 100, idempotencyKey = "api-client-own-bid", account = client });
        await PostAsync(cement, $"/api/v1/exchange/auctions/{id}/bids", new { price = 17.00m, quantity = 200, idempotencyKey = "api-client-auction-bid" });
        var beforeClose = await steel.GetFromJsonAsync<JsonElement>($"/api/v1/exchange/auctions/{id}", Ct);
        server.Clock.Advance(TimeSpan.FromMinutes(31));
        await PostAsync(staff, $"/api/v1/exchange/auctions/{id}/close", new { });
        var afterClose = await steel.GetFromJsonAsync<JsonElement>($"/api/v1/exchange/auctions/{id}", Ct);

        Assert.Equal(client, auction.GetProperty("account").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, forItself.Status);
        Assert.Contains("OwnAuction", forItself.Body, StringComparison.Ordinal);
        Assert.Empty(beforeClose.GetProperty("bids").EnumerateArray());
        var bid = Assert.Single(afterClose.GetProperty("bids").EnumerateArray());
        Assert.Equal(("won", 200L), (bid.GetProperty("status").GetString(), bid.GetProperty("won").GetInt64()));
        Assert.Equal(200L, afterClose.GetProperty("auction").GetProperty("sold").GetInt64());
    }
}
