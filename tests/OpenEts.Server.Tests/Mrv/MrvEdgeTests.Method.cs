using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OpenEts.Server.Tests.Mrv;

public sealed partial class MrvEdgeTests
{
    // A power plant's template under the 2022 power-facility guideline, then one figure corrected in the form: the form names
    // no method, and the save turned the report into a sector-guideline one, its purchased electricity now in the total
    // (2 001.379 t became 2 342.199 t) without a word.
    [Fact]
    public async Task FormSave_OfAReportUploadedUnderThePowerFacilityGuideline_KeepsItsMethodAndTotal()
    {
        await UploadAsync("power-a", 2042, "类别,编号,燃料或物料,数量,单位\n核算方法,,power-facility-2022,,\n"
            + "化石燃料燃烧,L1,raw-coal,900,t\n净购入电力,L2,grid,1000,MWh\n", HttpStatusCode.Redirect);
        using var power = await server.SignedInAsync("power-a");

        using var response = await PostAsync(power, "/Mrv/Edit", "Save", new Dictionary<string, string>
        {
            ["Input.Year"] = "2042",
            ["Input.Region"] = "guangdong",
            ["Input.Lines[0].Id"] = "L1", ["Input.Lines[0].Kind"] = "fuel-combustion", ["Input.Lines[0].Material"] = "raw-coal",
            ["Input.Lines[0].Amount"] = "1000", ["Input.Lines[0].Unit"] = "t",
            ["Input.Lines[1].Id"] = "L2", ["Input.Lines[1].Kind"] = "purchased-electricity", ["Input.Lines[1].Material"] = "grid",
            ["Input.Lines[1].Amount"] = "1000", ["Input.Lines[1].Unit"] = "MWh",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = WebUtility.HtmlDecode(await power.GetStringAsync("/Mrv/Edit?year=2042", Ct));
        var list = await power.GetFromJsonAsync<JsonElement>("/api/v1/mrv/reports?year=2042", Ct);

        // 1 000 t × 20.908 GJ/t × 0.02637 tC/GJ × 0.99 (the guideline's coal oxidation) × 44/12; the electricity is auxiliary.
        Assert.Equal(2001.379m, list.EnumerateArray().Single().GetProperty("reportedTonnes").GetDecimal());
        Assert.Contains("核算方法 <span id=\"report-method\" data-method=\"power-facility-2022\">发电设施指南（2022）</span>", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPage_OfAReportUnderThePowerFacilityGuideline_NamesTheMethod()
    {
        await UploadAsync("power-a", 2045, "类别,编号,燃料或物料,数量,单位\n核算方法,,power-facility-2022,,\n化石燃料燃烧,L1,raw-coal,1000,t\n", HttpStatusCode.Redirect);
        using var power = await server.SignedInAsync("power-a");
        var id = (await power.GetFromJsonAsync<JsonElement>("/api/v1/mrv/reports?year=2045", Ct)).EnumerateArray().Single().GetProperty("id").GetInt64();

        var page = WebUtility.HtmlDecode(await power.GetStringAsync($"/Mrv/Report/{id}", Ct));

        Assert.Contains("data-method=\"power-facility-2022\">发电设施指南（2022）</span>", page, StringComparison.Ordinal);
    }

    // The warning for a year without a grid factor said in Chinese only that the nearest year's factor was used; the English
    // named the year asked for, the factor's year and its value.
    [Fact]
    public async Task Upload_YearWithoutAGridFactor_TheWarningNamesTheFactorUsedInChinese()
    {
        await UploadAsync("cement-a", 2044, "类别,编号,燃料或物料,数量,单位\n净购入电力,L1,grid,1000,MWh\n", HttpStatusCode.Redirect);
        using var cement = await server.SignedInAsync("cement-a");

        var body = WebUtility.HtmlDecode(await cement.GetStringAsync("/Mrv/Edit?year=2044", Ct));

        Assert.Contains("因子库 2026.1 没有 2044 年度的电网排放因子，已采用 guangdong 电网 2023 年度的因子（0.4419 tCO2/MWh），对 2044 年度未确认。",
            body, StringComparison.Ordinal);
    }

    // In Chinese the calculator's errors said only 该燃料、排放源或产出不使用此计量单位 and 因子库中没有该燃料或物料, and an unknown
    // 类别 did not say what was typed: the English named the unit expected, the material and the choices.
    [Fact]
    public async Task Upload_WrongUnitUnknownFuelAndUnknownKind_NameWhatWasTypedAndWhatIsExpectedInChinese()
    {
        var body = await UploadAsync("cement-a", 2043, "类别,编号,燃料或物料,数量,单位\n化石燃料燃烧,L1,raw-coal,100,MWh\n"
            + "化石燃料燃烧,L2,coal-x,5,t\n合计,,,105,t\n");

        Assert.Contains("行 2 · 列 E (单位) · 该燃料、排放源或产出以 t 计量，不是 MWh。", body, StringComparison.Ordinal);
        Assert.Contains("行 3 · 列 C (燃料或物料) · 因子库 2026.1 中没有", body, StringComparison.Ordinal);
        Assert.Contains("的物料“coal-x”，可选：coke, crude-oil, diesel", body, StringComparison.Ordinal);
        Assert.Contains("行 4 · 列 A (类别) · “合计”不是排放源、产品产量或报告设置的类别", body, StringComparison.Ordinal);
    }
}
