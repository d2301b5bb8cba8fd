using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using OpenEts.Domain.Compliance;
using OpenEts.Server.Pages.Compliance;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// How the compliance overview writes a penalty: Guangdong's fixed 50 000 元 fine (197号令, reference/guangdong.md §1.1)
/// as one figure, not "50,000–50,000 元"; and a fine at a multiple of the market price, when no reference price is
/// known, with the words that say that part is left out, not as a bare figure that reads as the whole fine.
/// </summary>
public sealed class CompliancePageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task Overview_GuangdongsFixedFine_ReadsAsOneFigure()
    {
        await server.ApproveDemoPlanAsync();
        using var regulator = await server.SignedInAsync("regulator");

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri("/Compliance/Overview", UriKind.Relative),
            TestContext.Current.CancellationToken));

        // Steel owes 2,048,060 t and has surrendered nothing by the deadline: 2 × that deducted, and the fixed fine.
        Assert.Contains("<td class=\"penalty\">4,096,120 t; 50,000 元</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("50,000–50,000", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComplianceTables_OfTonnes_SayTheirUnit()
    {
        await server.ApproveDemoPlanAsync();
        using var regulator = await server.SignedInAsync("regulator");
        using var visitor = server.CreateClient();

        var overview = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri("/Compliance/Overview", UriKind.Relative), TestContext.Current.CancellationToken));
        var list = WebUtility.HtmlDecode(await visitor.GetStringAsync(new Uri("/Compliance", UriKind.Relative), TestContext.Current.CancellationToken));

        // The columns (owed, allowances, offsets, still owed …) are bare numbers: the unit is said once above each table.
        Assert.Contains("id=\"overview-unit\">表中数量单位：吨二氧化碳当量", overview, StringComparison.Ordinal);
        Assert.Contains("id=\"compliance-list-unit\">表中数量单位：吨二氧化碳当量", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Own_AClassTheYearsRulesRefuse_IsListedWithWhyButNotOfferedToSurrender()
    {
        await server.ApproveDemoPlanAsync();
        using var steel = await server.SignedInAsync("steel-a");

        var page = WebUtility.HtmlDecode(await steel.GetStringAsync(new Uri("/Compliance/Own", UriKind.Relative),
            TestContext.Current.CancellationToken));
        var choice = Regex.Match(page, "<select name=\"Input.Class\" id=\"surrender-class\">.*?</select>", RegexOptions.Singleline).Value;
        var offered = Regex.Matches(choice, "<option value=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        // The steel company holds 80,000 hydropower CCER, which Guangdong's 2017 rules exclude: before, the form offered it
        // like any other class, only to refuse it once sent.
        var hydro = Regex.Match(page, "<tr id=\"holding-CCER-000202-2015\" data-rule=\"Compliance.ExcludedCategory\">.*?</tr>",
            RegexOptions.Singleline).Value;
        Assert.Contains("<td class=\"num\">80,000</td>", hydro, StringComparison.Ordinal);
        Assert.Contains("<td>该项目类别（如水电）的减排量不得用于抵销</td><td class=\"num\">0</td>", hydro, StringComparison.Ordinal);
        Assert.DoesNotContain("CCER-000202-2015", offered);
        Assert.Contains("GDEA-2017", offered);
    }

    [Fact]
    public void PenaltyText_AFineAtAPriceMultipleWithoutAReferencePrice_SaysThatPartIsLeftOut()
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            var text = CompliancePage.PenaltyText(new Penalty(Shortfall: 1000, Deduction: 1000, FineYuanMin: 20_000m, FineYuanMax: 30_000m,
                PriceMissing: true));

            Assert.StartsWith("1,000 t; 20,000–30,000 元", text, StringComparison.Ordinal);
            Assert.EndsWith("（未含按市场均价倍数计算的罚款：无参考价格）", text, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
