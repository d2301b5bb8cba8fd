using System.Net;
using System.Text.RegularExpressions;
using OpenEts.Application.DualControl.Calculators;
using OpenEts.Application.DualControl.Cards;
using OpenEts.Server.Localization;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// The card rule sets' and the social cost of carbon's citation notes, shipped in English in their data documents, on
/// the Chinese pages in Chinese (URLs, sections, figures and flags kept), on the English pages as stored.
/// </summary>
public sealed partial class DualControlNotesPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string JiangxiRectification = "no rectification period is in the Jiangxi page; 90 days is a placeholder [UNCONFIRMED]";

    [Fact]
    public void EveryShippedNoteInEnglish_HasItsChinese()
    {
        var notes = CardRuleSets.Shipped.All.SelectMany(r => new[]
            {
                r.Source, r.CreditGradesSource, r.RectificationDays.Source, r.YellowEscalates.Source, r.ListWithinMonths.Source,
                r.SupervisionQuarters.Source, r.SeriousExceedance.Source, r.LevelsPerCard.Source,
            }.Concat(r.Triggers.Select(t => t.Source)))
            .Concat(SccSeries.Shipped.All.SelectMany(s => new[] { s.Basis, s.Source }))
            .Concat(OpenEts.Domain.DualControl.Targets.AssessmentSchemes.All.Select(s => s.Source))
            .Where(n => Words().IsMatch(Url().Replace(n, "")))
            .Distinct()
            .ToList();

        Assert.True(notes.Count > 40, $"{notes.Count} notes");
        var missing = notes.Where(n => !DataNotes.Known(n)).ToList();
        Assert.True(missing.Count == 0, "no Chinese for: " + string.Join(" | ", missing));
    }

    [Theory]
    [InlineData("zh-CN", "江西页面未载明整改期限；90 天为暂定值 [UNCONFIRMED]", JiangxiRectification)]
    [InlineData("en", JiangxiRectification, "江西页面未载明整改期限；90 天为暂定值 [UNCONFIRMED]")]
    public async Task CardsPage_ShowsTheRulesNotes_InThePagesLanguage(string language, string shown, string notShown)
    {
        using var client = await server.SignedInAsync("regulator");
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3D" + language + "%7Cuic%3D" + language);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Energy/Cards", Ct));

        Assert.Contains(shown, page, StringComparison.Ordinal);
        Assert.DoesNotContain(notShown, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "美国机构间工作组《技术支持文件》（Technical Support Document），2021 年 2 月——参考资料中未收录 [UNCONFIRMED]")]
    [InlineData("en", "IWG Technical Support Document, February 2021 — not in the reference files [UNCONFIRMED]")]
    public async Task CalculatorsPage_ShowsTheSocialCostsSources_InThePagesLanguage(string language, string shown)
    {
        using var client = await server.SignedInAsync("regulator");
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3D" + language + "%7Cuic%3D" + language);

        var page = Regex.Replace(WebUtility.HtmlDecode(await client.GetStringAsync("/Energy/Calculators", Ct)), "<[^>]+>", "");

        Assert.Contains(shown, page, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex Words();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();
}
