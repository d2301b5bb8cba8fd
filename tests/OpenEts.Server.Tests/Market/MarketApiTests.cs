using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Application.Exchange.MarketData;
using OpenEts.Application.Files;

namespace OpenEts.Server.Tests.Market;

/// <summary>The public market-data API: statistics, ticker, K-lines and depth, and the statistics import's roles and errors.</summary>
public sealed class MarketApiTests(MarketServer server) : IClassFixture<MarketServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Upload(params object?[][] rows)
    {
        var xlsx = new MemoryStream();
        TabularWriter.WriteXlsx(xlsx, StatisticsSheet.TemplateHeader, rows);
        var file = new ByteArrayContent(xlsx.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue(TabularWriter.XlsxContentType);
        return new MultipartFormDataContent { { file, "file", "stats.xlsx" } };
    }

    [Fact]
    public async Task Statistics_Anonymous_ListsTheDemoTableWithTianjinAndHubeiInconsistent()
    {
        using var client = server.CreateClient();

        var rows = await client.GetFromJsonAsync<JsonElement>("/api/v1/market/statistics", Ct);

        var byMarket = rows.EnumerateArray().ToDictionary(r => r.GetProperty("market").GetString()!);
        Assert.Equal(20_623_286, byMarket["深圳"].GetProperty("volume").GetInt64());
        Assert.Equal(65_952m, byMarket["深圳"].GetProperty("turnover").GetDecimal());
        Assert.True(byMarket["深圳"].GetProperty("consistent").GetBoolean());
        Assert.False(byMarket["天津"].GetProperty("consistent").GetBoolean());
        Assert.Equal("AverageMismatch", byMarket["湖北"].GetProperty("issues")[0].GetProperty("rule").GetString());
        Assert.Equal(18.70m, byMarket["福建"].GetProperty("computedAverage").GetDecimal()); // 488.1 万元 ÷ 261 000 t
    }

    [Fact]
    public async Task StatisticsImport_ByACompany_IsForbidden()
    {
        using var client = await server.SignedInAsync("power-a");

        using var response = await client.PostAsync("/api/v1/market/statistics/import",
            Upload(["海南", "", "2017-07-19", 1000, 1, 10m, "t"]), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task StatisticsImport_TwoRowsOneInconsistent_CountsTheFilesRowsAndFlagsApartFromTheWholeTable()
    {
        using var client = await server.SignedInAsync("exchange");

        // 1 000 万元 over 1 000 000 t is 10.00 元/t: the first row is consistent, the second's 12.50 is not.
        using var response = await client.PostAsync("/api/v1/market/statistics/import",
            Upload(["海南", "", "2017-07-18", 1_000_000, 1_000, 10.00m, "t"], ["海南", "", "2017-07-21", 1_000_000, 1_000, 12.50m, "t"]), Ct);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        // The demo's Tianjin and Hubei stay flagged: counted in the whole table's 3, not among the file's.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((2, 2, 0, 1, 3), (result.GetProperty("rows").GetInt32(), result.GetProperty("added").GetInt32(),
            result.GetProperty("replaced").GetInt32(), result.GetProperty("flagged").GetInt32(), result.GetProperty("flaggedInAll").GetInt32()));
    }

    [Fact]
    public async Task StatisticsImport_BadCell_Answers400NamingSheetRowColumnAndRule()
    {
        using var client = await server.SignedInAsync("exchange");

        using var response = await client.PostAsync("/api/v1/market/statistics/import",
            Upload(["海南", "", "2017-07-19", -5, 1, 10m, "t"]), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = problem.GetProperty("errors")[0];
        Assert.Equal(("Sheet1", 2, "D", "Range"), (error.GetProperty("sheet").GetString(), error.GetProperty("row").GetInt32(),
            error.GetProperty("column").GetString(), error.GetProperty("rule").GetString()));
    }

    [Fact]
    public async Task KLinesAndTicker_TradesInTwoMinutes_GiveTwoBarsAndTheDaysTicker()
    {
        var now = server.Clock.GetUtcNow();
        var minute = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(-3);
        server.Feed.Add(minute.AddSeconds(1), 6_100, 10);
        server.Feed.Add(minute.AddSeconds(30), 6_200, 5);
        server.Feed.Add(minute.AddMinutes(1).AddSeconds(2), 6_050, 20);
        using var client = server.CreateClient();

        var klines = await client.GetFromJsonAsync<JsonElement>($"/api/v1/market/{FakeMarketFeed.Instrument}/klines?interval=1m", Ct);
        var depth = await client.GetFromJsonAsync<JsonElement>($"/api/v1/market/{FakeMarketFeed.Instrument}/depth", Ct);
        using var unknown = await client.GetAsync("/api/v1/market/NOPE-1/ticker", Ct);
        using var badInterval = await client.GetAsync($"/api/v1/market/{FakeMarketFeed.Instrument}/klines?interval=5m", Ct);

        var bars = klines.GetProperty("bars").EnumerateArray().ToList();
        Assert.Equal([15L, 20L], bars.Select(b => b.GetProperty("volume").GetInt64()));
        Assert.Equal((61.00m, 62.00m, 61.00m, 62.00m), (bars[0].GetProperty("open").GetDecimal(), bars[0].GetProperty("high").GetDecimal(),
            bars[0].GetProperty("low").GetDecimal(), bars[0].GetProperty("close").GetDecimal()));
        Assert.Equal(5, depth.GetProperty("bids").GetArrayLength());
        Assert.Equal(59.90m, depth.GetProperty("bids")[0].GetProperty("price").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badInterval.StatusCode);
    }

    [Fact]
    public async Task StatisticsExport_Anonymous_IsAnXlsxWithTheFlags()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/api/v1/market/statistics.xlsx", Ct);
        await using var body = await response.Content.ReadAsStreamAsync(Ct);
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy, Ct);
        copy.Position = 0;
        var sheet = TabularFile.Read(copy, "export.xlsx");

        Assert.Equal(TabularWriter.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("一致性", sheet.Header[^1]);
        Assert.Equal("AverageMismatch", sheet.Rows.Single(r => r.Cells[0] == "天津").Cells[^1]);
    }
}
