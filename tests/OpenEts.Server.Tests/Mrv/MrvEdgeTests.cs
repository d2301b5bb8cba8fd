using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Mrv;

/// <summary>
/// What exploratory testing found on MRV's pages and API: amounts too large for the calculation, errors that did not name
/// their column or row, a verifier stuck on a warning its own adjustment raised.
/// </summary>
public sealed partial class MrvEdgeTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static readonly string Verifier = "91440101MA5CY0001" + CreditCode.CheckCharacter("91440101MA5CY0001");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calc_AmountOf4e28_Is400NamingTheLargestAccepted()
    {
        using var cement = await server.SignedInAsync("cement-a");

        using var response = await cement.PostAsJsonAsync("/api/v1/mrv/calc", new
        {
            year = 2022,
            lines = new[] { new { id = "L1", kind = "fuelCombustion", material = "raw-coal", amount = 4e28m, unit = "t" } },
        }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(("lines[0].amount", "TooLarge"), (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
    }

    [Fact]
    public async Task Upload_AmountTooLarge_ShowsTheRowColumnAndBoundInChinese()
    {
        var body = await UploadAsync("cement-a", 2022, "类别,编号,燃料或物料,数量,单位\n化石燃料燃烧,L1,raw-coal,5000000000000000,t\n");

        Assert.Contains("行 2 · 列 D (数量) · 5000000000000000 超过允许的最大值 1,000,000,000,000。", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_MissingColumn_NamesTheColumnInChinese()
    {
        var body = await UploadAsync("cement-a", 2022, "类别,编号,燃料或物料,单位\n化石燃料燃烧,L1,raw-coal,t\n");

        Assert.Contains("文件缺少“数量”列（或“amount”列）。", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_SectorAndYearOfAnotherReport_NameTheirRowsInChinese()
    {
        var body = await UploadAsync("cement-a", 2022, "类别,编号,燃料或物料,数量,单位\n行业,,钢铁,,\n报告年度,,2017,,\n");

        Assert.Contains("行 2 · 文件“行业”一行填写为钢铁，但本报告的行业为水泥。", body, StringComparison.Ordinal);
        Assert.Contains("行 3 · 文件“报告年度”一行填写为 2017，但本报告为 2022 年度。", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_LinesWithCalculationErrors_SaysTheDraftWasSavedWithErrorsAndWhere()
    {
        var body = await UploadAsync("cement-a", 2031, "类别,编号,燃料或物料,数量,单位\n化石燃料燃烧,L1,raw-coal,-5,t\n化石燃料燃烧,L2,uranium,5,t\n");

        Assert.Contains("模板已上传并保存为草稿，但有 2 处错误", body, StringComparison.Ordinal);
        Assert.Contains("行 2 · 列 D (数量) · ", body, StringComparison.Ordinal);
        Assert.Contains("行 3 · 列 C (燃料或物料) · ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"done\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AdjustmentRaisingANewWarning_NamesItAndOffersItsNoteKeepingTheInputs()
    {
        using var verifier = await server.SignedInAsync("verifier");
        // 1 900 t for 2 000 t of paper is 0.95 tCO2/t, inside 0.20–2.50; the verifier's 200 000 t makes it 0.0095.
        var id = await AssignedPaperReportAsync(2033);
        var form = new Dictionary<string, string>
        {
            ["Review.Lines[0].LineId"] = "L1", ["Review.Lines[0].Reported"] = "1000", ["Review.Lines[0].Amount"] = "1000",
            ["Review.Outputs[0].LineId"] = "0", ["Review.Outputs[0].Reported"] = "2000", ["Review.Outputs[0].Amount"] = "200000",
            ["Review.Outputs[0].Reason"] = "含外购半成品", ["Review.Outputs[0].Evidence"] = "PR-2033", ["Review.Conclusion"] = "属实",
        };

        var refused = await PostPageAsync(verifier, $"/Mrv/Report/{id}", "Verify", form);
        form["Review.Notes[0].Warning"] = "IntensityOutOfRange:-";
        form["Review.Notes[0].Text"] = "产量经核实";
        using var recorded = await PostAsync(verifier, $"/Mrv/Report/{id}", "Verify", form);

        Assert.Contains("以下警告须填写核查说明：排放强度超出本行业的合理范围。", refused, StringComparison.Ordinal);
        Assert.Contains("data-warning=\"IntensityOutOfRange:-\"", refused, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"Review.Notes[0].Warning\" value=\"IntensityOutOfRange:-\" />", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"200000\"", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal($"/Mrv/Report/{id}?done=verified", recorded.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Verify_AmountBeyondADecimalOrANegativeOutput_IsNamedNotRequiredAndLabelled()
    {
        using var verifier = await server.SignedInAsync("verifier");
        var id = await AssignedPaperReportAsync(2034);

        var huge = await PostPageAsync(verifier, $"/Mrv/Report/{id}", "Verify", new()
        {
            ["Review.Lines[0].LineId"] = "L1", ["Review.Lines[0].Reported"] = "1000", ["Review.Lines[0].Amount"] = "1e30",
            ["Review.Lines[0].Reason"] = "复核", ["Review.Lines[0].Evidence"] = "WB-1", ["Review.Conclusion"] = "属实",
        });
        var negative = await PostPageAsync(verifier, $"/Mrv/Report/{id}", "Verify", new()
        {
            ["Review.Outputs[0].LineId"] = "0", ["Review.Outputs[0].Reported"] = "2000", ["Review.Outputs[0].Amount"] = "-5",
            ["Review.Outputs[0].Reason"] = "复核", ["Review.Outputs[0].Evidence"] = "PR-1", ["Review.Conclusion"] = "属实",
        });

        Assert.Contains("1e30 超过允许的最大值 1,000,000,000,000。", huge, StringComparison.Ordinal);
        Assert.DoesNotContain("此项必填", huge, StringComparison.Ordinal);
        Assert.Contains("产量调整 1 · 数量：", negative, StringComparison.Ordinal);
        Assert.DoesNotContain("outputAdjustments", negative, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveReport_OutputsAFileCouldNotHold_AreRefusedNamingTheOutputAndItsRule_AndNothingIsSaved()
    {
        // What the form or the API saves must read back from the report's own export: its outputs keep the template's rules.
        using var power = await server.SignedInAsync("power-a");
        object Line() => new { id = "L1", kind = "fuel-combustion", material = "raw-coal", amount = 1000m, unit = "t" };
        var body = new
        {
            year = 2019,
            lines = new[] { Line() },
            outputs = new object[]
            {
                new { kind = "loadFactor", amount = 7m, unit = "fraction" },
                new { kind = "unitCategory", amount = 600m, unit = "MW" },
                new { kind = "clinker", amount = 5m, unit = "MWh" },
            },
        };

        using var saved = await power.PostAsJsonAsync("/api/v1/mrv/reports", body, Ct);
        using var calc = await power.PostAsJsonAsync("/api/v1/mrv/calc", body, Ct);
        var problem = await saved.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var reports = await power.GetStringAsync("/api/v1/mrv/reports", Ct);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (saved.StatusCode, calc.StatusCode));
        var errors = problem.GetProperty("rules").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("rule").GetString())).ToList();
        Assert.Equal([("outputs[0].amount", "BadFraction"), ("outputs[1].detail", "MissingDetail"), ("outputs[2].unit", "WrongUnit")], errors);
        Assert.DoesNotContain("\"year\":2019", reports, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegionsAndJurisdictions_ThatAreNoRegion_AreRefusedByName_RatherThanFallingBackToTheNationalFactor()
    {
        using var paper = await server.SignedInAsync("paper-a");
        using var regulator = await server.SignedInAsync("regulator");
        object[] lines = [new { id = "L1", kind = "fuel-combustion", material = "raw-coal", amount = 1000m, unit = "t" }];
        object[] outputs = [new { kind = "paper", amount = 2000m, unit = "t" }];

        using var typo = await paper.PostAsJsonAsync("/api/v1/mrv/reports", new { year = 2023, region = "guandong", lines, outputs }, Ct);
        using var calc = await paper.PostAsJsonAsync("/api/v1/mrv/calc", new { year = 2023, region = "mars", lines, outputs }, Ct);
        using var deadline = await regulator.PostAsJsonAsync("/api/v1/mrv/deadlines",
            new { jurisdiction = "narnia", year = 2023, reportsDue = "2024-03-31", verificationDue = "2024-04-30" }, Ct);
        using var province = await paper.PostAsJsonAsync("/api/v1/mrv/calc", new { year = 2023, region = "hainan", lines, outputs }, Ct);

        foreach (var (refused, field) in new[] { (typo, "region"), (calc, "region"), (deadline, "jurisdiction") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal((field, "UnknownGridRegion"), (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
        }
        // A province without a factor of its own is a region: it takes the national factor, as documented.
        Assert.Equal(HttpStatusCode.OK, province.StatusCode);
    }

    private async Task<long> AssignedPaperReportAsync(int year)
    {
        using var paper = await server.SignedInAsync("paper-a");
        using var regulator = await server.SignedInAsync("regulator");
        var saved = await (await paper.PostAsJsonAsync("/api/v1/mrv/reports", new
        {
            year,
            lines = new[] { new { id = "L1", kind = "fuel-combustion", material = "raw-coal", amount = 1000m, unit = "t" } },
            outputs = new[] { new { kind = "paper", amount = 2000m, unit = "t" } },
        }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = saved.GetProperty("report").GetInt64();
        Assert.True((await paper.PostAsync($"/api/v1/mrv/reports/{id}/submit", null, Ct)).IsSuccessStatusCode);
        Assert.True((await regulator.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/assign", new { verifier = Verifier, conflictOfInterest = "none" }, Ct))
            .IsSuccessStatusCode);
        return id;
    }

    // The page as the upload answers it: the page with its errors (200), or a redirect when the file was saved whole.
    private async Task<string> UploadAsync(string user, int year, string csv, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = await server.SignedInAsync(user);
        var page = await client.GetStringAsync($"/Mrv/Edit?year={year}", Ct);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken");
        form.Add(new StringContent(year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.Year");
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "report.csv");
        using var response = await client.PostAsync("/Mrv/Edit?handler=Upload", form, Ct);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return body;
    }

    private static async Task<string> PostPageAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        using var response = await PostAsync(client, path, handler, fields);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return body;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path, Ct);
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", Token().Match(page).Groups[1].Value)));
        return await client.PostAsync($"{path}?handler={handler}", content, Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
