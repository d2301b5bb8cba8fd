using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Api;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Allocation;

/// <summary>
/// The allocation pages and API on the demo market: the demo plan is a draft; the regulator approves it, pre-allocates,
/// trues up, and a company sees its own allocation with the calculation; the what-if changes nothing.
/// </summary>
public sealed class AllocationPagesTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string Cement = "91441800MA5CY1002B";
    private const string Power = "91440101MA5CY10016";

    private static readonly string[] UnknownFigure = ["benchmark.cement.lime=1"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Year() => new() { ["jurisdiction"] = "guangdong", ["year"] = "2017" };

    // Compliance names the market by its registry code (GD); allocation by the plan's jurisdiction (guangdong). The
    // registry code typed here was answered with an empty list, and its run refused as if the year had no approved plan.
    [Fact]
    public async Task AllocationApi_TheRegistryCodeForThePlansJurisdiction_Is400NamingTheJurisdictionNotTheYear()
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var list = await regulator.GetAsync("/api/v1/allocation/GD/2017", Ct);
        using var run = await regulator.PostAsJsonAsync("/api/v1/allocation/GD/2017/pre-allocation", new { }, Ct);
        var listed = await list.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var refused = await run.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (list.StatusCode, run.StatusCode));
        Assert.True(listed.GetProperty("errors").TryGetProperty("jurisdiction", out _), listed.ToString());
        Assert.Equal(("jurisdiction", "UnknownJurisdiction"), (refused.GetProperty("field").GetString(), refused.GetProperty("rule").GetString()));
        Assert.Contains("没有辖区为“gd”的分配方案：现有方案的辖区为 guangdong", refused.GetProperty("errors").GetProperty("jurisdiction")[0].GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_11_Regulator_ApprovesTheDemoPlanRunsPreAllocationAndTrueUp_CompanySeesItsCalculation()
    {
        using var regulator = await CookieBrowser.SignInAsync(server, "regulator");
        using var cement = await server.SignedInAsync("cement-a");

        var before = await regulator.GetStringAsync("/Allocation");
        using var approve = await regulator.PostFormAsync("/Allocation", "/Allocation?handler=Approve",
            new Dictionary<string, string> { ["plan"] = "guangdong-2017", ["version"] = "1" });
        using var pre = await regulator.PostFormAsync("/Allocation", "/Allocation?handler=Pre", Year());
        var preHtml = await pre.Content.ReadAsStringAsync(Ct);
        using var trueUp = await regulator.PostFormAsync("/Allocation", "/Allocation?handler=TrueUp", Year());
        var trueUpHtml = await trueUp.Content.ReadAsStringAsync(Ct);
        var own = await cement.GetStringAsync("/Allocation/Entity?jurisdiction=guangdong&year=2017", Ct);
        using var other = await cement.GetAsync($"/Allocation/Entity?jurisdiction=guangdong&year=2017&code={Power}", Ct);
        using var xlsx = await cement.GetAsync($"/Allocation/Entity?handler=Xlsx&jurisdiction=guangdong&year=2017&code={Cement}", Ct);
        var api = await cement.GetFromJsonAsync<JsonElement>($"/api/v1/allocation/guangdong/2017/{Cement}", Ct);

        Assert.Contains("data-plan=\"guangdong-2017\"", before, StringComparison.Ordinal);
        Assert.Contains("class=\"approve\"", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Contains("id=\"run-result\"", preHtml, StringComparison.Ordinal);
        // Cement: pre 1 200 307 free; final 1 158 917; true-up −41 390 (docs/allocation.md, worked example).
        Assert.Contains("-41,390", trueUpHtml, StringComparison.Ordinal);
        Assert.Contains("1,158,917", own, StringComparison.Ordinal);
        Assert.Contains("0.8534", own, StringComparison.Ordinal);
        Assert.Contains("[UNCONFIRMED]", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(-41_390, api.GetProperty("trueUp").GetInt64());
        Assert.Equal(1_200_307, api.GetProperty("pre").GetProperty("free").GetInt64());
    }

    [Fact]
    public async Task WhatIf_ClinkerBenchmarkLowered_ShowsTheChangeAndTheCapCheck()
    {
        using var company = await server.SignedInAsync("regulator");

        var html = await company.GetStringAsync("/Allocation/WhatIf?plan=guangdong-2017&year=2017&set=benchmark.cement.clinker%3D0.85", Ct);
        using var bad = await company.PostAsJsonAsync("/api/v1/allocation/what-if",
            new { plan = "guangdong-2017", year = 2017, set = UnknownFigure }, Ct);

        // 1 400 000 t clinker × (0.85 − 0.8534) = −4 760 t; the covered cap 399 000 000 t.
        Assert.Contains("-4,760", html, StringComparison.Ordinal);
        Assert.Contains("id=\"cap-check\"", html, StringComparison.Ordinal);
        Assert.Contains("399,000,000", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"chart-whatif\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("UnknownFigure", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_AsACompany_ListsItsOwnRowOnly_WithItsOwnTotals_SoNoChangedFigureGivesAwayACompetitorsOutput()
    {
        // An entity's allocation follows from its verified output: a competitor sees neither the rows nor, through the
        // market's total under a changed benchmark, the sum of the others' output.
        using var paper = await server.SignedInAsync("paper-a");
        using var verifier = await server.SignedInAsync("verifier");
        using var regulator = await server.SignedInAsync("regulator");
        var body = new { plan = "guangdong-2017", year = 2017, set = new[] { "benchmark.cement.clinker=0.85" } };

        var own = await (await paper.PostAsJsonAsync("/api/v1/allocation/what-if", body, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var none = await (await verifier.PostAsJsonAsync("/api/v1/allocation/what-if", body, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var all = await (await regulator.PostAsJsonAsync("/api/v1/allocation/what-if", body, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var page = await paper.GetStringAsync("/Allocation/WhatIf?plan=guangdong-2017&year=2017&set=benchmark.cement.clinker%3D0.85", Ct);

        var entities = all.GetProperty("rows").GetArrayLength();
        Assert.True(entities >= 5, $"the regulator's what-if lists {entities} entities");
        Assert.Equal(0, all.GetProperty("withheld").GetInt32());
        Assert.Equal(["91440600MA5CY1004T"], own.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("organisation").GetString()));
        Assert.Equal(entities - 1, own.GetProperty("withheld").GetInt32());
        Assert.Equal(0, none.GetProperty("rows").GetArrayLength());
        Assert.Equal(entities, none.GetProperty("withheld").GetInt32());
        var ownRow = own.GetProperty("rows")[0];
        Assert.Equal(ownRow.GetProperty("whatIf").GetInt64(), own.GetProperty("total").GetInt64());
        Assert.Equal(ownRow.GetProperty("plan").GetInt64(), own.GetProperty("planTotal").GetInt64());
        Assert.Equal((0L, 0L), (none.GetProperty("total").GetInt64(), none.GetProperty("planTotal").GetInt64()));
        Assert.NotEqual(all.GetProperty("total").GetInt64(), all.GetProperty("planTotal").GetInt64());
        Assert.DoesNotContain("id=\"cap-check\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("-4,760", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Cement, page, StringComparison.Ordinal);
        Assert.Contains("id=\"whatif-withheld\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_Anonymous_IsPublishedAndPlanPageFlagsPlaceholders()
    {
        using var anonymous = server.CreateClient();
        using var auditor = await server.SignedInAsync("auditor");

        var schema = await anonymous.GetStringAsync("/api/v1/allocation/schema", Ct);
        var plan = await auditor.GetStringAsync("/Allocation/Plan?id=guangdong-2017&version=1", Ct);

        Assert.Contains("\"$schema\"", schema, StringComparison.Ordinal);
        Assert.Contains("id=\"flags-banner\"", plan, StringComparison.Ordinal);
        Assert.Contains("data-path=\"$.sectors[1].products[0].benchmark\"", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"save-plan\"", plan, StringComparison.Ordinal);
    }
}
