using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

/// <summary>
/// Every step of a project over the offsets API (issue 10: "API and CLI for every step"), by the role the programme gives
/// it: the owner files a CCER wind project and attaches its design document, the verifier validates, the regulator
/// registers, the owner files a monitoring report, the verifier verifies, the regulator issues; the credits reach the
/// owner's holding account. A step asked by the wrong role is refused with the rule named.
/// </summary>
public sealed partial class OffsetsApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {json}");
        return json;
    }

    // A project filed by the owner, validated by the verifier and registered by the regulator: its id.
    private static async Task<long> RegisteredAsync(HttpClient owner, HttpClient verifier, HttpClient regulator, object project)
    {
        var id = (await PostAsync(owner, "/api/v1/offsets/projects", project)).GetProperty("project").GetInt64();
        await PostAsync(verifier, $"/api/v1/offsets/projects/{id}/validate", new { opinion = "审定通过（测试）" });
        await PostAsync(regulator, $"/api/v1/offsets/projects/{id}/register", new { comments = "予以备案（测试）" });
        return id;
    }

    [Fact]
    public async Task EveryStep_WindProjectThroughTheApi_IssuesTheVerifiedTonnesIntoTheOwnersAccount()
    {
        using var owner = await server.SignedInAsync("power-a");
        using var verifier = await server.SignedInAsync("verifier");
        using var regulator = await server.SignedInAsync("regulator");
        var design = "湛江二期风电场项目设计文件（测试）"u8.ToArray();

        var filed = await PostAsync(owner, "/api/v1/offsets/projects", new
        {
            programme = "CCER", code = "000909", account = "GD-HOLD-POWER", title = "湛江二期风电场（测试）", methodology = "CM-001-V02",
            category = "wind", province = "GD", city = "湛江市", county = "徐闻县", creditingStart = "2020-01-01", creditingEnd = "2029-12-31",
            expectedPerYear = 15_000, gasSharePercent = 100m,
        });
        var id = filed.GetProperty("project").GetInt64();
        var document = await PostAsync(owner, $"/api/v1/offsets/projects/{id}/documents",
            new { kind = "projectDesign", fileName = "PDD.txt", contentBase64 = Convert.ToBase64String(design) });
        using var registerTooEarly = await regulator.PostAsJsonAsync($"/api/v1/offsets/projects/{id}/register", new { comments = "" }, Ct);
        using var validateByOwner = await owner.PostAsJsonAsync($"/api/v1/offsets/projects/{id}/validate", new { opinion = "self" }, Ct);
        await PostAsync(verifier, $"/api/v1/offsets/projects/{id}/validate", new { opinion = "审定通过（测试）" });
        await PostAsync(regulator, $"/api/v1/offsets/projects/{id}/register", new { comments = "予以备案（测试）" });
        var report = (await PostAsync(owner, $"/api/v1/offsets/projects/{id}/reports",
            new { periodStart = "2020-01-01", periodEnd = "2020-12-31", claimed = 12_345.6m })).GetProperty("report").GetInt64();
        await PostAsync(verifier, $"/api/v1/offsets/reports/{report}/verify", new { opinion = "核证通过（测试）", verifiedTonnes = 12_000m });
        var issued = await PostAsync(regulator, $"/api/v1/offsets/reports/{report}/issue", new { });
        var project = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/offsets/projects/{id}", Ct);
        var holdings = await owner.GetFromJsonAsync<JsonElement>("/api/v1/registry/accounts/GD-HOLD-POWER/holdings", Ct);

        Assert.Equal("CCER-000909", filed.GetProperty("reference").GetString());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(design)), document.GetProperty("sha256").GetString(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Conflict, registerTooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, validateByOwner.StatusCode);
        Assert.Equal("issued", issued.GetProperty("reportStatus").GetString());
        var shown = Assert.Single(project.GetProperty("reports").EnumerateArray());
        // The verifier's 12 000 t, no buffer for a verified-reductions methodology.
        Assert.Equal((12_000L, 0L), (shown.GetProperty("issuedToOwner").GetInt64(), shown.GetProperty("issuedToBuffer").GetInt64()));
        Assert.Equal(["project.registered", "project.submitted", "project.validated"], project.GetProperty("history").EnumerateArray()
            .Select(s => s.GetProperty("step").GetString()!).Where(s => s.StartsWith("project.", StringComparison.Ordinal)).Order().ToArray());
        Assert.Contains(holdings.GetProperty("holdings").EnumerateArray(), h => h.GetProperty("class").GetString() == "CCER-000909-2020"
            && h.GetProperty("quantity").GetInt64() == 12_000);
    }

    [Fact]
    public async Task PublicProject_ShowsEachStepsRole_ButTheSignInNamesOnlyToItsParties()
    {
        // Demo project 1 (CCER-000303) is the steel company's, submitted by steel-a and validated by the verifier.
        using var anonymous = server.CreateClient();
        using var competitor = await server.SignedInAsync("power-a");
        using var owner = await server.SignedInAsync("steel-b");
        using var auditor = await server.SignedInAsync("auditor");

        var seenBy = new Dictionary<string, JsonElement>();
        foreach (var (who, client) in new[] { ("anonymous", anonymous), ("competitor", competitor), ("owner", owner), ("auditor", auditor) })
        {
            seenBy[who] = await client.GetFromJsonAsync<JsonElement>("/api/v1/offsets/projects/1", Ct);
        }
        var page = await anonymous.GetStringAsync("/Offsets/Project?id=1", Ct);

        static string[] Users(JsonElement project) =>
            [.. project.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("user").GetString()!)];
        Assert.Contains("steel-a", Users(seenBy["owner"]));
        Assert.Contains("verifier", Users(seenBy["auditor"]));
        Assert.All(Users(seenBy["anonymous"]), u => Assert.Equal("", u));
        Assert.All(Users(seenBy["competitor"]), u => Assert.Equal("", u));
        Assert.Equal(Users(seenBy["owner"]).Length, Users(seenBy["anonymous"]).Length);
        Assert.All(seenBy["anonymous"].GetProperty("history").EnumerateArray(), h => Assert.False(string.IsNullOrEmpty(h.GetProperty("role").GetString())));
        Assert.DoesNotContain("steel-a", page, StringComparison.Ordinal);
        Assert.Contains("企业代表", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MoreThanTheClaim_Returns409NamingTheFieldAndNothingIsIssued()
    {
        using var owner = await server.SignedInAsync("power-a");
        using var verifier = await server.SignedInAsync("verifier");
        using var regulator = await server.SignedInAsync("regulator");
        var id = await RegisteredAsync(owner, verifier, regulator, new
        {
            programme = "CCER", code = "000917", account = "GD-HOLD-POWER", title = "清远风电项目（测试）", methodology = "CM-001-V02",
            category = "wind", province = "GD", city = "清远市", county = "连山县", creditingStart = "2018-01-01", creditingEnd = "2027-12-31",
            expectedPerYear = 40_000, gasSharePercent = 100m,
        });
        var report = (await PostAsync(owner, $"/api/v1/offsets/projects/{id}/reports",
            new { periodStart = "2018-01-01", periodEnd = "2018-12-31", claimed = 40_000m })).GetProperty("report").GetInt64();

        using var above = await verifier.PostAsJsonAsync($"/api/v1/offsets/reports/{report}/verify",
            new { opinion = "核证通过（测试）", verifiedTonnes = 45_000m }, Ct);
        var problem = await above.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var issue = await regulator.PostAsJsonAsync($"/api/v1/offsets/reports/{report}/issue", new { }, Ct);
        await PostAsync(verifier, $"/api/v1/offsets/reports/{report}/verify", new { opinion = "核证通过（测试）", verifiedTonnes = 40_000m });
        await PostAsync(regulator, $"/api/v1/offsets/reports/{report}/issue", new { });
        var project = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/offsets/projects/{id}", Ct);

        Assert.Equal(HttpStatusCode.Conflict, above.StatusCode);
        Assert.Equal(("verifiedTonnes", "AboveClaim"), (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
        Assert.Equal("核证减排量：不得超过监测报告的申报量", problem.GetProperty("detail").GetString());
        // Still submitted: nothing verified to issue; verified at the claim, the claim is issued.
        Assert.Equal(HttpStatusCode.Conflict, issue.StatusCode);
        Assert.Equal(40_000L, Assert.Single(project.GetProperty("reports").EnumerateArray()).GetProperty("issuedToOwner").GetInt64());
    }

    [Fact]
    public async Task Verify_ForestryReportWithStatedTonnes_IsRefusedAndARestatedAreaIsRecomputed()
    {
        using var owner = await server.SignedInAsync("power-a");
        using var verifier = await server.SignedInAsync("verifier");
        using var regulator = await server.SignedInAsync("regulator");
        var id = await RegisteredAsync(owner, verifier, regulator, new
        {
            programme = "CCER", code = "000931", account = "GD-HOLD-POWER", title = "韶关森林经营碳汇（测试）", methodology = "AR-CM-003-V01",
            category = "forestry", province = "GD", city = "韶关市", county = "乳源县", creditingStart = "2018-01-01", creditingEnd = "2037-12-31",
            expectedPerYear = 5_000, gasSharePercent = 100m, boundary = "24.8,113.2; 24.8,113.3; 24.7,113.3",
        });
        var report = (await PostAsync(owner, $"/api/v1/offsets/projects/{id}/reports", new
        {
            periodStart = "2018-01-01", periodEnd = "2018-12-31", species = "chinese-fir", areaHectares = 1000m, growthPerHectare = 10m,
            baselineTonnes = 500m, leakageTonnes = 0m,
        })).GetProperty("report").GetInt64();

        var page = await verifier.GetStringAsync($"/Offsets/Project?id={id}", Ct);
        using var stated = await verifier.PostAsJsonAsync($"/api/v1/offsets/reports/{report}/verify", new { opinion = "核证通过（测试）", verifiedTonnes = 5m }, Ct);
        var problem = await stated.Content.ReadFromJsonAsync<JsonElement>(Ct);
        await PostAsync(verifier, $"/api/v1/offsets/reports/{report}/verify", new { opinion = "核证通过（测试）", areaHectares = 500m });
        var shown = Assert.Single((await owner.GetFromJsonAsync<JsonElement>($"/api/v1/offsets/projects/{id}", Ct)).GetProperty("reports").EnumerateArray());

        // The verifier's form offers the area and growth to restate, not tonnes to state.
        Assert.Contains("name=\"AreaHectares\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"GrowthPerHectare\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"VerifiedTonnes\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, stated.StatusCode);
        Assert.Equal(("verifiedTonnes", "ForestryComputed"), (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
        // Recomputed on the restated 500 ha (1 000 ha claim 11 417 t): 5 958 t gross − 500 t baseline, not the 5 t stated.
        Assert.InRange(shown.GetProperty("verifiedTonnes").GetInt64(), 5_400, 5_500);
    }

    [Fact]
    public async Task MonitoringReport_FieldsOfTheOtherKindOfMethodology_AreRefusedNamingTheFieldNotIgnored()
    {
        using var owner = await server.SignedInAsync("power-a");
        using var verifier = await server.SignedInAsync("verifier");
        using var regulator = await server.SignedInAsync("regulator");
        var wind = await RegisteredAsync(owner, verifier, regulator, new
        {
            programme = "CCER", code = "000919", account = "GD-HOLD-POWER", title = "阳江风电项目（测试）", methodology = "CM-001-V02",
            category = "wind", province = "GD", city = "阳江市", county = "阳西县", creditingStart = "2018-01-01", creditingEnd = "2027-12-31",
            expectedPerYear = 40_000, gasSharePercent = 100m,
        });
        var forest = await RegisteredAsync(owner, verifier, regulator, new
        {
            programme = "CCER", code = "000933", account = "GD-HOLD-POWER", title = "梅州森林经营碳汇（测试）", methodology = "AR-CM-003-V01",
            category = "forestry", province = "GD", city = "梅州市", county = "平远县", creditingStart = "2018-01-01", creditingEnd = "2037-12-31",
            expectedPerYear = 5_000, gasSharePercent = 100m, boundary = "24.8,115.2; 24.8,115.3; 24.7,115.3",
        });

        using var windWithArea = await owner.PostAsJsonAsync($"/api/v1/offsets/projects/{wind}/reports",
            new { periodStart = "2018-01-01", periodEnd = "2018-12-31", claimed = 40_000m, areaHectares = 1000m }, Ct);
        using var forestWithClaim = await owner.PostAsJsonAsync($"/api/v1/offsets/projects/{forest}/reports", new
        {
            periodStart = "2018-01-01", periodEnd = "2018-12-31", claimed = 90_000m, species = "chinese-fir", areaHectares = 1000m, growthPerHectare = 10m,
        }, Ct);
        using var thousandfold = await owner.PostAsJsonAsync($"/api/v1/offsets/projects/{forest}/reports", new
        {
            periodStart = "2018-01-01", periodEnd = "2018-12-31", species = "chinese-fir", areaHectares = 1000m, growthPerHectare = 10m,
            expansionFactor = 1000m, evidence = "样地调查 2018-11",
        }, Ct);
        var report = (await PostAsync(owner, $"/api/v1/offsets/projects/{wind}/reports",
            new { periodStart = "2018-01-01", periodEnd = "2018-12-31", claimed = 40_000m })).GetProperty("report").GetInt64();
        using var windRestated = await verifier.PostAsJsonAsync($"/api/v1/offsets/reports/{report}/verify",
            new { opinion = "核证通过（测试）", verifiedTonnes = 40_000m, growthPerHectare = 12m }, Ct);
        var projects = await Task.WhenAll(new[] { wind, forest }.Select(id => owner.GetFromJsonAsync<JsonElement>($"/api/v1/offsets/projects/{id}", Ct)));

        // Before, each was accepted with the field dropped: the owner or verifier believed it counted.
        Assert.Equal(("areaHectares", "NotForestryMethodology"), await FieldAndRuleAsync(windWithArea, HttpStatusCode.BadRequest));
        Assert.Equal(("claimed", "ClaimComputed"), await FieldAndRuleAsync(forestWithClaim, HttpStatusCode.BadRequest));
        var bef = await thousandfold.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, thousandfold.StatusCode);
        Assert.Equal(("expansionFactor", "Forestry"), (bef.GetProperty("field").GetString(), bef.GetProperty("rule").GetString()));
        Assert.EndsWith("生物量扩展因子须在 1 至 4 之间", bef.GetProperty("errors").GetProperty("expansionFactor")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(("growthPerHectare", "NotForestry"), await FieldAndRuleAsync(windRestated, HttpStatusCode.BadRequest));
        Assert.Equal("submitted", Assert.Single(projects[0].GetProperty("reports").EnumerateArray()).GetProperty("status").GetString());
        Assert.Empty(projects[1].GetProperty("reports").EnumerateArray());
    }

    private static async Task<(string?, string?)> FieldAndRuleAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {problem}");
        return (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString());
    }

    [Theory]
    [InlineData("2024-02-30", "NoSuchDate", "计入期开始")]
    [InlineData("2024/02/28", "Date", "日期格式为 yyyy-MM-dd")]
    public async Task SubmitProject_ADateThatIsNotADay_SaysSoRatherThanBlamingTheFormat(string start, string rule, string shown)
    {
        using var owner = await server.SignedInAsync("power-a");

        using var response = await owner.PostAsJsonAsync("/api/v1/offsets/projects", new
        {
            programme = "CCER", account = "GD-HOLD-POWER", title = "日期（测试）", methodology = "CM-001-V02", category = "wind", province = "GD",
            city = "湛江市", creditingStart = start, creditingEnd = "2029-12-31", expectedPerYear = 1_000, gasSharePercent = 100m,
        }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var error = problem.GetProperty("rules").EnumerateArray().Single(e => e.GetProperty("field").GetString() == "creditingStart");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(rule, error.GetProperty("rule").GetString());
        Assert.Contains(shown, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitProject_LocationBoundaryAndTitleOffTheirRules_NamesTheHalfAtFaultAndStatesEachRuleInChinese()
    {
        using var owner = await server.SignedInAsync("paper-a");
        object Project(decimal latitude, decimal longitude, string boundary, string title) => new
        {
            programme = "FFCER", account = "GD-HOLD-PAPER", title, methodology = "AR-CM-001-V01", category = "forestry", province = "FJ",
            city = "南平市", latitude, longitude, boundary, creditingStart = "2020-01-01", creditingEnd = "2039-12-31", expectedPerYear = 10_000,
            gasSharePercent = 100m,
        };

        using var longitude = await owner.PostAsJsonAsync("/api/v1/offsets/projects",
            Project(26.55m, 117.1234567m, "26.5,117.1; 26.6,117.2; 26.5,117.3", "坐标（测试）"), Ct);
        using var twoPoints = await owner.PostAsJsonAsync("/api/v1/offsets/projects",
            Project(26.55m, 117.2m, "26.5,117.1; 26.6,117.2", new string('林', 201)), Ct);
        var located = await longitude.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var bounded = await twoPoints.Content.ReadFromJsonAsync<JsonElement>(Ct);

        // Before, a longitude of 7 decimals was blamed on the latitude as 坐标超出范围, a boundary of two points was told only
        // the format, and a title of 201 characters 长度不符合要求 with no limit.
        Assert.Equal((HttpStatusCode.BadRequest, "longitude", "Coordinates"),
            (longitude.StatusCode, located.GetProperty("field").GetString(), located.GetProperty("rule").GetString()));
        Assert.Equal("经度：纬度须在 -90 至 90 之间，经度须在 -180 至 180 之间，且至多 6 位小数",
            located.GetProperty("errors").GetProperty("longitude")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, twoPoints.StatusCode);
        Assert.Contains("项目边界为 3 至 2000 个点", bounded.GetProperty("errors").GetProperty("boundary")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("项目名称：长度须为 1–200 个字符。", bounded.GetProperty("errors").GetProperty("title")[0].GetString());
    }

    [Fact]
    public async Task MonitoringReport_BaselineFinerThanAKilogram_IsRefusedAndNothingIsFiled()
    {
        using var owner = await server.SignedInAsync("paper-a");
        long forest;
        using (var verifier = await server.SignedInAsync("verifier"))
        using (var regulator = await server.SignedInAsync("regulator"))
        {
            forest = await RegisteredAsync(owner, verifier, regulator, new
            {
                programme = "FFCER", account = "GD-HOLD-PAPER", title = "顺昌碳汇二期（测试）", methodology = "AR-CM-001-V01", category = "forestry",
                province = "FJ", city = "南平市", creditingStart = "2020-01-01", creditingEnd = "2039-12-31", expectedPerYear = 5_000,
                gasSharePercent = 100m, boundary = "26.5,117.1; 26.6,117.2; 26.5,117.3",
            });
        }

        using var refused = await owner.PostAsJsonAsync($"/api/v1/offsets/projects/{forest}/reports", new
        {
            periodStart = "2021-01-01", periodEnd = "2021-12-31", species = "chinese-fir", areaHectares = 100m, growthPerHectare = 10m,
            baselineTonnes = 0.0001m, leakageTonnes = 1.2345m,
        }, Ct);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var project = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/offsets/projects/{forest}", Ct);

        // Before, the report was filed with 0.0001 t of baseline and 1.2345 t of leakage kept as typed.
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("基线（tCO2e）：最多保留 3 位小数", problem.GetProperty("errors").GetProperty("baselineTonnes")[0].GetString());
        Assert.Equal("Precision", problem.GetProperty("rules").EnumerateArray()
            .Single(r => r.GetProperty("field").GetString() == "leakageTonnes").GetProperty("rule").GetString());
        Assert.Empty(project.GetProperty("reports").EnumerateArray());
    }

    [Fact]
    public async Task Refile_AReturnedProjectUnderAnotherProgramme_IsRefusedNamingTheProgrammeAndTheProjectStaysReturned()
    {
        using var owner = await server.SignedInAsync("paper-a");
        object Project(string programme, string methodology, string province, long? project = null) => new
        {
            programme, project, account = "GD-HOLD-PAPER", title = "将乐退回项目（测试）", methodology, category = "forestry", province, city = "三明市",
            creditingStart = "2020-01-01", creditingEnd = "2039-12-31", expectedPerYear = 8_000, gasSharePercent = 100m,
            boundary = "26.7,117.4; 26.8,117.5; 26.7,117.6",
        };
        var id = (await PostAsync(owner, "/api/v1/offsets/projects", Project("FFCER", "AR-CM-001-V01", "FJ"))).GetProperty("project").GetInt64();
        using (var verifier = await server.SignedInAsync("verifier"))
        {
            await PostAsync(verifier, $"/api/v1/offsets/projects/{id}/return", new { comments = "边界需闭合（测试）" });
        }

        using var switched = await owner.PostAsJsonAsync("/api/v1/offsets/projects", Project("PHCER", "GD-PH-FM-V01", "GD", id), Ct);
        var problem = await switched.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var held = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/offsets/projects/{id}", Ct);

        // Before, 项目当前状态下不能办理此操作 (ProjectStatus), though the project was returned and waiting for its owner.
        Assert.Equal((HttpStatusCode.Conflict, "programme", "RefiledProgramme"),
            (switched.StatusCode, problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
        Assert.Equal("机制：退回的项目须按原机制重新申报；改用其他机制请申报新项目", problem.GetProperty("detail").GetString());
        Assert.Equal(("returned", "FFCER"), (held.GetProperty("status").GetString(), held.GetProperty("programme").GetString()));
    }

    [Fact]
    public async Task AttachDocument_AnEmptyFile_IsNamedAsTheRequestsContentBase64WithItsChineseLabel()
    {
        using var owner = await server.SignedInAsync("power-a");
        var id = (await PostAsync(owner, "/api/v1/offsets/projects", new
        {
            programme = "CCER", code = "000912", account = "GD-HOLD-POWER", title = "湛江四期风电场（测试）", methodology = "CM-001-V02",
            category = "wind", province = "GD", city = "湛江市", creditingStart = "2020-01-01", creditingEnd = "2029-12-31",
            expectedPerYear = 15_000, gasSharePercent = 100m,
        })).GetProperty("project").GetInt64();

        using var response = await owner.PostAsJsonAsync($"/api/v1/offsets/projects/{id}/documents",
            new { kind = "projectDesign", fileName = "PDD.txt", contentBase64 = "" }, Ct);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal((HttpStatusCode.BadRequest, "contentBase64", "Required"),
            (response.StatusCode, problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
        Assert.StartsWith("文件内容（Base64）：", problem.GetProperty("errors").GetProperty("contentBase64")[0].GetString(), StringComparison.Ordinal);
    }
}
