using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Application.Files;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// The member's daily report and the regulator's export of the day's trades list every kind of trade the power company
// made that day — a book trade, a listing pick, a block trade and a one-way auction — so their fees and volumes add up.
// The clock is moved past the auction's window, so this class has its own server.
public sealed class ExchangeDayReportApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, path + ": " + json);
        return json;
    }

    private static async Task<TabularFile> SheetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var content = await response.Content.ReadAsStreamAsync(Ct);
        return TabularFile.Read(content, "sheet.xlsx");
    }

    [Fact]
    public async Task DayReportAndDayTradesExport_ListEveryKindOfTradeSoFeesReconcile()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        using var staff = await server.SignedInAsync("exchange");
        using var regulator = await server.SignedInAsync("regulator");
        var cementAccount = (await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/position", Ct)).GetProperty("account").GetInt64();
        // Every trade on one Beijing day: the auction closes 31 minutes on, so start past midnight if that would cross it.
        if (server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).TimeOfDay > new TimeSpan(23, 0, 0))
        {
            server.Clock.Advance(TimeSpan.FromHours(1.5));
        }

        // Book: 100 t at 16.09 (fee 0.80). Listing: 400 t at 16.09 (fee 3.21). Block: 100 000 t at 16.09 (fee 804.50).
        // One-way auction: 1 000 t at 16.00 (fee 8.00).
        await PostAsync(power, "/api/v1/exchange/orders", new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 16.09m, quantity = 100, idempotencyKey = "b3-sell" });
        await PostAsync(cement, "/api/v1/exchange/orders", new { instrument = "GDEA-2017", side = "buy", type = "limit", price = 16.09m, quantity = 100, idempotencyKey = "b3-buy" });
        var listing = (await PostAsync(power, "/api/v1/exchange/listings", new
        {
            instrument = "GDEA-2017", side = "sell", price = 16.09m, quantity = 400, idempotencyKey = "b3-listing",
        })).GetProperty("listing").GetProperty("id").GetInt64();
        await PostAsync(cement, $"/api/v1/exchange/listings/{listing}/pick", new { quantity = 400, idempotencyKey = "b3-pick" });
        var block = (await PostAsync(power, "/api/v1/exchange/block-trades", new
        {
            instrument = "GDEA-2017", side = "sell", counterparty = cementAccount, price = 16.09m, quantity = 100_000, idempotencyKey = "b3-block",
        })).GetProperty("block").GetProperty("id").GetInt64();
        await PostAsync(cement, $"/api/v1/exchange/block-trades/{block}/accept", new { });
        var auction = (await PostAsync(power, "/api/v1/exchange/auctions", new
        {
            instrument = "GDEA-2017", quantity = 1_000, reservePrice = 16.00m, minimumBid = 100,
            closes = server.Clock.GetUtcNow().AddMinutes(30).ToString("O", CultureInfo.InvariantCulture), idempotencyKey = "b3-auction",
        })).GetProperty("auction").GetProperty("id").GetInt64();
        await PostAsync(cement, $"/api/v1/exchange/auctions/{auction}/bids", new { price = 16.00m, quantity = 1_000, idempotencyKey = "b3-bid" });
        server.Clock.Advance(TimeSpan.FromMinutes(31));
        await PostAsync(staff, $"/api/v1/exchange/auctions/{auction}/close", new { });
        var day = BeijingTime.TradingDay(server.Clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var report = await power.GetFromJsonAsync<JsonElement>($"/api/v1/exchange/reports/{day}", Ct);
        var reportSheet = await SheetAsync(power, $"/api/v1/exchange/reports/{day}/report.xlsx");
        var dayTrades = await SheetAsync(regulator, $"/api/v1/exchange/days/{day}/trades.xlsx");
        var page = WebUtility.HtmlDecode(await power.GetStringAsync(new Uri($"/Exchange/Report?day={day}", UriKind.Relative), Ct));

        Assert.Equal(["auction", "block", "book", "listing"],
            report.GetProperty("trades").EnumerateArray().Select(t => t.GetProperty("kind").GetString()!).Order().ToArray());
        Assert.Equal((101_500L, 1_633_045.00m, 816.51m),
            (report.GetProperty("soldTonnes").GetInt64(), report.GetProperty("sold").GetDecimal(), report.GetProperty("fees").GetDecimal()));
        Assert.Equal(["auction", "block", "book", "listing"], reportSheet.Rows.Where(r => r.Cells[0] == "trade").Select(r => r.Cells[9]).Order().ToArray());
        Assert.Equal(["auction", "block", "book", "listing"], dayTrades.Rows.Select(r => r.Cells[10]).Order().ToArray());
        Assert.Contains("id=\"report-fees\">816.51", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"trade-kind\">大宗协议</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberReportPositions_PutFrozenTonnesUnderTheirOwnHeaderNotUnderValue()
    {
        using var power = await server.SignedInAsync("power-a");
        await PostAsync(power, "/api/v1/exchange/orders", new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 17.50m, quantity = 250, idempotencyKey = "b12-sell" });
        await PostAsync(power, "/api/v1/exchange/listings", new { instrument = "GDEA-2017", side = "sell", price = 17.50m, quantity = 300, minimumTake = 100, idempotencyKey = "b12-list" });
        var day = BeijingTime.TradingDay(server.Clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var sheet = await SheetAsync(power, $"/api/v1/exchange/reports/{day}/report.xlsx");
        var json = await power.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/exchange/reports/{day}", Ct);
        var page = WebUtility.HtmlDecode(await power.GetStringAsync(new Uri($"/Exchange/Report?day={day}", UriKind.Relative), Ct));

        var position = sheet.Rows.Single(r => r.Cells[0] == "position" && r.Cells[2] == "GDEA-2017").Cells;
        var value = sheet.Header.ToList().IndexOf("金额 Value (元)");
        var frozen = sheet.Header.ToList().IndexOf("挂单冻结 In open sells (t)");
        Assert.True(frozen >= 0, string.Join(" | ", sheet.Header));
        Assert.True(string.IsNullOrEmpty(position[value]), "the value column holds " + position[value]);
        Assert.True(long.Parse(position[frozen], CultureInfo.InvariantCulture) >= 250, position[frozen]);
        // The listing's tonnes have a column of their own, and the owned column adds every tonne up: none vanishes.
        long Cell(string header) => long.Parse(position[sheet.Header.ToList().IndexOf(header)], CultureInfo.InvariantCulture);
        Assert.True(Cell("挂牌冻结 In listings (t)") >= 300, string.Join(" | ", position));
        Assert.Equal(Cell("数量 Quantity (t)") + Cell("挂单冻结 In open sells (t)") + Cell("挂牌冻结 In listings (t)") + Cell("单向竞价冻结 In auctions (t)"),
            Cell("合计持有 Owned (t)"));
        var line = json.GetProperty("positions").EnumerateArray().Single(p => p.GetProperty("instrument").GetString() == "GDEA-2017");
        Assert.Equal(Cell("挂牌冻结 In listings (t)"), line.GetProperty("inListings").GetInt64());
        Assert.Equal(Cell("合计持有 Owned (t)"), line.GetProperty("owned").GetInt64());
        Assert.Matches("id=\"report-positions\">\\s*<tr><th>品种", page);
    }
}
