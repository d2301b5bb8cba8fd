using System.Net;
using System.Text.RegularExpressions;
using OpenEts.Domain.DualControl.Targets;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// The scoring form on /Energy/Targets/Assess as the regulator uses it: points that are no number are named as the
/// platform names any number it cannot read; the scheme's source note is in the page's language; the unit and the
/// scheme follow what the address (or a link from the key users' page) names.
/// </summary>
public sealed partial class EnergyAssessPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    // The city the demo leaves unscored for 2025.
    private const string DemoAssessUnit = "NX-GY";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string? Hidden(string page, string name) =>
        Regex.Match(page, $"<input type=\"hidden\" name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\" />") is { Success: true } m ? m.Groups[1].Value : null;

    // Text typed for a measure's points was refused as out of range (得分须在该领域满分范围内), and the text was lost.
    [Fact]
    public async Task Score_PointsTypedAsText_AreRefusedAsNoNumber_NamingTheMeasureAndItsArea_AndKeptAsTyped()
    {
        var page = await PageSession.SignInAsync(server, "regulator");
        var scheme = AssessmentSchemes.NingxiaCity;
        var fields = new List<KeyValuePair<string, string>> { new("Unit", DemoAssessUnit), new("Year", "2025"), new("Scheme", scheme.Code) };
        for (var i = 0; i < scheme.Areas.Count; i++)
        {
            fields.Add(new($"Measures[{i}].Area", scheme.Areas[i].Code));
            fields.Add(new($"Measures[{i}].Points", i == 0 ? "abc" : "1"));
            fields.Add(new($"Measures[{i}].Evidence", "自评报告（测试）"));
        }

        var result = await page.PostAsync(new PageForm("score", "regulator", "/Energy/Targets/Assess", "Unit", fields), null);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.DoesNotContain("id=\"scored\"", result.Body, StringComparison.Ordinal);
        var error = Regex.Match(result.Body, "<span class=\"field-error\" id=\"points-0-error\">([^<]*)</span>").Groups[1].Value;
        Assert.Equal("措施 1（目标责任）· 得分：“abc”不是数字", error);
        Assert.DoesNotContain("满分范围", result.Body, StringComparison.Ordinal);
        Assert.Matches("<input name=\"Measures\\[0\\]\\.Points\" id=\"points-0\" inputmode=\"decimal\" value=\"abc\"", result.Body);
    }

    // The scheme's source note was shown in English on the Chinese page.
    [Theory]
    [InlineData("zh-CN", "各措施领域分值 [UNCONFIRMED]", "area points")]
    [InlineData("en", "area points [UNCONFIRMED]", "各措施领域分值")]
    public async Task Assess_TheSchemesSourceNote_IsInThePagesLanguage(string language, string shown, string notShown)
    {
        using var client = await server.SignedInAsync("regulator");
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3D" + language + "%7Cuic%3D" + language);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Energy/Targets/Assess?unit=NX-GY", Ct));

        var note = Regex.Match(page, "<p class=\"hint\" id=\"scheme-source\">([^<]*)</p>").Groups[1].Value;
        Assert.Contains(shown, note, StringComparison.Ordinal);
        Assert.DoesNotContain(notShown, note, StringComparison.Ordinal);
        if (language == "zh-CN")
        {
            Assert.DoesNotMatch("[A-Za-z]{3,}", Regex.Replace(note, @"[\w.-]+\.(cn|com|html)\S*|UNCONFIRMED", ""));
        }
    }

    // The page scored nothing until a unit was picked, and scored every unit with the city scheme (nx-city): a key energy
    // user opened from a link was offered a scheme that scoring then refused.
    [Fact]
    public async Task Assess_WithNoUnit_OffersTheFirstUnitsForm_AndAKeyUserInTheAddressGetsTheKeyUsersScheme()
    {
        var plain = await server.PageAsync("regulator", "/Energy/Targets/Assess");
        var keyUser = await server.PageAsync("regulator", "/Energy/Targets/Assess?unit=KU-NX-0003");
        var city = await server.PageAsync("regulator", "/Energy/Targets/Assess?unit=NX-WZ");

        Assert.Equal("NX-YC", Hidden(plain, "Unit"));
        Assert.Equal("nx-city", Hidden(plain, "Scheme"));
        Assert.Equal("KU-NX-0003", Hidden(keyUser, "Unit"));
        Assert.Equal("key-user", Hidden(keyUser, "Scheme"));
        Assert.Contains("value=\"organisation\"", keyUser, StringComparison.Ordinal);
        Assert.Contains("<option value=\"key-user\" selected=\"selected\">", keyUser, StringComparison.Ordinal);
        Assert.Equal(("NX-WZ", "nx-city"), (Hidden(city, "Unit"), Hidden(city, "Scheme")));
    }

    // Choosing a key user with the city scheme still selected scored it with a scheme that scoring refused.
    [Fact]
    public async Task Assess_ACitySchemeAskedForAKeyUser_ShowsTheKeyUsersScheme_AndSaysWhy()
    {
        var page = await server.PageAsync("regulator", "/Energy/Targets/Assess?unit=KU-NX-0003&scheme=nx-city");

        Assert.Equal("key-user", Hidden(page, "Scheme"));
        var note = Regex.Match(page, "<p class=\"hint\" id=\"scheme-shown\">([^<]*)</p>").Groups[1].Value;
        Assert.Contains("宁夏 市级节能目标责任评价考核", note, StringComparison.Ordinal);
        Assert.Contains("现显示：重点用能单位节能目标责任评价考核", note, StringComparison.Ordinal);
    }

    // The help line above the form described the city scheme's 40 + 60 whatever scheme was chosen: the sector scheme scores
    // 60 target points and 40 measure points, 6 points a 10 % shortfall.
    [Fact]
    public async Task Assess_TheHelpLine_DescribesTheSchemeInUse()
    {
        var city = await server.PageAsync("regulator", "/Energy/Targets/Assess?unit=NX-WZ");
        var sector = await server.PageAsync("regulator", "/Energy/Targets/Assess?unit=NX-WZ&scheme=sector");

        static string Help(string page) => Regex.Match(page, "<p class=\"hint\" id=\"assess-help\">([^<]*)</p>").Groups[1].Value;
        Assert.Equal("目标分（40 分）由统计数据计算：强度降低完成率 100 % 得 40 分，每少 10 % 减 4 分，低于 50 % 不得分；每超额 10 % 加 3 分，"
            + "最多加 9 分。措施分（60 分）由主管部门逐项评分并附依据。未完成年度强度目标的，一票否决为“未完成”。", Help(city));
        Assert.StartsWith("目标分（60 分）由统计数据计算：强度降低完成率 100 % 得 60 分，每少 10 % 减 6 分，低于 50 % 不得分；", Help(sector),
            StringComparison.Ordinal);
        Assert.Contains("措施分（40 分）", Help(sector), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyUsersPage_LinksEachKeyUserToItsAssessment_WhichOpensWithItChosen()
    {
        var list = await server.PageAsync("regulator", "/Energy/Targets/KeyUsers?year=2025");

        var link = Regex.Match(list, "<a class=\"small nowrap\" href=\"([^\"]+)\" data-assess=\"KU-NX-0004\">").Groups[1].Value;
        Assert.Equal("/Energy/Targets/Assess?unit=KU-NX-0004&year=2025", link);
        var assess = await server.PageAsync("regulator", link);
        Assert.Equal(("KU-NX-0004", "key-user"), (Hidden(assess, "Unit"), Hidden(assess, "Scheme")));
    }
}
