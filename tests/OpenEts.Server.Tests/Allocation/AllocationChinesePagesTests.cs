using System.Net;
using OpenEts.Server.Tests.Api;
using OpenEts.Server.Tests.Infrastructure;
using OpenEts.Server.Tests.Pages;

namespace OpenEts.Server.Tests.Allocation;

/// <summary>
/// The allocation pages in Chinese: methods, bases, steps, jurisdictions and plan figures named in words (a product keeps
/// its code beside its name), and every refusal in Chinese.
/// </summary>
public sealed class AllocationChinesePagesTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string Plan = "/Allocation/Plan?id=guangdong-2017&version=1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Year() => new() { ["jurisdiction"] = "guangdong", ["year"] = "2017" };

    // Approves the shipped plan and runs the pre-allocation (each a no-op when done before), then reads cement-a's calculation.
    internal static async Task<string> ApprovedAndPreAllocatedAsync(CookieBrowser regulator, HttpClient cement)
    {
        using var approve = await regulator.PostFormAsync("/Allocation", "/Allocation?handler=Approve",
            new Dictionary<string, string> { ["plan"] = "guangdong-2017", ["version"] = "1" });
        using var pre = await regulator.PostFormAsync("/Allocation", "/Allocation?handler=Pre", Year());
        var own = WebUtility.HtmlDecode(await cement.GetStringAsync("/Allocation/Entity?jurisdiction=guangdong&year=2017", Ct));
        return own;
    }

    [Fact]
    public async Task PlanPage_NamesMethodsBasisAndFlaggedFiguresInWords()
    {
        using var regulator = await server.SignedInAsync("regulator");

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync(Plan, Ct));

        Assert.Contains("预分配：按上一年度产量 · 比例 1", page, StringComparison.Ordinal);
        Assert.Contains("<td>熟料生产 <code>clinker</code></td><td class=\"method\">基准线法</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>特殊纸 <code>special</code></td><td class=\"method\">历史强度下降法</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td title=\"$.sectors[1].products[0].benchmark\">水泥 · 熟料生产 (clinker) · 基准值</td>", page, StringComparison.Ordinal);
        Assert.Contains(">履约规则 · 抵销 · 全省抵销总量上限</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Benchmark<", page, StringComparison.Ordinal);
        Assert.DoesNotContain("PreviousYearOutput", page, StringComparison.Ordinal);
        // The plan's notes on its placeholder figures are the shipped plan's, written in Chinese.
        Assert.Contains("<small class=\"note\">全国 2017 年征求意见稿数值，非广东值</small>", page, StringComparison.Ordinal);
        Assert.Contains("<small class=\"note\">无来源：演示占位值，主管部门须在方案编辑器中填入正式数值</small>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("not Guangdong's", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanPage_ABenchmarkAndItsHeatBenchmark_EachCarryTheirOwnFlag()
    {
        using var regulator = await server.SignedInAsync("regulator");

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync(Plan, Ct));
        var coal = System.Text.RegularExpressions.Regex.Match(page, "<tr class=\"product\" data-product=\"power/coal-I\">.*?</tr>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Value;

        // Before, one flag stood after the heat benchmark for both, so the electricity benchmark read as if confirmed.
        Assert.Matches(@"0\.877 tCO2/MWh\s*<span class=""flag unconfirmed"">\[UNCONFIRMED\]</span>", coal);
        Assert.Matches(@"供热 0\.126 tCO2/GJ\s*<span class=""flag unconfirmed"">\[UNCONFIRMED\]</span>", coal);
    }

    [Fact]
    public async Task PlanEditor_NewValueWithoutSource_NamesTheFigureBySectorProductAndParameter()
    {
        var regulator = await PageSession.SignInAsync(server, "regulator");

        var shown = await regulator.PostAsync(new PageForm("plan", "regulator", Plan, "",
            [new("Id", "guangdong-2017"), new("Version", "1"), new("Paths[0]", "$.sectors[4].products[0].benchmark"), new("Values[0]", "1.05"),
                new("Sources[0]", "")]), null);

        Assert.Contains("<li>造纸 · 普通纸及纸制品 (ordinary) · 基准值：须注明数值的来源（如文件名称和文号）。</li>", shown.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("$.sectors[4].products[0].benchmark：", shown.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bogus%3Dabc", "修改的数值 1：每行写成“名称=数值”（如 benchmark.cement.clinker=0.85），数值须为数字")]
    [InlineData("bogus%3D1", "修改的数值 1（bogus）：方案中没有此名称或路径的数值")]
    public async Task WhatIf_BadFigure_SaysWhatIsWrongInChinese(string set, string expected)
    {
        using var company = await server.SignedInAsync("paper-a");

        var page = WebUtility.HtmlDecode(await company.GetStringAsync($"/Allocation/WhatIf?plan=guangdong-2017&version=1&year=2017&set={set}", Ct));

        Assert.Contains($"<span class=\"field-error\" id=\"set-error\">{expected}</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculation_InChinese_WritesEachTermsSourceInChineseWithItsFigures()
    {
        using var regulator = await CookieBrowser.SignInAsync(server, "regulator");
        using var cement = await server.SignedInAsync("cement-a");

        var own = await ApprovedAndPreAllocatedAsync(regulator, cement);

        Assert.Contains("<td>经审定的熟料产量（MRV） </td>", own, StringComparison.Ordinal);
        Assert.Contains("<td>按方案的分配方法以经审定的 2016 年产量计算 </td>", own, StringComparison.Ordinal);
        Assert.Matches(@"<td>[0-9.]+ 四舍五入取整 </td>", own);
        Assert.DoesNotContain("approved output", own, StringComparison.Ordinal);
        Assert.DoesNotContain("the plan's methods", own, StringComparison.Ordinal);
        Assert.DoesNotContain("rounding of", own, StringComparison.Ordinal);
    }
}
