using System.Globalization;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// A citizen's rank this month on their own page, with a top list by nickname only. On a server of its own whose clock is
// moved 32 days past the demo's seeding: the demo's crowd then has no action this month, so the two citizens of the test
// are the month's only ones in Shenzhen and both sit in the top list.
public sealed class InclusionRankingPageTests(ServerFactory server) : IClassFixture<ServerFactory>
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
        using (server.CreateClient())
        {
            // Started (and so seeded) first; then a month on.
        }
        server.Clock.Advance(TimeSpan.FromDays(32));
        using var lin = await CitizenPages.NewCitizenAsync(server, "小林", "13800138000");
        using var unnamed = await CitizenPages.NewCitizenAsync(server, null);
        var now = server.Clock.GetUtcNow().AddMinutes(-10);
        await CitizenPages.RecordAsync(lin, CitizenPages.Metro("sz-card-lin", now, 20m));
        await CitizenPages.RecordAsync(unnamed, new
        {
            eventId = Guid.NewGuid().ToString("N"), source = "sz-card-x", behaviour = "bus",
            occurredAt = now.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture), quantity = 5m, minutes = 20m,
        });

        var linPage = await CitizenPages.MeAsync(lin);
        var unnamedPage = await CitizenPages.MeAsync(unnamed);

        // 934 g by metro against 134.5 g by bus: 小林 first, the unnamed citizen second, of two (the demo's actions all
        // lie in months before this one).
        Assert.Equal((1L, 2L, "50"), RankOf(linPage));
        Assert.Equal((2L, 2L, "100"), RankOf(unnamedPage));
        var top = Regex.Match(unnamedPage, "<ol class=\"rank-top\">(.*?)</ol>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("第 1 名</span> <span class=\"rank-name\">小林</span> <span class=\"nowrap\">934 g</span>", top, StringComparison.Ordinal);
        Assert.Contains("<li class=\"own\"><span class=\"nowrap\">第 2 名</span> <span class=\"rank-name\">匿名市民（我）</span>", top, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", unnamedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("citizen", top, StringComparison.OrdinalIgnoreCase);
    }
}
