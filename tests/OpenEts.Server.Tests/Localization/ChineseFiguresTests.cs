using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Localization;

/// <summary>
/// Refusals in Chinese that state what the English states: the value typed and the choices, the limits, the figures
/// found; a field named by its Chinese label; and each rule's own text, not another module's of the same name.
/// </summary>
public sealed class ChineseFiguresTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> MessageAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    [Fact]
    public async Task EnergyPeriodThatIsNoPeriod_PageAndApiGiveTheEnergyPeriodsForm_NotAMonitoringPeriodsRule()
    {
        using var visitor = server.CreateClient();

        var page = await visitor.GetStringAsync("/Energy?period=abc", Ct);
        using var api = await visitor.GetAsync("/api/v1/energy/warnings?period=abc", Ct);

        // Before, both said 监测期须在同一年内且结束不早于开始: the offsets' monitoring period.
        Assert.Contains("“ABC”：期间的格式为 YYYY、YYYY-H1/H2、YYYY-Q1…Q4 或 YYYY-M1…M12", page, StringComparison.Ordinal);
        Assert.DoesNotContain("监测期", page, StringComparison.Ordinal);
        Assert.Contains("期间的格式为 YYYY", await MessageAsync(api, "period"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MrvUnitThatIsNone_NamesWhatWasTypedAndTheUnitsThereAre()
    {
        using var paper = await server.SignedInAsync("paper-b");

        using var refused = await paper.PostAsJsonAsync("/api/v1/mrv/reports", new
        {
            year = 2031,
            lines = new[] { new { id = "L1", kind = "fuelCombustion", material = "raw-coal", amount = 5m, unit = "banana" } },
        }, Ct);
        var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct)).RootElement;
        var field = body.GetProperty("field").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("UnknownValue", body.GetProperty("rule").GetString());
        Assert.EndsWith("“banana”不是可选的值之一，可选：t, 10^4Nm3, MWh, GJ, t·km。", body.GetProperty("errors").GetProperty(field)[0].GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuctionWithTooFewMonthsOfPrices_SaysHowManyTheRuleAveragesAndHowManyCame()
    {
        await server.ApproveDemoPlanAsync();
        using var regulator = await server.SignedInAsync("regulator");
        var now = server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        using var refused = await regulator.PostAsJsonAsync("/api/v1/auctions", new
        {
            jurisdiction = "guangdong", year = 2017, @class = "GDEA-2017", volume = 10_000, opensAt = Time(now.AddMinutes(-1)),
            closesAt = Time(now.AddMinutes(30)),
            reserveInputs = new object[]
            {
                new { month = "2017-01", turnover = 3_200_000m, volume = 200_000 }, new { month = "2017-02", turnover = 1_736_000m, volume = 100_000 },
            },
            idempotencyKey = "figures-months-1",
        }, Ct);
        var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct)).RootElement;

        // Guangdong 2017's rule averages the three months before the notice (guangdong.md §1.6); before, the Chinese said only
        // 无法按规则计算政策保留价.
        Assert.Equal(("reserveInputs", "ReserveMonths"), (body.GetProperty("field").GetString(), body.GetProperty("rule").GetString()));
        Assert.Contains("计划的保留价规则按公告前 3 个月计算，提交了 2 个月的数据", await MessageAsync(refused, "reserveInputs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuctionWithLastYearsMonths_SaysWhichMonthsTheRuleAverages()
    {
        await server.ApproveDemoPlanAsync();
        using var regulator = await server.SignedInAsync("regulator");
        var now = server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        string Month(int back) => now.AddMonths(back).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        using var refused = await regulator.PostAsJsonAsync("/api/v1/auctions", new
        {
            jurisdiction = "guangdong", year = 2017, @class = "GDEA-2017", volume = 10_000, opensAt = Time(now.AddMinutes(-1)),
            closesAt = Time(now.AddMinutes(30)),
            reserveInputs = new object[]
            {
                new { month = Month(-15), turnover = 1_500_000m, volume = 100_000 }, new { month = Month(-14), turnover = 3_200_000m, volume = 200_000 },
                new { month = Month(-13), turnover = 1_736_000m, volume = 100_000 },
            },
            idempotencyKey = "figures-months-2",
        }, Ct);

        Assert.Contains($"计划的保留价规则按公告前 3 个自然月（{Month(-3)} 至 {Month(-1)}）的数据计算，提交的月份为 {Month(-15)}, {Month(-14)}, {Month(-13)}",
            await MessageAsync(refused, "reserveInputs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransferExpiringInThePast_SaysNowAndTheLongestLifetime()
    {
        using var power = await server.SignedInAsync("power-a");

        using var refused = await power.PostAsJsonAsync("/api/v1/registry/transfers", new
        {
            from = "GD-HOLD-POWER", to = "GD-HOLD-CEMENT", @class = "GDEA-2017", quantity = 1, idempotencyKey = "figures-expiry-1",
            expiresAt = "2020-01-01T00:00:00Z",
        }, Ct);
        var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(("expiresAt", "InvalidExpiry"), (body.GetProperty("field").GetString(), body.GetProperty("rule").GetString()));
        var message = await MessageAsync(refused, "expiresAt");
        Assert.Contains("有效期须晚于当前时间（", message, StringComparison.Ordinal);
        Assert.Contains("且不超过 30 天；提交的是 2020-01-01", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MerchantSettlementOffItsPeriodRule_SaysTheSettlementsRuleWithTheDays_NotAMonitoringPeriods()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var merchant = (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/inclusion/merchants", Ct))[0].GetProperty("merchant").GetProperty("id").GetInt64();
        var today = server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        static string Day(DateTimeOffset t) => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Task<HttpResponseMessage> SettleAsync(string start, string end) =>
            regulator.PostAsJsonAsync($"/api/v1/inclusion/merchants/{merchant}/settlements", new { periodStart = start, periodEnd = end }, Ct);

        using var backwards = await SettleAsync("2026-11-30", "2026-11-01");
        using var twoYears = await SettleAsync("2024-01-01", "2025-12-31");
        using var future = await SettleAsync(Day(today.AddDays(-1)), Day(today.AddDays(5)));
        var late = JsonDocument.Parse(await future.Content.ReadAsStringAsync(Ct)).RootElement;

        // Before, both said 监测期须在同一年内且结束不早于开始, and a period ending after today named its start.
        Assert.Equal("期间结束：“2026-11-01”早于期间开始 2026-11-30", await MessageAsync(backwards, "periodEnd"));
        Assert.Equal("期间结束：2024-01-01 至 2025-12-31 超过 366 天：一张结算单至多覆盖 366 天", await MessageAsync(twoYears, "periodEnd"));
        Assert.Equal((HttpStatusCode.Conflict, "periodEnd", "PeriodInFuture"),
            (future.StatusCode, late.GetProperty("field").GetString(), late.GetProperty("rule").GetString()));
        Assert.Contains($"期间结束日 {Day(today.AddDays(5))} 晚于今天（{Day(today)}）", late.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedemptionRefused_SaysWhatTheItemCostsAndWhatIsSpendable_OrWhichItemIsNotInTheCatalogue()
    {
        using var citizen = await server.SignedInAsync("citizen");

        using var tooFew = await citizen.PostAsJsonAsync("/api/v1/inclusion/redemptions",
            new { programme = "fuzhou-lvbao", item = "movie-ticket", idempotencyKey = "figures-redeem-1" }, Ct);
        using var unknown = await citizen.PostAsJsonAsync("/api/v1/inclusion/redemptions",
            new { programme = "fuzhou-lvbao", item = "concert", idempotencyKey = "figures-redeem-2" }, Ct);
        static async Task<string> DetailAsync(HttpResponseMessage r) =>
            JsonDocument.Parse(await r.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("detail").GetString()!;

        // Before, only 可用碳币不足 and 兑换目录中没有此商品: the English named the price, the balance and the item.
        Assert.Equal(HttpStatusCode.Conflict, tooFew.StatusCode);
        Assert.Equal("兑换项目：电影票一张需 105 碳币，今天可用 0 碳币", await DetailAsync(tooFew));
        Assert.Equal("兑换项目：fuzhou-lvbao 今天的兑换目录中没有“concert”", await DetailAsync(unknown));
    }

    [Fact]
    public async Task TextsAndListsOverTheirLimit_SayTheLimitInChinese_NotOnlyThatTheLengthIsWrong()
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var comments = await regulator.PostAsJsonAsync("/api/v1/mrv/reports/1/return", new { comments = new string('意', 2001) }, Ct);
        using var token = await regulator.PostAsJsonAsync("/api/v1/tokens", new { name = new string('t', 61) }, Ct);
        using var years = await regulator.PostAsJsonAsync("/api/v1/allocation/guangdong/2017/circumstances", new
        {
            organisation = "91440600MA5CY1004T", kind = "historyExclusion", reference = "粤发改气候〔2017〕演示",
            excludedYears = Enumerable.Range(2000, 11).ToArray(),
        }, Ct);

        // Before, each said only 长度不符合要求。
        Assert.EndsWith("长度须为 1–2000 个字符。", await MessageAsync(comments, "comments"), StringComparison.Ordinal);
        Assert.EndsWith("长度须为 1–60 个字符。", await MessageAsync(token, "name"), StringComparison.Ordinal);
        Assert.EndsWith("至多 10 个年度，现有 11 个。", await MessageAsync(years, "excludedYears"), StringComparison.Ordinal);
    }
}
