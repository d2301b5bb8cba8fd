using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Mrv;

/// <summary>The MRV API on the demo market: a report from draft to approval, who may see and do what, the live calculation.</summary>
public sealed class MrvApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static readonly string Verifier = "91440101MA5CY0001" + CreditCode.CheckCharacter("91440101MA5CY0001");
    private static readonly string Paper = "91440600MA5CY1004" + CreditCode.CheckCharacter("91440600MA5CY1004");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Draft(int year, decimal coal) => new
    {
        year,
        lines = new object[]
        {
            new { id = "L1", kind = "fuelCombustion", material = "raw-coal", amount = coal, unit = "tonne" },
            new { id = "L2", kind = "fuelCombustion", material = "diesel", amount = 10m, unit = "tonne" },
        },
        outputs = new object[] { new { kind = "paper", amount = 2000m, unit = "t", detail = "coated" } },
    };

    // A report of paper-b's for the year (1 000 t of coal, 10 t of diesel), submitted and assigned to the demo verifier.
    private async Task<long> AssignedAsync(HttpClient paper, int year)
    {
        using var regulator = await server.SignedInAsync("regulator");
        var saved = await OkJsonAsync(await paper.PostAsJsonAsync("/api/v1/mrv/reports", Draft(year, 1000m), Ct));
        var id = saved.GetProperty("report").GetInt64();
        await OkJsonAsync(await paper.PostAsync($"/api/v1/mrv/reports/{id}/submit", null, Ct));
        await OkJsonAsync(await regulator.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/assign",
            new { verifier = Verifier, conflictOfInterest = "none" }, Ct));
        return id;
    }

    // A report's line id used twice was named with the registry's label for `id` (转移申请编号, a transfer proposal's number).
    [Fact]
    public async Task Submit_TwoLinesWithOneId_NamesTheLinesIdInChinese_NotATransferProposal()
    {
        using var paper = await server.SignedInAsync("paper-b");
        var saved = await OkJsonAsync(await paper.PostAsJsonAsync("/api/v1/mrv/reports", new
        {
            year = 2039,
            lines = new[]
            {
                new { id = "L1", kind = "fuel-combustion", material = "raw-coal", amount = 1000m, unit = "t" },
                new { id = "L1", kind = "fuel-combustion", material = "raw-coal", amount = 10m, unit = "t" },
            },
        }, Ct));

        using var submitted = await paper.PostAsync($"/api/v1/mrv/reports/{saved.GetProperty("report").GetInt64()}/submit", null, Ct);
        var body = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync(Ct)).RootElement;
        var messages = body.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString()!).ToList();

        Assert.Contains(messages, m => m.Contains("行编号：", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("转移申请编号", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task Approved_SignedOut_TheDisclosurePagesDownloadAnswersItsFigures()
    {
        using var anonymous = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await anonymous.GetStringAsync("/Disclosure", Ct);
        var link = System.Text.RegularExpressions.Regex.Match(page, "<a href=\"(/api/v1/mrv/approved[^\"]*)\"").Groups[1].Value;
        using var download = await anonymous.GetAsync(link, Ct);
        var totals = await OkJsonAsync(download);

        // Every company the page lists (its code in the table) is in the download with its approved figure.
        var shown = System.Text.RegularExpressions.Regex.Matches(page, "<td><code>([0-9A-Z]{18})</code></td>").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, code => Assert.Contains(totals.EnumerateArray(), t => t.GetProperty("organisation").GetString() == code));
        Assert.All(totals.EnumerateArray(), t => Assert.True(t.GetProperty("approvedTonnes").GetDecimal() > 0));
    }

    [Fact]
    public async Task Report_FromDraftToApproval_ApprovesTheVerifiedTotalAndListsItAmongApprovedTotals()
    {
        using var paper = await server.SignedInAsync("paper-a");
        using var regulator = await server.SignedInAsync("regulator");
        using var verifier = await server.SignedInAsync("verifier");

        var saved = await OkJsonAsync(await paper.PostAsJsonAsync("/api/v1/mrv/reports", Draft(2019, 1000m), Ct));
        var id = saved.GetProperty("report").GetInt64();
        var submitted = await OkJsonAsync(await paper.PostAsync($"/api/v1/mrv/reports/{id}/submit", null, Ct));
        using var unassigned = await verifier.GetAsync($"/api/v1/mrv/reports/{id}", Ct);
        await OkJsonAsync(await regulator.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/assign",
            new { verifier = Verifier, conflictOfInterest = "none" }, Ct));
        var queue = await OkJsonAsync(await verifier.GetAsync("/api/v1/mrv/queue", Ct));
        await OkJsonAsync(await verifier.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/verification", new
        {
            conclusion = "材料齐全，数据准确",
            adjustments = new[] { new { lineId = "L1", amount = 900m, reason = "地磅记录", evidence = "WB-2019-12" } },
        }, Ct));
        var approved = await OkJsonAsync(await regulator.PostAsync($"/api/v1/mrv/reports/{id}/approve", null, Ct));
        var totals = await OkJsonAsync(await regulator.GetAsync("/api/v1/mrv/approved?year=2019", Ct));
        var detail = await OkJsonAsync(await paper.GetAsync($"/api/v1/mrv/reports/{id}", Ct));

        // By hand: raw coal 20.908 × 0.02637 × 0.94 × 44/12 = 1.9002988488 t/t; diesel 42.652 × 0.0202 × 0.98 × 44/12
        // = 3.0958765… t/t. Reported 1000 t coal + 10 t diesel = 1900.2988488 + 30.95876… = 1931.258 t; verified with
        // 900 t coal: 1710.26896392 + 30.95876… = 1741.228 t.
        Assert.Equal(1931.258m, submitted.GetProperty("reportedTonnes").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, unassigned.StatusCode);
        Assert.Contains(queue.EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal(1741.228m, approved.GetProperty("approvedTonnes").GetDecimal());
        var row = Assert.Single(totals.EnumerateArray(), r => r.GetProperty("organisation").GetString() == Paper);
        Assert.Equal(1741.228m, row.GetProperty("approvedTonnes").GetDecimal());
        Assert.Equal("paper", row.GetProperty("sector").GetString());
        Assert.Equal(900m, detail.GetProperty("verification").GetProperty("adjustments")[0].GetProperty("amount").GetDecimal());
        Assert.Equal("地磅记录", detail.GetProperty("verification").GetProperty("adjustments")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Verification_WithAnImplausibleIntensity_NeedsANoteOnTheWarning()
    {
        using var paper = await server.SignedInAsync("paper-a");
        using var regulator = await server.SignedInAsync("regulator");
        using var verifier = await server.SignedInAsync("verifier");
        // 1931 t for 200 000 t of paper is 0.0097 tCO2/t, below the paper sector's plausible 0.20–2.50.
        var saved = await OkJsonAsync(await paper.PostAsJsonAsync("/api/v1/mrv/reports", new
        {
            year = 2024,
            lines = new[] { new { id = "L1", kind = "fuel-combustion", material = "raw-coal", amount = 1000m, unit = "t" } },
            outputs = new[] { new { kind = "paper", amount = 200000m, unit = "t" } },
        }, Ct));
        var id = saved.GetProperty("report").GetInt64();
        await OkJsonAsync(await paper.PostAsync($"/api/v1/mrv/reports/{id}/submit", null, Ct));
        await OkJsonAsync(await regulator.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/assign",
            new { verifier = Verifier, conflictOfInterest = "none" }, Ct));
        var detail = await OkJsonAsync(await verifier.GetAsync($"/api/v1/mrv/reports/{id}", Ct));
        var warning = Assert.Single(detail.GetProperty("calculation").GetProperty("issues").EnumerateArray(),
            i => i.GetProperty("severity").GetString() == "warning");

        using var without = await verifier.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/verification", new { conclusion = "ok" }, Ct);
        var problem = await without.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var with = await OkJsonAsync(await verifier.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/verification", new
        {
            conclusion = "ok",
            acknowledgements = new[] { new { warning = warning.GetProperty("key").GetString(), note = "产量含外购半成品，强度偏低属实" } },
        }, Ct));

        Assert.Equal("IntensityOutOfRange:-", warning.GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal("WarningNotAcknowledged", problem.GetProperty("rule").GetString());
        // The warning is named in Chinese too (before: 每条警告都须填写核查说明, not which).
        Assert.EndsWith("警告 IntensityOutOfRange:- 须填写核查说明", problem.GetProperty("errors").GetProperty("acknowledgements")[0].GetString(),
            StringComparison.Ordinal);
        Assert.Equal("verified", with.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Report_OfAnotherCompany_IsNotFoundAndCannotBeSubmitted()
    {
        using var paper = await server.SignedInAsync("paper-a");
        using var steel = await server.SignedInAsync("steel-a");
        var saved = await OkJsonAsync(await paper.PostAsJsonAsync("/api/v1/mrv/reports", Draft(2020, 5m), Ct));
        var id = saved.GetProperty("report").GetInt64();

        using var read = await steel.GetAsync($"/api/v1/mrv/reports/{id}", Ct);
        using var submit = await steel.PostAsync($"/api/v1/mrv/reports/{id}/submit", null, Ct);
        var list = await OkJsonAsync(await steel.GetAsync("/api/v1/mrv/reports", Ct));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, submit.StatusCode);
        Assert.DoesNotContain(list.EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task Assign_DeclaredConflictOrTheCompanyItself_IsRefusedWithConflictOfInterest()
    {
        using var paper = await server.SignedInAsync("paper-a");
        using var regulator = await server.SignedInAsync("regulator");
        var saved = await OkJsonAsync(await paper.PostAsJsonAsync("/api/v1/mrv/reports", Draft(2021, 5m), Ct));
        var id = saved.GetProperty("report").GetInt64();
        await OkJsonAsync(await paper.PostAsync($"/api/v1/mrv/reports/{id}/submit", null, Ct));

        using var declared = await regulator.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/assign",
            new { verifier = Verifier, conflictOfInterest = "conflicted" }, Ct);
        using var itself = await regulator.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/assign",
            new { verifier = Paper, conflictOfInterest = "none" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, declared.StatusCode);
        Assert.Equal("ConflictOfInterest", (await declared.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.Conflict, itself.StatusCode);
        Assert.Equal("ConflictOfInterest", (await itself.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Submit_WithAnUnknownFuel_Is400NamingTheLineAndRule()
    {
        using var paper = await server.SignedInAsync("paper-b");
        var saved = await OkJsonAsync(await paper.PostAsJsonAsync("/api/v1/mrv/reports", new
        {
            year = 2022,
            lines = new[] { new { id = "L7", kind = "fuelCombustion", material = "peat", amount = 3m, unit = "tonne" } },
        }, Ct));

        using var submit = await paper.PostAsync($"/api/v1/mrv/reports/{saved.GetProperty("report").GetInt64()}/submit", null, Ct);
        var problem = await submit.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.Equal("lines[L7].material", problem.GetProperty("field").GetString());
        Assert.Equal("UnknownMaterial", problem.GetProperty("rule").GetString());
    }

    [Theory]
    [InlineData("aproved")]
    [InlineData("4")]
    public async Task Reports_FilteredByAStatusThatIsNoStatus_Is400NamingTheStatusesThereAre(string status)
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var refused = await regulator.GetAsync($"/api/v1/mrv/reports?status={status}", Ct);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var approved = await OkJsonAsync(await regulator.GetAsync("/api/v1/mrv/reports?status=APPROVED", Ct));

        // Before, a misspelt status listed every report as if no filter were given, and a number was taken as a status.
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("status", problem.GetProperty("field").GetString());
        Assert.Equal("UnknownValue", problem.GetProperty("rule").GetString());
        Assert.Equal($"状态：“{status}”不是可选的值之一，可选：draft, submitted, assigned, verified, approved, returned。",
            problem.GetProperty("errors").GetProperty("status")[0].GetString());
        Assert.NotEqual(0, approved.GetArrayLength());
        Assert.All(approved.EnumerateArray(), r => Assert.Equal("approved", r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Calc_NaturalGasIn10kNm3_ReturnsTheLineAndTheDerivationStoringNothing()
    {
        using var cement = await server.SignedInAsync("cement-a");

        var calc = await OkJsonAsync(await cement.PostAsJsonAsync("/api/v1/mrv/calc", new
        {
            year = 2023,
            lines = new[] { new { id = "G", kind = "fuelCombustion", material = "natural-gas", amount = 50m, unit = "tenThousandNm3" } },
        }, Ct));
        var list = await OkJsonAsync(await cement.GetAsync("/api/v1/mrv/reports?year=2023", Ct));

        // By hand: 50 × 389.31 GJ/10⁴Nm³ × 0.0153 tC/GJ × 0.99 × 44/12 = 1081.0944045 t.
        Assert.Equal(1081.094m, calc.GetProperty("totalTonnes").GetDecimal());
        Assert.Equal("E = AD × EF", calc.GetProperty("lines")[0].GetProperty("derivation").GetProperty("detail").GetString());
        Assert.Equal(0, list.GetArrayLength());
    }

    private static async Task<long> VerifiedReportAsync(HttpClient company, HttpClient regulator, HttpClient verifier, int year)
    {
        var saved = await OkJsonAsync(await company.PostAsJsonAsync("/api/v1/mrv/reports", Draft(year, 1000m), Ct));
        var id = saved.GetProperty("report").GetInt64();
        await OkJsonAsync(await company.PostAsync($"/api/v1/mrv/reports/{id}/submit", null, Ct));
        await OkJsonAsync(await regulator.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/assign",
            new { verifier = Verifier, conflictOfInterest = "none" }, Ct));
        await OkJsonAsync(await verifier.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/verification", new
        {
            conclusion = "属实",
            adjustments = new[] { new { lineId = "L1", amount = 900m, reason = "地磅记录", evidence = "WB-12" } },
        }, Ct));
        return id;
    }

    [Fact]
    public async Task Issue_9_ReturnToVerifier_AVerifiedReport_IsBackInTheVerifiersQueueWithTheCommentsAndJournalled()
    {
        using var paper = await server.SignedInAsync("paper-b");
        using var regulator = await server.SignedInAsync("regulator");
        using var verifier = await server.SignedInAsync("verifier");
        var id = await VerifiedReportAsync(paper, regulator, verifier, 2031);

        using var byCompany = await paper.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/return-to-verifier", new { comments = "自己退回" }, Ct);
        var returned = await OkJsonAsync(await regulator.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/return-to-verifier",
            new { comments = "请核对燃煤地磅记录与结算单" }, Ct));
        var queue = await OkJsonAsync(await verifier.GetAsync("/api/v1/mrv/queue", Ct));
        var detail = await OkJsonAsync(await verifier.GetAsync($"/api/v1/mrv/reports/{id}", Ct));
        var journal = await OkJsonAsync(await regulator.GetAsync("/api/v1/audit?kind=mrv.report.returned-to-verifier", Ct));
        var again = await OkJsonAsync(await verifier.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/verification", new
        {
            conclusion = "复核后属实",
            adjustments = new[] { new { lineId = "L1", amount = 950m, reason = "结算单", evidence = "INV-7" } },
        }, Ct));

        Assert.Equal(HttpStatusCode.Forbidden, byCompany.StatusCode);
        Assert.Equal("assigned", returned.GetProperty("status").GetString());
        Assert.Contains(queue.EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
        Assert.Equal("请核对燃煤地磅记录与结算单", detail.GetProperty("returnComment").GetString());
        Assert.Equal("regulator", detail.GetProperty("returnedBy").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("verification").ValueKind);
        Assert.Contains(journal.GetProperty("entries").EnumerateArray(), e => e.GetProperty("payload").GetString()!.Contains("请核对燃煤地磅记录与结算单",
            StringComparison.Ordinal));
        // By hand (as above): 950 t coal × 1.9002988488 + 30.959 t diesel = 1805.284 + 30.959 = 1836.243 t.
        Assert.Equal("verified", again.GetProperty("status").GetString());
        Assert.Equal(1836.243m, again.GetProperty("verifiedTonnes").GetDecimal());
    }

    // The journal's approval named the outputs as reported (2 000 t of paper) while the approved outputs, which allocation's
    // true-up reads, were the verifier's (1 900 t).
    [Fact]
    public async Task Approve_AfterTheVerifierAdjustedAnOutput_JournalsTheVerifiedOutputs()
    {
        using var paper = await server.SignedInAsync("paper-b");
        using var regulator = await server.SignedInAsync("regulator");
        using var verifier = await server.SignedInAsync("verifier");
        var id = await AssignedAsync(paper, 2041);
        await OkJsonAsync(await verifier.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/verification", new
        {
            conclusion = "属实",
            outputAdjustments = new[] { new { index = 0, amount = 1900m, reason = "按生产月报", evidence = "月报-2041" } },
        }, Ct));

        await OkJsonAsync(await regulator.PostAsync($"/api/v1/mrv/reports/{id}/approve", null, Ct));
        var journal = await OkJsonAsync(await regulator.GetAsync("/api/v1/audit?kind=mrv.report.approved", Ct));

        var payload = journal.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("payload").GetString()!)
            .Single(p => p.Contains($"\"report\":{id},", StringComparison.Ordinal));
        Assert.Contains("\"amount\":1900", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("\"amount\":2000", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_9_ReturnToVerifier_AReportNotYetVerified_IsRefused()
    {
        using var paper = await server.SignedInAsync("paper-b");
        using var regulator = await server.SignedInAsync("regulator");
        var saved = await OkJsonAsync(await paper.PostAsJsonAsync("/api/v1/mrv/reports", Draft(2033, 5m), Ct));
        var id = saved.GetProperty("report").GetInt64();
        await OkJsonAsync(await paper.PostAsync($"/api/v1/mrv/reports/{id}/submit", null, Ct));

        using var early = await regulator.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/return-to-verifier", new { comments = "太早" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("ReportStatus", (await early.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Issue_9_Verification_AdjustingAMeasuredNcv_RecomputesAndTheDerivationNamesTheVerifier()
    {
        using var paper = await server.SignedInAsync("paper-b");
        using var verifier = await server.SignedInAsync("verifier");
        var id = await AssignedAsync(paper, 2035);

        using var withoutReason = await verifier.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/verification", new
        {
            conclusion = "属实",
            parameterAdjustments = new[] { new { lineId = "L1", parameter = "netCalorificValue", value = 20.0m, reason = "", evidence = "LAB-7" } },
        }, Ct);
        var verified = await OkJsonAsync(await verifier.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/verification", new
        {
            conclusion = "属实",
            parameterAdjustments = new[]
            {
                new { lineId = "L1", parameter = "netCalorificValue", value = 20.0m, reason = "按入厂煤化验报告", evidence = "LAB-2020-07" },
            },
        }, Ct));
        var detail = await OkJsonAsync(await paper.GetAsync($"/api/v1/mrv/reports/{id}", Ct));
        var coal = detail.GetProperty("verifiedCalculation").GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("lineId").GetString() == "L1");
        var ncv = Figures(coal.GetProperty("derivation")).Single(f => f.GetProperty("source").GetString() == "adjusted");

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        // By hand: coal at the verifier's NCV 20.0 GJ/t: 20.0 × 0.02637 × 0.94 × 44/12 = 1.817772 t/t, × 1000 t = 1817.772 t;
        // diesel 10 t × 42.652 × 0.0202 × 0.98 × 44/12 = 30.959096… t. Verified 1848.731 t (reported 1931.258 t).
        Assert.Equal(1848.731m, verified.GetProperty("verifiedTonnes").GetDecimal());
        Assert.Equal(1931.258m, verified.GetProperty("reportedTonnes").GetDecimal());
        Assert.Equal(20.0m, ncv.GetProperty("value").GetDecimal());
        Assert.Contains("LAB-2020-07", ncv.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("adjusted by verifier: 按入厂煤化验报告", ncv.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var adjustment = Assert.Single(detail.GetProperty("verification").GetProperty("parameterAdjustments").EnumerateArray());
        Assert.Equal("netCalorificValue", adjustment.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Verification_AdjustingAParameterTheLinesFormulaHasNot_Is400NamingTheLineAndWhatItMeasures()
    {
        using var paper = await server.SignedInAsync("paper-b");
        using var verifier = await server.SignedInAsync("verifier");
        var id = await AssignedAsync(paper, 2036);

        using var refused = await verifier.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/verification", new
        {
            conclusion = "属实",
            parameterAdjustments = new[] { new { lineId = "L1", parameter = "emissionFactor", value = 2.5m, reason = "实测", evidence = "LAB-9" } },
        }, Ct);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var detail = await OkJsonAsync(await paper.GetAsync($"/api/v1/mrv/reports/{id}", Ct));

        // Before, the factor was kept in the verification and read by no formula: the verified total did not move.
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("parameterAdjustments[0].parameter", problem.GetProperty("field").GetString());
        Assert.Equal("MeasurementNotApplicable", problem.GetProperty("rule").GetString());
        Assert.EndsWith("排放源 L1（fuel-combustion）的公式中没有 emission-factor，可实测的参数为：ncv, carbon-content, oxidation-rate",
            problem.GetProperty("errors").GetProperty("parameterAdjustments[0].parameter")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("assigned", detail.GetProperty("summary").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Draft_MeasuringAParameterTheLinesFormulaHasNot_IsAnErrorOnThatLine()
    {
        using var paper = await server.SignedInAsync("paper-b");
        var saved = await OkJsonAsync(await paper.PostAsJsonAsync("/api/v1/mrv/reports", new
        {
            year = 2037,
            lines = new object[]
            {
                new
                {
                    id = "E1", kind = "purchasedElectricity", material = "grid", amount = 100m, unit = "megawattHour",
                    measured = new[] { new { parameter = "netCalorificValue", value = 20m, evidence = "LAB-3", rule = "GB/T 213" } },
                },
            },
        }, Ct));

        using var submit = await paper.PostAsync($"/api/v1/mrv/reports/{saved.GetProperty("report").GetInt64()}/submit", null, Ct);
        var problem = await submit.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.Equal("lines[E1].ncv", problem.GetProperty("field").GetString());
        Assert.Equal("MeasurementNotApplicable", problem.GetProperty("rule").GetString());
        Assert.EndsWith("排放源 E1（purchased-electricity）的公式中没有 ncv，可实测的参数为：emission-factor",
            problem.GetProperty("errors").GetProperty("lines[E1].ncv")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonitoringPlan_NamingAFuelTheLibraryHasNot_Is400NamingTheSourceAndTheChoices()
    {
        using var paper = await server.SignedInAsync("paper-b");

        using var refused = await paper.PostAsJsonAsync("/api/v1/mrv/plans", new
        {
            year = 2038,
            sources = new[]
            {
                new { kind = "fuelCombustion", material = "peat", method = "default factors", meter = "weighbridge", frequency = "daily" },
                new { kind = "purchasedElectricity", material = "grid", method = "default factors", meter = "M-1", frequency = "monthly" },
            },
        }, Ct);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var none = await paper.GetAsync("/api/v1/mrv/plans?year=2038", Ct);
        await OkJsonAsync(await paper.PostAsJsonAsync("/api/v1/mrv/plans", new
        {
            year = 2038,
            sources = new[] { new { kind = "fuelCombustion", material = "RAW-COAL", method = "default factors", meter = "weighbridge", frequency = "daily" } },
        }, Ct));

        // Before, the plan was saved: it covered lines no report could compute, and a line of real coal was warned about.
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("sources[0].material", problem.GetProperty("field").GetString());
        Assert.Equal("UnknownMaterial", problem.GetProperty("rule").GetString());
        var message = problem.GetProperty("errors").GetProperty("sources[0].material")[0].GetString();
        Assert.Contains("“peat”", message, StringComparison.Ordinal);
        Assert.Contains("raw-coal", message, StringComparison.Ordinal);
        Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    private static IEnumerable<JsonElement> Figures(JsonElement figure) =>
        new[] { figure }.Concat(figure.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Array
            ? inputs.EnumerateArray().SelectMany(Figures) : []);
}
