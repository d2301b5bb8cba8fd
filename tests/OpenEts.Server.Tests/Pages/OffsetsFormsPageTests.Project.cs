using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenEts.Server.Tests.Pages;

/// <summary>The project page's forms: the owner's monitoring report and documents, the verifier's opinions and restated figures.</summary>
public sealed partial class OffsetsFormsPageTests
{
    [Fact]
    public async Task Monitoring_ForestryReportWithABadPeriod_ShowsEveryFieldAsTypedAndMarksTheBadOne()
    {
        var id = await RegisteredAsync("FT0001", forestry: true);
        var page = await PageSession.SignInAsync(server, "power-a");

        var result = await page.PostAsync(new PageForm("monitoring", "power-a", $"/Offsets/Project?id={id}&handler=Monitoring",
            "Monitoring.PeriodEnd",
            [
                new("Monitoring.PeriodStart", "2018-01-01"), new("Monitoring.Species", "masson-pine"), new("Monitoring.AreaHectares", "1000.5"),
                new("Monitoring.GrowthPerHectare", "10.25"), new("Monitoring.BaselineTonnes", "500"), new("Monitoring.LeakageTonnes", "12"),
            ]), "2019-02-01");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("2018-01-01", Value(result.Body, "period-start"));
        Assert.Equal("2019-02-01", Value(result.Body, "period-end"));
        Assert.Equal("masson-pine", Selected(result.Body, "species"));
        Assert.Equal("1000.5", Value(result.Body, "area"));
        Assert.Equal("10.25", Value(result.Body, "growth"));
        Assert.Equal("500", Value(result.Body, "baseline"));
        Assert.Equal("12", Value(result.Body, "leakage"));
        Assert.True(Marked(result.Body, "period-end"));
        Assert.NotEmpty(FieldError(result.Body, "period-end"));
        Assert.False(Marked(result.Body, "area"));
    }

