using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OpenEts.Server.Tests.Api;

/// <summary>
/// A step asked of a project or monitoring report in the wrong state names the state it is in and the state(s) the step
/// needs, in the page's words (已申报, 已审定) in Chinese and by code in English; a document's file name is visible characters only.
/// </summary>
public sealed partial class OffsetsApiTests
{
    private static object WindProject(string code) => new
    {
        programme = "CCER", code, account = "GD-HOLD-POWER", title = $"湛江风电场（{code}）", methodology = "CM-001-V02",
        category = "wind", province = "GD", city = "湛江市", creditingStart = "2020-01-01", creditingEnd = "2029-12-31",
        expectedPerYear = 15_000, gasSharePercent = 100m,
    };

    private static async Task<(HttpStatusCode Status, string? Rule, string? Detail)> RefusedAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (response.StatusCode, problem.GetProperty("rule").GetString(), problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Register_ASubmittedProject_NamesItsStateAndTheStateRegistrationNeeds()
    {
        using var owner = await server.SignedInAsync("power-a");
        using var regulator = await server.SignedInAsync("regulator");
        using var english = await server.SignedInAsync("regulator");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var id = (await PostAsync(owner, "/api/v1/offsets/projects", WindProject("000941"))).GetProperty("project").GetInt64();

        var chinese = await RefusedAsync(regulator, $"/api/v1/offsets/projects/{id}/register", new { comments = "" });
        var inEnglish = await RefusedAsync(english, $"/api/v1/offsets/projects/{id}/register", new { comments = "" });

        // Before, only 项目当前状态下不能办理此操作, naming neither state.
        Assert.Equal((HttpStatusCode.Conflict, "ProjectStatus", "项目：项目 CCER-000941 当前状态为“已申报”，此操作须在“已审定”状态下办理"), chinese);
        Assert.Equal((HttpStatusCode.Conflict, "ProjectStatus", "project CCER-000941 is submitted: it cannot be registered now, only when validated"),
            inEnglish);
    }

    private async Task<long> RegisteredWindAsync(string code)
    {
        using var owner = await server.SignedInAsync("power-a");
        using var verifier = await server.SignedInAsync("verifier");
        using var regulator = await server.SignedInAsync("regulator");
        return await RegisteredAsync(owner, verifier, regulator, WindProject(code));
    }

    [Fact]
    public async Task Return_ARegisteredProject_NamesBothStatesAReturnNeeds()
    {
        var id = await RegisteredWindAsync("000942");
        using var regulator = await server.SignedInAsync("regulator");

        var refused = await RefusedAsync(regulator, $"/api/v1/offsets/projects/{id}/return", new { comments = "退回（测试）" });

        Assert.Equal((HttpStatusCode.Conflict, "ProjectStatus", "项目：项目 CCER-000942 当前状态为“已备案”，此操作须在“已申报”或“已审定”状态下办理"),
            refused);
    }

    [Fact]
    public async Task Issue_ASubmittedMonitoringReport_NamesItsStateAndTheStateIssuanceNeeds()
    {
        var id = await RegisteredWindAsync("000943");
        using var owner = await server.SignedInAsync("power-a");
        using var regulator = await server.SignedInAsync("regulator");
        var report = (await PostAsync(owner, $"/api/v1/offsets/projects/{id}/reports",
            new { periodStart = "2020-01-01", periodEnd = "2020-12-31", claimed = 1_000m })).GetProperty("report").GetInt64();

        var refused = await RefusedAsync(regulator, $"/api/v1/offsets/reports/{report}/issue", new { });

        // Before, only 监测报告当前状态下不能办理此操作.
        Assert.Equal((HttpStatusCode.Conflict, "MonitoringStatus", $"报告：监测报告 {report} 当前状态为“已提交”，此操作须在“已核证”状态下办理"),
            refused);
    }

    [Theory]
    [InlineData("000951", "PDD\n.txt", "U+000A", 4)]
    [InlineData("000952", "PDD\u0000.txt", "U+0000", 4)]
    [InlineData("000953", "PDD.txt\n", "U+000A", 8)]
    public async Task AttachDocument_AFileNameWithAControlCharacter_IsRefusedAtFileNameSayingWhatIsAllowed(string code, string fileName,
        string codePoint, int position)
    {
        using var owner = await server.SignedInAsync("power-a");
        var id = (await PostAsync(owner, "/api/v1/offsets/projects", WindProject(code))).GetProperty("project").GetInt64();

        using var response = await owner.PostAsJsonAsync($"/api/v1/offsets/projects/{id}/documents",
            new { kind = "projectDesign", fileName, contentBase64 = Convert.ToBase64String("设计文件"u8.ToArray()) }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var project = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/offsets/projects/{id}", Ct);

        Assert.Equal((HttpStatusCode.BadRequest, "fileName", "ForbiddenCharacter"),
            (response.StatusCode, problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
        Assert.Equal($"文件名：只能含可见字符，不能含换行、NUL 等控制字符或不可见的格式字符（第 {position} 个字符为 {codePoint}）",
            problem.GetProperty("errors").GetProperty("fileName")[0].GetString());
        Assert.Empty(project.GetProperty("documents").EnumerateArray());
    }

    [Fact]
    public async Task AttachDocument_APathLikeName_KeepsItsLastPart()
    {
        using var owner = await server.SignedInAsync("power-a");
        var id = (await PostAsync(owner, "/api/v1/offsets/projects", WindProject("000959"))).GetProperty("project").GetInt64();

        await PostAsync(owner, $"/api/v1/offsets/projects/{id}/documents",
            new { kind = "projectDesign", fileName = "docs/设计/PDD.txt", contentBase64 = Convert.ToBase64String("设计文件"u8.ToArray()) });
        var project = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/offsets/projects/{id}", Ct);

        Assert.Equal("PDD.txt", Assert.Single(project.GetProperty("documents").EnumerateArray()).GetProperty("fileName").GetString());
    }
}
