using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenEts.Server.Tests.Pages;

public sealed partial class InclusionMePageTests
{
    private static (long Rank, long Of, string Percent) RankOf(string page)
    {
        var own = Regex.Match(page, "<strong class=\"rank-own\">第 ([0-9,]+) 名 / 共 ([0-9,]+) 人</strong> · <span class=\"rank-percent\">前 ([0-9.]+)%</span>");
        Assert.True(own.Success, "the page shows no rank");
        return (long.Parse(own.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture),
            long.Parse(own.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), own.Groups[3].Value);
    }

    [Fact]
    public async Task MePage_TwoCitizensThisMonth_EachSeesTheirRankAndTheTopListShowsNicknamesOnly()
    {
        using var lin = await NewCitizenAsync("小林", "13800138000");
        using var unnamed = await NewCitizenAsync(null);
        var now = DateTimeOffset.UtcNow.AddMinutes(-10);
        await RecordAsync(lin, Metro("sz-card-lin", now, 20m));
        await RecordAsync(unnamed, new
        {
            eventId = Guid.NewGuid().ToString("N"), source = "sz-card-x", behaviour = "bus",
            occurredAt = now.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture), quantity = 5m, minutes = 20m,
        });

        var linPage = await MeAsync(lin);
        var unnamedPage = await MeAsync(unnamed);

        var (linRank, linOf, _) = RankOf(linPage);
        var (unnamedRank, unnamedOf, percent) = RankOf(unnamedPage);
        // 934 g by metro against 134.5 g by bus: the unnamed citizen is behind 小林 (the demo's citizens may sit between), in the same month's count.
        Assert.True(unnamedRank > linRank, $"小林 is {linRank}th and the unnamed citizen {unnamedRank}th");
        Assert.Equal(linOf, unnamedOf);
        Assert.Equal(Math.Ceiling(unnamedRank * 1000m / unnamedOf) / 10m, decimal.Parse(percent, CultureInfo.InvariantCulture));
        var top = Regex.Match(unnamedPage, "<ol class=\"rank-top\">(.*?)</ol>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"第 {linRank} 名</span> <span class=\"rank-name\">小林</span> <span class=\"nowrap\">934 g</span>", top, StringComparison.Ordinal);
        Assert.Contains($"<li class=\"own\"><span class=\"nowrap\">第 {unnamedRank} 名</span> <span class=\"rank-name\">匿名市民（我）</span>", top, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", unnamedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("citizen", top, StringComparison.OrdinalIgnoreCase);
    }
}
