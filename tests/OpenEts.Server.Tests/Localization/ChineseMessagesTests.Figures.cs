using System.Globalization;
using System.Net;
using System.Text.Json;
using OpenEts.Server.Tests.Pages;

namespace OpenEts.Server.Tests.Localization;

// The refusals that state a limit, a range or an amount held: the Chinese message gives the same figures as the English.
public sealed partial class ChineseMessagesTests
{
    [Fact]
    public async Task RegistryTransfer_MoreThanHeld_StatesTheQuantityHeldAndAsked()
    {
        using var power = await server.SignedInAsync("power-a");

        var (status, problem) = await SendAsync(power, HttpMethod.Post, "/api/v1/registry/transfers",
            new { from = "GD-HOLD-POWER", to = "GD-HOLD-CEMENT", @class = "GDEA-2017", quantity = 999_999_999L, idempotencyKey = "zh-held" });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Matches("^数量：持有量不足：账户仅持有 [0-9]+ 吨，少于申请的 999999999 吨$", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AuctionBid_BelowTheMinimumOrAboveTheBidderLimit_StatesTheMinimumAndTheLimit()
    {
        using var cement = await server.SignedInAsync("cement-a");

        var (_, small) = await SendAsync(cement, HttpMethod.Post, "/api/v1/auctions/1/bids",
            new { account = "GD-HOLD-CEMENT", tonnes = 500, price = 99m, idempotencyKey = "zh-bid-small" });
        var (largeStatus, large) = await SendAsync(cement, HttpMethod.Post, "/api/v1/auctions/1/bids",
            new { account = "GD-HOLD-CEMENT", tonnes = 150_000, price = 99m, idempotencyKey = "zh-bid-large" });

        Assert.Equal("数量：低于单笔最低报价数量：每笔报价至少 1000 吨", FirstError(small, "tonnes"));
        Assert.Equal(HttpStatusCode.Conflict, largeStatus);
        Assert.Matches("^数量：超过单一竞买人的数量上限：每个竞买人的报价合计最多 5000 吨，您已报价 [0-9]+ 吨$", large.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OffsetsProject_ExpectedReductionOutOfRange_StatesTheRange()
    {
        using var power = await server.SignedInAsync("power-a");

        var (status, problem) = await SendAsync(power, HttpMethod.Post, "/api/v1/offsets/projects", new
        {
            programme = "CCER", code = "000919", account = "GD-HOLD-POWER", title = "范围测试风电场", methodology = "CM-001-V02",
            category = "wind", province = "GD", city = "湛江市", county = "徐闻县", creditingStart = "2020-01-01", creditingEnd = "2029-12-31",
            expectedPerYear = 0, gasSharePercent = 100m,
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("年预计减排量：须在 1 至 100000000 之间。", FirstError(problem, "expectedPerYear"));
    }

    [Fact]
    public async Task Retirement_EmptyBeneficiary_NamesTheBeneficiaryAndTheLengthAllowed()
    {
        var steel = await PageSession.SignInAsync(server, "steel-a");

        var shown = await steel.PostAsync(new PageForm("retire", "steel-a", "/Offsets/Retire", "Key",
            [new("From", "GD-HOLD-STEEL"), new("Class", "CCER-000303-2012"), new("Quantity", "5"), new("Beneficiary", " "), new("Purpose", "赛事碳中和")]),
            PageSession.NewKey());

        Assert.Contains("受益人：不能为空，且不超过 1000 个字符", shown.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("beneficiary：", shown.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bus", "100", "10", 0, "未计入：用时（分钟）：平均速度超过 80 km/h，不合理")]
    [InlineData("bus", "5", "", 2, "未计入：时间：事件时间晚于当前时间超过 10 分钟")]
    public async Task InclusionRecordForm_TooFastOrInTheFuture_StatesTheLimit(string behaviour, string quantity, string minutes, int hoursAhead, string expected)
    {
        var citizen = await PageSession.SignInAsync(server, "citizen");
        var at = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddHours(hoursAhead).AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

        var shown = await citizen.PostAsync(new PageForm("record", "citizen", "/Inclusion/Me?handler=Record", "EventId",
            [new("Programme", "shenzhen-tanpuhui"), new("Behaviour", behaviour), new("Quantity", quantity), new("Minutes", minutes), new("OccurredAt", at)]),
            "web-" + Guid.NewGuid().ToString("N"));

        Assert.Contains(expected, shown.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InclusionQualityDashboard_ListsTheSpeedTimeAndAgeLimitsBehindItsReasons()
    {
        using var regulator = await server.SignedInAsync("regulator");

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri("/Inclusion/Quality", UriKind.Relative), Ct));

        Assert.Contains("不可能的速度：平均速度超过上限（地铁出行 120 km/h、公交出行 80 km/h、骑行 40 km/h）", page, StringComparison.Ordinal);
        Assert.Contains("来自未来的时间：事件时间晚于收到时间 10 分钟以上", page, StringComparison.Ordinal);
        Assert.Contains("事件过旧：收到时事件已发生超过 30 天", page, StringComparison.Ordinal);
    }
}
