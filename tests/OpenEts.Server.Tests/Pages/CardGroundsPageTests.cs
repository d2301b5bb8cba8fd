using System.Net;
using System.Text.RegularExpressions;
using OpenEts.Application.DualControl.Cards;
using OpenEts.Server.Localization;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// A card's ground (依据: the rule line's note it was proposed by, or an escalation naming the rules' note) on the Chinese
/// pages and in the published list's sheet in Chinese, as the rules' own table shows the same notes; on the English pages
/// as stored. The cards table showed "Tianjin: 超标排放 → 黄牌 (ahhrtd.cn, §C)" under the rules' "天津：超标排放 → 黄牌".
/// </summary>
public sealed partial class CardGroundsPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string TableText(string page, string id)
    {
        var start = page.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {id}");
        var table = page[start..page.IndexOf("</table>", start, StringComparison.Ordinal)];
        return Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(table, "")), " ");
    }

    [Theory]
    [InlineData("zh-CN", "天津：超标排放 → 黄牌（ahhrtd.cn，§C）", "Tianjin:")]
    [InlineData("en", "Tianjin: 超标排放 → 黄牌 (ahhrtd.cn, §C)", "天津：")]
    public async Task CardsPage_TheDemosTianjinCards_ShowTheirGroundInThePagesLanguage(string language, string shown, string notShown)
    {
        using var client = await server.SignedInAsync("regulator");
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3D" + language + "%7Cuic%3D" + language);

        var cards = TableText(await client.GetStringAsync("/Energy/Cards", Ct), "cards");

        Assert.Contains(shown, cards, StringComparison.Ordinal);
        Assert.DoesNotContain(notShown, cards, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompanyPage_ItsOwnCards_ShowTheirGroundInChinese()
    {
        using var cement = await server.SignedInAsync("cement-a");

        var cards = TableText(await cement.GetStringAsync("/Energy/Cards/Company", Ct), "company-cards");

        Assert.Contains("天津：超标排放 → 黄牌（ahhrtd.cn，§C）", cards, StringComparison.Ordinal);
        Assert.DoesNotContain("Tianjin:", cards, StringComparison.Ordinal);
    }

    [Fact]
    public void TriggerInChinese_AnEscalatedCard_SaysSoInChineseWithTheRulesNote()
    {
        var rules = CardRuleSets.Shipped.All.Single(r => r.Id == "jiangxi-2016");

        var ground = DataNotes.TriggerInChinese($"{EscalateOverdue.Trigger} ({rules.YellowEscalates.Source})");

        Assert.Equal("黄牌逾期未整改 → 红牌（江西：黄牌企业拒不整改或整改不到位 → 红牌（mgbq.cn，§C）[confirmed]）", ground);
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