    [Fact]
    public async Task Monitoring_UnreadableClaim_IsRefusedAsTypedNotAsMissing()
    {
        var id = await RegisteredAsync("FT0002", forestry: false);
        var page = await PageSession.SignInAsync(server, "power-a");

        var result = await page.PostAsync(new PageForm("monitoring", "power-a", $"/Offsets/Project?id={id}&handler=Monitoring",
            "Monitoring.Claimed", [new("Monitoring.PeriodStart", "2018-01-01"), new("Monitoring.PeriodEnd", "2018-12-31")]), "12,5O0");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("12,5O0", Value(result.Body, "claimed"));
        Assert.Equal("2018-12-31", Value(result.Body, "period-end"));
        Assert.True(Marked(result.Body, "claimed"));
        Assert.Contains("“12,5O0”", FieldError(result.Body, "claimed"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_UnreadableTonnes_IsRefusedAsTypedAndTheReportIsNotVerifiedAtItsClaim()
    {
        var (id, report) = await ReportedAsync("FT0003", forestry: false);
        var page = await PageSession.SignInAsync(server, "verifier");

        var result = await page.PostAsync(new PageForm("verify", "verifier", $"/Offsets/Project?id={id}&handler=Verify", "VerifiedTonnes",
            [new("Report", Text(report)), new("Opinion", "电量与结算单一致（表单测试）")]), "4800 吨");
        var form = VerifyForm(result.Body, report);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(">电量与结算单一致（表单测试）</textarea>", form, StringComparison.Ordinal);
        Assert.Equal("4800 吨", Attribute(Named(form, "VerifiedTonnes"), "value"));
        Assert.Equal(("verify-tonnes invalid", "true"), (Attribute(Named(form, "VerifiedTonnes"), "class"), Attribute(Named(form, "VerifiedTonnes"), "aria-invalid")));
        Assert.Contains($"id=\"verify-tonnes-{report}-error\">核证减排量：“4800 吨”不是数字<", form, StringComparison.Ordinal);
        Assert.Contains("<td>已提交</td>", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ForestryReportWithoutAnOpinion_KeepsTheRestatedAreaAndGrowth()
    {
        var (id, report) = await ReportedAsync("FT0004", forestry: true);
        var page = await PageSession.SignInAsync(server, "verifier");

        var result = await page.PostAsync(new PageForm("verify", "verifier", $"/Offsets/Project?id={id}&handler=Verify", "Opinion",
            [new("Report", Text(report)), new("AreaHectares", "900"), new("GrowthPerHectare", "9.5")]), "");
        var form = VerifyForm(result.Body, report);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("900", Attribute(Named(form, "AreaHectares"), "value"));
        Assert.Equal("9.5", Attribute(Named(form, "GrowthPerHectare"), "value"));
        Assert.Equal(("verify-opinion invalid", "true"), (Attribute(Named(form, "Opinion"), "class"), Attribute(Named(form, "Opinion"), "aria-invalid")));
        Assert.Null(Attribute(Named(form, "AreaHectares"), "aria-invalid"));
    }

    [Fact]
    public async Task Verify_ForestryReportWithARestatedWoodDensity_IsVerifiedAtWhatItComputes_AndShowsItWithItsBasis()
    {
        var (id, report) = await ReportedAsync("FT0014", forestry: true);
        var page = await PageSession.SignInAsync(server, "verifier");
        const string basis = "复测样地 12 块（表单测试）";

        var result = await page.PostAsync(new PageForm("verify", "verifier", $"/Offsets/Project?id={id}&handler=Verify", "WoodDensity",
            [new("Report", Text(report)), new("Opinion", "合理保证（表单测试）"), new("RestatedBasis", basis)]), "0.25");
        using var owner = await server.SignedInAsync("power-a");
        var shown = WebUtility.HtmlDecode(await owner.GetStringAsync($"/Offsets/Project?id={id}", Ct));
        using var verified = await server.SignedInAsync("power-a");
        var json = await verified.GetFromJsonAsync<JsonElement>($"/api/v1/offsets/projects/{id}", Ct);

        // The fir's D 0.307 restated to 0.25: 9 204.762 t net of the 500 t baseline, 9 204 verified (claimed 11 417.447).
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal(9_204, Assert.Single(json.GetProperty("reports").EnumerateArray()).GetProperty("verifiedTonnes").GetInt64());
        Assert.Contains($"<span class=\"measured\" id=\"restated-{report}\">核证调整：D 0.25 · 参数调整依据：{basis}</span>", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ARestatedParameterWithoutItsBasis_IsKeptAsTyped_AndTheBasisMarked()
    {
        var (id, report) = await ReportedAsync("FT0015", forestry: true);
        var page = await PageSession.SignInAsync(server, "verifier");

        var result = await page.PostAsync(new PageForm("verify", "verifier", $"/Offsets/Project?id={id}&handler=Verify", "RestatedBasis",
            [new("Report", Text(report)), new("Opinion", "合理保证（表单测试）"), new("ExpansionFactor", "1.5")]), "");
        var form = VerifyForm(result.Body, report);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("1.5", Attribute(Named(form, "ExpansionFactor"), "value"));
        Assert.Equal(("1.634", "0.307"), (Attribute(Named(form, "ExpansionFactor"), "placeholder"), Attribute(Named(form, "WoodDensity"), "placeholder")));
        Assert.Equal(("verify-basis invalid", "true"), (Attribute(Named(form, "RestatedBasis"), "class"), Attribute(Named(form, "RestatedBasis"), "aria-invalid")));
        Assert.Contains($"id=\"verify-basis-{report}-error\">参数调整依据：", form, StringComparison.Ordinal);
        Assert.Contains("<td>已提交</td>", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_TooLongAnOpinion_ShowsItBackMarked()
    {
        var id = await SubmittedAsync("FT0005");
        var page = await PageSession.SignInAsync(server, "verifier");
        var opinion = new string('审', 4001);

        var result = await page.PostAsync(new PageForm("validate", "verifier", $"/Offsets/Project?id={id}&handler=Validate", "Opinion", []),
            opinion);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(opinion, TextArea(result.Body, "opinion"));
        Assert.True(Marked(result.Body, "opinion"));
        Assert.Equal("", TextArea(result.Body, "comments"));
    }

    [Fact]
    public async Task Register_WithTooLongComments_ShowsThemBackMarked_InTheRegisterFormOnly()
    {
        var id = await SubmittedAsync("FT0007");
        using var verifier = await server.SignedInAsync("verifier");
        await ApiAsync(verifier, $"/api/v1/offsets/projects/{id}/validate", new { opinion = "审定通过（测试）" });
        var page = await PageSession.SignInAsync(server, "regulator");
        var comments = new string('备', 4001);

        var result = await page.PostAsync(new PageForm("register", "regulator", $"/Offsets/Project?id={id}&handler=Register", "Comments", []),
            comments);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(comments, TextArea(result.Body, "register-comments"));
        Assert.True(Marked(result.Body, "register-comments"));
        Assert.Equal("", TextArea(result.Body, "comments"));
    }

    [Fact]
    public async Task Attach_WithoutAFile_KeepsTheChosenKind()
    {
        var id = await SubmittedAsync("FT0006");
        var page = await PageSession.SignInAsync(server, "power-a");

        var result = await page.PostAsync(new PageForm("attach", "power-a", $"/Offsets/Project?id={id}&handler=Attach", "Kind", []), "Evidence");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("Evidence", Selected(result.Body, "document-kind"));
        Assert.Contains("id=\"project-error\"", result.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FT0016", "PDD\n.txt", "U+000A")]
    [InlineData("FT0017", "PDD\u0000.txt", "U+0000")]
    public async Task Attach_AFileNameWithAControlCharacter_IsRefusedNamingTheFileNameAndWhatItMayHold(string code, string fileName, string codePoint)
    {
        var id = await SubmittedAsync(code);
        var page = await PageSession.SignInAsync(server, "power-a");

        var result = await page.UploadAsync($"/Offsets/Project?id={id}&handler=Attach", "Upload", fileName, "设计文件"u8.ToArray(),
            [new("Kind", "ProjectDesign")]);

        // Before, the document was attached under that name and the page went on to the project.
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains($"文件名：只能含可见字符，不能含换行、NUL 等控制字符或不可见的格式字符（第 4 个字符为 {codePoint}）", result.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attach_APlainFileName_IsAttached()
    {
        var id = await SubmittedAsync("FT0018");
        var page = await PageSession.SignInAsync(server, "power-a");

        var result = await page.UploadAsync($"/Offsets/Project?id={id}&handler=Attach", "Upload", "设计 PDD.txt", "设计文件"u8.ToArray(),
            [new("Kind", "ProjectDesign")]);

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
    }

    private static string Text(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static object Project(string code, bool forestry) => forestry
        ? new
        {
            programme = "CCER", code, account = "GD-HOLD-POWER", title = $"韶关森林经营碳汇（{code}）", methodology = "AR-CM-003-V01",
            category = "forestry", province = "GD", city = "韶关市", creditingStart = "2018-01-01", creditingEnd = "2037-12-31",
            expectedPerYear = 5_000, gasSharePercent = 100m, boundary = "24.8,113.2; 24.8,113.3; 24.7,113.3",
        }
        : new
        {
            programme = "CCER", code, account = "GD-HOLD-POWER", title = $"清远风电项目（{code}）", methodology = "CM-001-V02",
            category = "wind", province = "GD", city = "清远市", creditingStart = "2018-01-01", creditingEnd = "2027-12-31",
            expectedPerYear = 40_000, gasSharePercent = 100m, boundary = "",
        };

    private async Task<long> SubmittedAsync(string code)
    {
        using var owner = await server.SignedInAsync("power-a");
        return (await ApiAsync(owner, "/api/v1/offsets/projects", Project(code, forestry: false))).GetProperty("project").GetInt64();
    }

    private async Task<long> RegisteredAsync(string code, bool forestry)
    {
        using var owner = await server.SignedInAsync("power-a");
        using var verifier = await server.SignedInAsync("verifier");
        using var regulator = await server.SignedInAsync("regulator");
        var id = (await ApiAsync(owner, "/api/v1/offsets/projects", Project(code, forestry))).GetProperty("project").GetInt64();
        await ApiAsync(verifier, $"/api/v1/offsets/projects/{id}/validate", new { opinion = "审定通过（测试）" });
        await ApiAsync(regulator, $"/api/v1/offsets/projects/{id}/register", new { comments = "予以备案（测试）" });
        return id;
    }

    private async Task<(long Project, long Report)> ReportedAsync(string code, bool forestry)
    {
        var id = await RegisteredAsync(code, forestry);
        using var owner = await server.SignedInAsync("power-a");
        object report = forestry
            ? new
            {
                periodStart = "2018-01-01", periodEnd = "2018-12-31", species = "chinese-fir", areaHectares = 1000m, growthPerHectare = 10m,
                baselineTonnes = 500m, leakageTonnes = 0m,
            }
            : new { periodStart = "2018-01-01", periodEnd = "2018-12-31", claimed = 40_000m };
        return (id, (await ApiAsync(owner, $"/api/v1/offsets/projects/{id}/reports", report)).GetProperty("report").GetInt64());
    }

    private static async Task<JsonElement> ApiAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {json}");
        return json;
    }

    private static string VerifyForm(string body, long report) =>
        Regex.Match(body, $"<tr id=\"report-{report}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
}
