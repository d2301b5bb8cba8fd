using OpenEts.Application.Identity;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Registry;

namespace OpenEts.Storage.Tests;

// Offset projects through their use cases, on every database: the workflow from filing to issuance into the registry,
// documents with their SHA-256, the facts compliance reads, and nothing written by a refusal.
public abstract partial class StoreContract<TDb>
{
    private static readonly DateTimeOffset OffsetsNow = new(2019, 3, 1, 2, 0, 0, TimeSpan.Zero);

    private sealed record OffsetsWorld(SqlStore Store, RegistryService Registry, OffsetsCommandHandler Handler, OffsetsQueries Queries,
        Func<string, Task<Actor>> ActorOf) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Registry.Dispose();
            await Store.DisposeAsync();
        }
    }

    private async Task<OffsetsWorld> OffsetsWorldAsync()
    {
        var (store, actorOf) = await MrvMarketAsync(Db);
        var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        var clock = new FixedClock(OffsetsNow);
        var queries = new RegistryQueries(registry);
        var handler = new OffsetsCommandHandler(store, new RegistryCommandHandler(registry, store, clock), queries, clock);
        return new OffsetsWorld(store, registry, handler, new OffsetsQueries(store, queries), actorOf);
    }

    private static SubmitProject ForestProject(string code = "FJ0102")
    {
        var form = new SubmitProject.Form("FFCER", code, "GD-HOLD-PAPER", "顺昌县杉木林森林经营碳汇项目（测试）", "AR-CM-003-V01", "14 造林和再造林",
            "forestry", "FJ", "南平市", "顺昌县", 26.79m, 117.81m, "26.80,117.80; 26.80,117.83; 26.77,117.83; 26.77,117.80", "2018-01-01",
            "2037-12-31", 12_000, false, 100m, false);
        Assert.True(SubmitProject.TryParse(form, out var command, out var errors), string.Join("; ", errors.Select(e => e.Message)));
        return command;
    }

    [Fact]
    public async Task Offsets_MonitoringReportForAPeriodNotYetOver_IsRefusedAndFilesNothing()
    {
        await using var world = await OffsetsWorldAsync();
        var paper = await world.ActorOf("paper-a");
        var id = ((OffsetsCommandOutcome.Completed)await world.Handler.HandleAsync(paper, ForestProject(), Ct)).Project.Id;
        Assert.IsType<OffsetsCommandOutcome.Completed>(await world.Handler.HandleAsync(await world.ActorOf("verifier"), new ValidateProject(id, "审定意见：符合方法学"), Ct));
        Assert.IsType<OffsetsCommandOutcome.Completed>(await world.Handler.HandleAsync(await world.ActorOf("regulator"), new RegisterProject(id, ""), Ct));
        var monitoring = ForestryInput.WithDefaults(ForestrySpecies.ChineseFir, 1000m, 10m, 500m, 0m);
        var nextYear = new DateOnly(DateTimeOffset.UtcNow.Year + 1, 1, 1);

        var future = await world.Handler.HandleAsync(paper, new SubmitMonitoringReport(id, nextYear, nextYear.AddYears(1).AddDays(-1), null, monitoring), Ct);

        var refused = Assert.IsType<OffsetsCommandOutcome.Refused>(future);
        Assert.Equal(("PeriodInFuture", "periodEnd"), (refused.Rule, refused.Field));
        Assert.Empty((await world.Queries.ProjectAsync(null, id, Ct))!.Reports);
    }

    [Fact]
    public async Task Offsets_ForestProjectFromFilingToIssuance_IssuesTheHandComputedTonnesWithTheBuffer()
    {
        await using var world = await OffsetsWorldAsync();
        var paper = await world.ActorOf("paper-a");
        var verifier = await world.ActorOf("verifier");
        var regulator = await world.ActorOf("regulator");

        var submitted = (OffsetsCommandOutcome.Completed)await world.Handler.HandleAsync(paper, ForestProject(), Ct);
        var id = submitted.Project.Id;
        Assert.IsType<OffsetsCommandOutcome.Completed>(await world.Handler.HandleAsync(verifier, new ValidateProject(id, "审定意见：符合方法学"), Ct));
        Assert.IsType<OffsetsCommandOutcome.Completed>(await world.Handler.HandleAsync(regulator, new RegisterProject(id, ""), Ct));
        var monitoring = ForestryInput.WithDefaults(ForestrySpecies.ChineseFir, 1000m, 10m, 500m, 0m);
        var filed = (OffsetsCommandOutcome.Completed)await world.Handler.HandleAsync(paper,
            new SubmitMonitoringReport(id, new DateOnly(2018, 1, 1), new DateOnly(2018, 12, 31), null, monitoring), Ct);
        var reportId = filed.Report!.Id;
        Assert.IsType<OffsetsCommandOutcome.Completed>(await world.Handler.HandleAsync(verifier,
            new VerifyMonitoringReport(reportId, "核证意见：合理保证", null, null, null), Ct));
        var issued = await world.Handler.HandleAsync(regulator, new IssueCredits(reportId), Ct);
        var unitClass = UnitClass.Parse("FFCER-FJ0102-2018");
        var (owner, buffer, attributes) = await world.Registry.QueryAsync((l, _) =>
            (l.HoldingsOf(AccountNumber.From("GD-HOLD-PAPER")).Where(h => h.Class == unitClass).Sum(h => h.Total.Value),
                l.HoldingsOf(DemoRegistry.Buffer).Where(h => h.Class == unitClass).Sum(h => h.Total.Value), l.AttributesOf(unitClass)), Ct);
        var detail = await world.Queries.ProjectAsync(null, id, Ct);

        // By hand: 1000 ha × 10 m³/ha × 1.634 × 1.246 × 0.307 t/m³ = 6250.40948 t d.m.; × 0.52 × 44/12 = 11917.447408… t;
        // − 500 baseline = 11417.447 t; 11417 whole tonnes; buffer 20 % rounded up = 2284; owner 9133.
        Assert.Equal(11417.447m, filed.Report.Claimed.Value);
        Assert.IsType<OffsetsCommandOutcome.Completed>(issued);
        Assert.Equal((9_133L, 2_284L), (owner, buffer));
        Assert.Equal((ProjectCategory.Forestry, "FJ", true), (attributes!.Category, attributes.HostProvince, attributes.Defined));
        Assert.Equal(MonitoringStatus.Issued, Assert.Single(detail!.Reports).Status);
        Assert.Equal(["project.submitted", "project.validated", "project.registered", "report.submitted", "report.verified", "credits.issued"],
            detail.History.Select(h => h.Step));
        Assert.Equal(11_417, Assert.Single(detail.Issuances).OwnerQuantity + detail.Issuances[0].BufferQuantity);
        var journal = await world.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "offsets."), 0, 10), Ct);
        Assert.Equal(6, journal.Count);
        Assert.All(journal, e => Assert.Equal("FFCER-FJ0102", e.Subject));
    }

    [Fact]
    public async Task Offsets_ForestAreaRestatedAboveTheClaim_IssuesNoMoreThanTheClaim()
    {
        await using var world = await OffsetsWorldAsync();
        var verifier = await world.ActorOf("verifier");
        var regulator = await world.ActorOf("regulator");
        var (_, report) = await FiledForestReportAsync(world);

        // The verifier restates the area as 2000 ha: recomputed, about 23 335 t, twice the 11 417.447 t claimed.
        var verified = await world.Handler.HandleAsync(verifier, new VerifyMonitoringReport(report, "ok", null, 2000m, null), Ct);
        await world.Handler.HandleAsync(regulator, new IssueCredits(report), Ct);
        var total = await world.Registry.QueryAsync((l, _) => l.TotalIssued(UnitClass.Parse("FFCER-FJ0102-2018")).Value, Ct);

        Assert.Equal(11_417, Assert.IsType<OffsetsCommandOutcome.Completed>(verified).Report!.Verified);
        Assert.Equal(11_417, total);
    }

    [Fact]
    public async Task Offsets_VerifierRestatesWoodDensity_TheReportIsRecomputedWithIt_AndTheBasisKept()
    {
        await using var world = await OffsetsWorldAsync();
        var verifier = await world.ActorOf("verifier");
        var (_, filed) = await FiledForestReportAsync(world);

        // D restated from the fir's 0.307 to 0.25 t/m³: 1000 × 10 × 1.634 × 1.246 × 0.25 = 5 089.91 t dry matter,
        // × 0.52 × 44/12 = 9 704.762 t gross, − 500 baseline = 9 204.762 t: 9 204 whole tonnes verified (claim 11 417.447).
        var verified = await world.Handler.HandleAsync(verifier, new VerifyMonitoringReport(filed, "ok", null, null, null,
            new RestatedParameters(null, null, 0.25m, null, "复测样地 12 块，木材密度 0.25")), Ct);
        var report = Assert.IsType<OffsetsCommandOutcome.Completed>(verified).Report!;
        var entry = Assert.Single(await world.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(Kind: "offsets.report.verified"), 0, 10), Ct));

        Assert.Equal(9_204, report.Verified);
        Assert.Equal(("D", 0.25m, "复测样地 12 块，木材密度 0.25"), Assert.Single(report.Forestry!.Restated()));
        Assert.Equal(1.634m, report.Forestry.ExpansionFactor.Value);
        Assert.Contains("\"restated\":[{\"parameter\":\"D\",\"stated\":0.307,\"value\":0.25,", entry.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offsets_VerifierRestatesAParameterOutOfRange_IsRefusedNamingIt_AndNothingIsWritten()
    {
        await using var world = await OffsetsWorldAsync();
        var verifier = await world.ActorOf("verifier");
        var (id, report) = await FiledForestReportAsync(world);

        var refused = await world.Handler.HandleAsync(verifier, new VerifyMonitoringReport(report, "ok", null, null, null,
            new RestatedParameters(0.9m, null, null, null, "复测")), Ct);
        var detail = await world.Queries.ProjectAsync(null, id, Ct);

        Assert.Equal("expansionFactor", Assert.Single(Assert.IsType<OffsetsCommandOutcome.Invalid>(refused).Errors).Field);
        Assert.Equal(MonitoringStatus.Submitted, Assert.Single(detail!.Reports).Status);
    }

    [Fact]
    public async Task Offsets_IssueTwice_IssuesOnceAndRefusesTheSecond()
    {
        await using var world = await OffsetsWorldAsync();
        var reportId = await VerifiedForestReportAsync(world);
        var regulator = await world.ActorOf("regulator");

        await world.Handler.HandleAsync(regulator, new IssueCredits(reportId), Ct);
        var again = await world.Handler.HandleAsync(regulator, new IssueCredits(reportId), Ct);
        var total = await world.Registry.QueryAsync((l, _) => l.TotalIssued(UnitClass.Parse("FFCER-FJ0102-2018")).Value, Ct);

        Assert.Equal("MonitoringStatus", Assert.IsType<OffsetsCommandOutcome.Refused>(again).Rule);
        Assert.Equal(11_417, total);
    }

    [Fact]
    public async Task Offsets_RefusedStep_WritesNothing()
    {
        await using var world = await OffsetsWorldAsync();
        var paper = await world.ActorOf("paper-a");
        var regulator = await world.ActorOf("regulator");
        var submitted = (OffsetsCommandOutcome.Completed)await world.Handler.HandleAsync(paper, ForestProject(), Ct);
        var before = await world.Store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct);

        var early = await world.Handler.HandleAsync(regulator, new RegisterProject(submitted.Project.Id, ""), Ct);
        var byOwner = await world.Handler.HandleAsync(paper, new ValidateProject(submitted.Project.Id, "self"), Ct);
        var after = await world.Store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct);

        Assert.Equal("ProjectStatus", Assert.IsType<OffsetsCommandOutcome.Refused>(early).Rule);
        Assert.IsType<OffsetsCommandOutcome.Forbidden>(byOwner);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Offsets_ReturnedProjectFiledAgain_KeepsItsCodeAndHistory()
    {
        await using var world = await OffsetsWorldAsync();
        var paper = await world.ActorOf("paper-a");
        var verifier = await world.ActorOf("verifier");
        var submitted = (OffsetsCommandOutcome.Completed)await world.Handler.HandleAsync(paper, ForestProject(code: ""), Ct);
        var id = submitted.Project.Id;

        await world.Handler.HandleAsync(verifier, new ReturnProject(id, "边界坐标与林权证不符"), Ct);
        var hidden = await world.Queries.ProjectAsync(null, id, Ct);
        var refiled = await world.Handler.HandleAsync(paper, ForestProject(code: "") with { Project = id }, Ct);
        var detail = await world.Queries.ProjectAsync(paper, id, Ct);

        Assert.Null(hidden);
        Assert.Equal("FJ0001", submitted.Project.Code);
        Assert.Equal(ProjectStatus.Submitted, Assert.IsType<OffsetsCommandOutcome.Completed>(refiled).Project.Status);
        Assert.Equal(["project.submitted", "project.returned", "project.submitted"], detail!.History.Select(h => h.Step));
        Assert.Equal("边界坐标与林权证不符", detail.History[1].Comments);
        Assert.Equal(4, detail.Project.Details.Boundary.Count);
    }

    [Fact]
    public async Task Offsets_Document_StoresBytesWithTheirSha256()
    {
        await using var world = await OffsetsWorldAsync();
        var paper = await world.ActorOf("paper-a");
        var submitted = (OffsetsCommandOutcome.Completed)await world.Handler.HandleAsync(paper, ForestProject(), Ct);

        var attached = (OffsetsCommandOutcome.Completed)await world.Handler.HandleAsync(paper,
            new AttachDocument(submitted.Project.Id, null, DocumentKind.ProjectDesign, "pdd.txt", "text/plain", "abc"u8.ToArray()), Ct);
        var read = await world.Queries.DocumentAsync(paper, attached.Document!.Id, Ct);
        var stranger = await world.Queries.DocumentAsync(await world.ActorOf("cement-a"), attached.Document.Id, Ct);

        // SHA-256("abc") from FIPS 180-2, appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", read!.Value.Document.Sha256);
        Assert.Equal("abc"u8.ToArray(), read.Value.Content);
        Assert.Null(stranger);
    }

    [Fact]
    public async Task Offsets_ProjectFacts_NameTheOwnerAndTheFlagsOnceValidated()
    {
        await using var world = await OffsetsWorldAsync();
        var paper = await world.ActorOf("paper-a");
        var submitted = (OffsetsCommandOutcome.Completed)await world.Handler.HandleAsync(paper, ForestProject(), Ct);

        var before = await world.Queries.ProjectFactsAsync("FFCER", "FJ0102", Ct);
        await world.Handler.HandleAsync(await world.ActorOf("verifier"), new ValidateProject(submitted.Project.Id, "ok"), Ct);
        var facts = await world.Queries.ProjectFactsAsync("ffcer", "fj0102", Ct);
        var byClass = await world.Queries.ProjectFactsAsync(UnitClass.Parse("FFCER-FJ0102-2018"), Ct);

        Assert.Null(before);
        Assert.Equal((Code(PaperCode), 100m, false, "FJ", "南平市"), (facts!.Owner.Value, facts.GasSharePercent, facts.DesignatedArea, facts.Province, facts.City));
        Assert.Equal(facts, byClass);
    }

    [Fact]
    public async Task Offsets_DemoRegister_LinksTheRegistrysIssuanceAndIssuesOnlyFj0002()
    {
        await using var world = await OffsetsWorldAsync();
        var before = await world.Registry.QueryAsync((l, _) => Holdings(l), Ct);

        Assert.True(await new Application.Demo.DemoOffsets(world.Store, world.Registry).SeedIfEmptyAsync(Ct));
        var after = await world.Registry.QueryAsync((l, _) => Holdings(l), Ct);
        var check = await world.Registry.VerifyAsync(Ct);
        var rows = await world.Queries.ProjectsAsync(await world.ActorOf("regulator"), null, null, Ct);
        var fujian = rows.Where(r => r.Project.Programme == UnitType.Ffcer).ToList();
        var filed = 0m;
        foreach (var row in fujian)
        {
            filed += (await world.Queries.ProjectAsync(null, row.Project.Id, Ct))!.Reports.Sum(r => r.Claimed.Value);
        }

        var fj0002 = after.Split('\n').Where(l => l.Contains(" FFCER-FJ0002-2016 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(before, string.Join('\n', after.Split('\n').Where(l => !fj0002.Contains(l))));
        // FJ0002 by hand: 4200 ha × 35 m³/ha of Chinese fir = 175 186.477 t − 8 759 t = 166 427 t; 20 % rounded up = 33 286 t.
        Assert.Equal(2, fj0002.Count);
        Assert.Contains(fj0002, l => l.StartsWith("GD-HOLD-PAPER FFCER-FJ0002-2016 133141 ", StringComparison.Ordinal));
        Assert.Contains(fj0002, l => l.StartsWith("GD-BUFFER FFCER-FJ0002-2016 33286 ", StringComparison.Ordinal));
        Assert.True(check.Intact, check.ToString());
        Assert.Equal(7, fujian.Count);
        // offsets-and-inclusion.md §4.2: seven projects, 1.18 Mt filed.
        Assert.InRange(filed, 1_175_000m, 1_185_000m);
        Assert.All(DemoRegistry.Offsets, o => Assert.Contains(rows, r => $"{r.Project.Reference}-{UnitClass.Parse(o.Class).Vintage}" == o.Class
            && r.Issued == o.Verified));
    }

    private const string PaperCode = "91440600MA5CY1004";

    [Fact]
    public async Task Offsets_QueueOfARegisteredProject_FollowsItsMonitoringReport_ReadForEveryProjectAtOnce()
    {
        await using var world = await OffsetsWorldAsync();
        var reportId = await VerifiedForestReportAsync(world);
        var regulator = await world.ActorOf("regulator");
        var verifier = await world.ActorOf("verifier");
        var projectId = (await world.Store.ReadAsync(s => s.Offsets.FindReportAsync(reportId), Ct))!.ProjectId;

        var regulatorQueue = await world.Queries.QueueAsync(regulator, Ct);
        var verifierQueue = await world.Queries.QueueAsync(verifier, Ct);
        var one = await world.Store.ReadAsync(s => s.Offsets.ReportsAsync(projectId), Ct);
        var among = await world.Store.ReadAsync(s => s.Offsets.ReportsOfAsync([projectId, projectId + 1_000]), Ct);
        var none = await world.Store.ReadAsync(s => s.Offsets.ReportsOfAsync([]), Ct);

        // The verified report waits for the regulator to issue its credits, and no longer for the verifier.
        Assert.Equal("FFCER-FJ0102", Assert.Single(regulatorQueue).Project.Reference);
        Assert.Equal("佛山示范纸业有限公司", regulatorQueue[0].OwnerName);
        Assert.DoesNotContain(verifierQueue, r => r.Project.Id == projectId);
        Assert.Equal([(reportId, MonitoringStatus.Verified)], among.Select(r => (r.Id, r.Status)));
        Assert.Equal(one.Select(r => (r.Id, r.Status, r.Claimed)), among.Select(r => (r.Id, r.Status, r.Claimed)));
        Assert.Empty(none);
    }

    private static async Task<long> VerifiedForestReportAsync(OffsetsWorld world)
    {
        var (_, report) = await FiledForestReportAsync(world);
        await world.Handler.HandleAsync(await world.ActorOf("verifier"), new VerifyMonitoringReport(report, "ok", null, null, null), Ct);
        return report;
    }

    // A registered Chinese-fir project of 1 000 ha and 10 m³/ha with a 500 t baseline, its 2018 report filed (11 417.447 t claimed).
    private static async Task<(long Project, long Report)> FiledForestReportAsync(OffsetsWorld world)
    {
        var paper = await world.ActorOf("paper-a");
        var id = ((OffsetsCommandOutcome.Completed)await world.Handler.HandleAsync(paper, ForestProject(), Ct)).Project.Id;
        await world.Handler.HandleAsync(await world.ActorOf("verifier"), new ValidateProject(id, "ok"), Ct);
        await world.Handler.HandleAsync(await world.ActorOf("regulator"), new RegisterProject(id, ""), Ct);
        var filed = (OffsetsCommandOutcome.Completed)await world.Handler.HandleAsync(paper, new SubmitMonitoringReport(id,
            new DateOnly(2018, 1, 1), new DateOnly(2018, 12, 31), null, ForestryInput.WithDefaults(ForestrySpecies.ChineseFir, 1000m, 10m, 500m, 0m)), Ct);
        return (id, filed.Report!.Id);
    }
}
