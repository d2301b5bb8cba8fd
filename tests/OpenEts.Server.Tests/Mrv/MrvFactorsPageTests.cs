using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Api;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Mrv;

/// <summary>
/// The factor library page and the deadlines page on the demo market: the regulator previews a correction's impact on
/// the demo's approved reports, publishes it, and sets a year's deadlines; others read.
/// </summary>
public sealed class MrvFactorsPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Correction(string value, string? version = null) => new()
    {
        ["Correction.Kind"] = "FuelNcv",
        ["Correction.Target"] = "raw-coal",
        ["Correction.Year"] = "2024",
        ["Correction.Value"] = value,
        ["Correction.Source"] = "更正公告（测试）",
        ["Correction.Version"] = version ?? "",
        ["Correction.Notes"] = "raw coal NCV",
    };

    [Fact]
    public async Task Issue_9_Regulator_PreviewsTheReportsACorrectionWouldMoveThenPublishesIt()
    {
        using var regulator = await CookieBrowser.SignInAsync(server, "regulator");
        using var company = await server.SignedInAsync("cement-a");

        using var preview = await regulator.PostFormAsync("/Mrv/Factors", "/Mrv/Factors?handler=Preview", Correction("20.0"));
        var previewHtml = await preview.Content.ReadAsStringAsync(Ct);
        using var bad = await regulator.PostFormAsync("/Mrv/Factors", "/Mrv/Factors?handler=Publish", Correction("-1", "2026.9"));
        var badHtml = await bad.Content.ReadAsStringAsync(Ct);
        using var publish = await regulator.PostFormAsync("/Mrv/Factors", "/Mrv/Factors?handler=Publish", Correction("20.0", "2026.2"));
        var after = await regulator.GetStringAsync("/Mrv/Factors");
        var api = await company.GetFromJsonAsync<JsonElement>("/api/v1/mrv/factors", Ct);
        var companyPage = await company.GetStringAsync("/Mrv/Factors", Ct);
        using var companyPublish = await company.PostAsJsonAsync("/api/v1/mrv/factors",
            new { version = "2026.3", kind = "fuelNcv", target = "raw-coal", year = 2024, value = 19m, source = "x" }, Ct);

        // The demo's raw-coal reports: power, cement and paper, 2016 and 2017.
        Assert.Equal(6, previewHtml.Split("class=\"impact-row\"").Length - 1);
        Assert.Contains("2,917,524.060", previewHtml, StringComparison.Ordinal); // power 2017: 1 605 000 t × 1.817772
        Assert.Contains("id=\"factors-error\"", badHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Contains("id=\"library-version\">2026.2<", after, StringComparison.Ordinal);
        Assert.Equal("2026.2", api.GetProperty("version").GetString());
        Assert.Equal("fuelNcv", api.GetProperty("published")[0].GetProperty("kind").GetString());
        Assert.Equal(20.0m, api.GetProperty("fuels").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "raw-coal")
            .GetProperty("ncv").GetProperty("value").GetDecimal());
        Assert.DoesNotContain("id=\"correction-form\"", companyPage, StringComparison.Ordinal);
        Assert.Contains("2026.2", companyPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, companyPublish.StatusCode);
    }

    [Theory]
    [InlineData("zh-CN", "生态环境部、国家统计局公告2025年第47号 · 电力二氧化碳排放因子 (reference/mrv.md §3.4) · 广东",
        "国家发展改革委24个行业企业温室气体排放核算方法与报告指南，附录缺省值 · 各种能源折标准煤及碳排放参考系数 (reference/mrv.md §3.3) · 天然气 / 低位发热量",
        "第三方代码（无可查原文件） · 电力二氧化碳排放因子 (reference/mrv.md §3.4) · 2015年基准，全国")]
    [InlineData("en", "MEE/NBS 公告2025年第47号 · electricity CO2 emission factors (reference/mrv.md §3.4) · 广东",
        "NDRC 24-sector accounting guidelines, Annex defaults · 各种能源折标准煤及碳排放参考系数 (reference/mrv.md §3.3) · 天然气 / NCV",
        "third-party code (no retrievable notice) · electricity CO2 emission factors (reference/mrv.md §3.4) · 2015 baseline national")]
    public async Task FactorLibrary_CitesEachDefaultsSource_InThePagesLanguage(string language, string guangdongGrid, string gasNcv, string baseline)
    {
        using var client = await server.SignedInAsync("power-a");
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3D" + language + "%7Cuic%3D" + language);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Mrv/Factors", Ct));

        Assert.Contains(guangdongGrid, page, StringComparison.Ordinal);
        Assert.Contains(gasNcv, page, StringComparison.Ordinal);
        Assert.Contains(baseline, page, StringComparison.Ordinal);
        if (language != "en")
        {
            Assert.DoesNotContain("NDRC", page, StringComparison.Ordinal);
            Assert.DoesNotContain("emission factor", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Issue_9_Regulator_SetsAYearsDeadlinesOnThePageAndAVerificationDueBeforeReportsDueIsRefused()
    {
        using var regulator = await CookieBrowser.SignInAsync(server, "regulator");

        using var wrong = await regulator.PostFormAsync("/Mrv/Deadlines", "/Mrv/Deadlines", new()
        {
            ["Jurisdiction"] = "guangdong", ["Year"] = "2019", ["ReportsDue"] = "2020-03-15", ["VerificationDue"] = "2020-03-01",
        });
        var wrongHtml = await wrong.Content.ReadAsStringAsync(Ct);
        using var saved = await regulator.PostFormAsync("/Mrv/Deadlines", "/Mrv/Deadlines", new()
        {
            ["Jurisdiction"] = "guangdong", ["Year"] = "2019", ["ReportsDue"] = "2020-03-15", ["VerificationDue"] = "2020-05-05",
        });
        var page = await regulator.GetStringAsync("/Mrv/Deadlines");

        Assert.Contains("id=\"deadline-error\"", wrongHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("<td>2019</td><td class=\"nowrap\">2020-03-15</td><td class=\"nowrap\">2020-05-05</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>2017</td><td class=\"nowrap\">2018-03-15</td><td class=\"nowrap\">2018-05-05</td>", page, StringComparison.Ordinal);
    }
}
