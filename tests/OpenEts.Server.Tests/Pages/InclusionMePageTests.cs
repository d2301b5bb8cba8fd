using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// What a citizen sees on their own page (/Inclusion/Me): the behaviours of their programme only, a day's rows one per
// behaviour and source with the cap that stopped their coins, and their rank this month with a top list by nickname only.
public sealed partial class InclusionMePageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private Task<HttpClient> NewCitizenAsync(string? nickname, string? contact = null) => CitizenPages.NewCitizenAsync(server, nickname, contact);

    private static Task RecordAsync(HttpClient citizen, params object[] actions) => CitizenPages.RecordAsync(citizen, actions);

    private static object Metro(string source, DateTimeOffset at, decimal km) => CitizenPages.Metro(source, at, km);

    private static Task<string> MeAsync(HttpClient citizen) => CitizenPages.MeAsync(citizen);

    [Fact]
    public async Task MePage_RecordForm_OffersOnlyTheBehavioursOfTheCitizensProgrammeInChinese()
    {
        using var citizen = await NewCitizenAsync(null);
        // 1 km (46.7 g): below every other citizen of this class, so that it never sits between two whose ranks a test compares.
        await RecordAsync(citizen, Metro("sz-card-1", DateTimeOffset.UtcNow.AddMinutes(-50), 1m));

        var page = await MeAsync(citizen);

        var select = Regex.Match(page, "<select name=\"Behaviour\" id=\"record-behaviour\">(.*?)</select>", RegexOptions.Singleline).Groups[1].Value;
        var offered = Regex.Matches(select, "<option value=\"([a-z-]+)\"[^>]*>([^<]+)</option>").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal([("metro", "地铁出行 · 公里"), ("bus", "公交出行 · 公里"), ("electricity", "家庭节电 · 千瓦时"), ("solar-pv", "分布式光伏 · 千瓦时")], offered);
        Assert.Contains("<optgroup label=\"深圳碳普惠（低碳出行与居民用电）\"", select, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"walk\"", select, StringComparison.Ordinal);
        var programmes = Regex.Match(page, "<select name=\"Programme\" id=\"record-programme\">(.*?)</select>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(["shenzhen-tanpuhui"], Regex.Matches(programmes, "value=\"([a-z-]+)\"").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task MePage_RecentActions_GiveEachQuantityInItsBehavioursUnit_AndTheTimeToTheMinuteInBeijingTime()
    {
        using var citizen = await NewCitizenAsync(null);
        var at = new DateTimeOffset(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(-1).AddHours(8).AddMinutes(15).AddSeconds(42), TimeSpan.FromHours(8));
        await RecordAsync(citizen, Metro("sz-card-u", at, 12.5m));

        var page = await MeAsync(citizen);

        var table = Regex.Match(page, "<table class=\"registry\" id=\"recent\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        var row = Regex.Match(table, "<tr class=\"counted\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        // A phone's narrow column reads "12.5 公里" under the behaviour, not a bare 12.5 under "数量（公里/步/千瓦时/次）",
        // and the day over the time.
        Assert.Contains("<th>行为 · 数量</th>", table, StringComparison.Ordinal);
        Assert.Contains("地铁出行 <span class=\"recent-quantity nowrap\">12.5 公里</span>", row, StringComparison.Ordinal);
        Assert.Contains($"<td><span class=\"nowrap\">{at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</span> <span class=\"nowrap\">{at.ToString("HH:mm", CultureInfo.InvariantCulture)} (UTC+8)</span></td>", row, StringComparison.Ordinal);
        Assert.DoesNotContain(":42", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MePage_RidesFromTwoCardsPastTheDailyCap_ShowOneRowPerSourceWithItsCoins_TheCapOnceAndTheCoinsItCut()
    {
        using var citizen = await NewCitizenAsync(null);
        var yesterday = new DateTimeOffset(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(-1), TimeSpan.FromHours(8));
        // 20 km a ride, 934 g and 9 coins each: three on each card make 54 coins, past the day's 50.
        await RecordAsync(citizen, [.. Enumerable.Range(0, 6).Select(i => Metro(i % 2 == 0 ? "sz-card-a" : "sz-card-b", yesterday.AddHours(7 + i), 20m))]);

        var page = await MeAsync(citizen);

        var rows = Regex.Matches(page, "<tr class=\"daily-row\" data-behaviour=\"metro\" data-source=\"(sz-card-[ab])\">(.*?)</tr>", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(["sz-card-a", "sz-card-b"], rows.Keys.Order());
        string Coins(string row) => Regex.Match(row, "<td class=\"num coins\">([0-9]+)</td>").Groups[1].Value;
        Assert.Equal(50, int.Parse(Coins(rows["sz-card-a"]), CultureInfo.InvariantCulture) + int.Parse(Coins(rows["sz-card-b"]), CultureInfo.InvariantCulture));
        Assert.Equal(["27", "23"], new[] { Coins(rows["sz-card-a"]), Coins(rows["sz-card-b"]) });
        Assert.All(rows.Values, r => Assert.Contains("2,802", r, StringComparison.Ordinal));
        Assert.All(rows.Values, r => Assert.Contains("<span class=\"mono daily-source\">sz-card-", r, StringComparison.Ordinal));
        // The day's cap is said once, on its first row; the row whose last ride earned 5 of its 9 coins says so.
        const string CapReached = "已达每人每天最多 50 个碳币的上限，其后的行为只计减排量";
        Assert.Contains(CapReached, rows["sz-card-a"], StringComparison.Ordinal);
        Assert.DoesNotContain(CapReached, rows["sz-card-b"], StringComparison.Ordinal);
        Assert.DoesNotContain("daily-cut", rows["sz-card-a"], StringComparison.Ordinal);
        Assert.Contains("<span class=\"daily-cut\">因上限少得 4 个碳币</span>", rows["sz-card-b"], StringComparison.Ordinal);
    }
}
