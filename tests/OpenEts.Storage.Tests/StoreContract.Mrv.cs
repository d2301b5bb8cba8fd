using OpenEts.Application.Demo;
using OpenEts.Application.Identity;
using OpenEts.Application.Mrv;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// MRV's reports through its use cases, on every database: the cycle from draft to approval, integer kilograms, the
// journal written with each change, and nothing written by a refusal.
public abstract partial class StoreContract<TDb>
{
    private const string CementCode = "91441800MA5CY1002";
    private const string VerifierCode = "91440101MA5CY0001";

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static async Task<(SqlStore Store, Func<string, Task<Actor>> ActorOf)> MrvMarketAsync(ITestDatabase db)
    {
        var store = await db.CreateStoreAsync();
        await new DemoMarket(store, new FakeHashing()).SeedIfEmptyAsync(Now, Ct);
        return (store, async name =>
        {
            var user = await store.ReadAsync(s => s.Users.FindByNameAsync(name), Ct);
            return new Actor(user!.Id, user.UserName, user.Role, user.OrganisationId);
        });
    }

    private static SaveDraftReport Draft(int year, decimal coal, decimal gas = 50m) => new(year, "guangdong",
    [
        new ReportLine("L1", SourceKind.FuelCombustion, "raw-coal", coal, MeasureUnit.Tonne),
        new ReportLine("L2", SourceKind.FuelCombustion, "natural-gas", gas, MeasureUnit.TenThousandNm3),
    ], [new ProductionOutput(OutputKind.Clinker, 3_000m, MeasureUnit.Tonne)]);

    private static string Code(string first17) => first17 + CreditCode.CheckCharacter(first17);

    [Fact]
    public async Task Mrv_DraftToApproval_ApprovesTheVerifiedTotalInKilogramsAndJournalsEachStep()
    {
        var (store, actorOf) = await MrvMarketAsync(Db);
        await using var _ = store;
        var handler = new MrvCommandHandler(store, new FixedClock(new DateTimeOffset(2018, 3, 10, 2, 0, 0, TimeSpan.Zero)));
        var cement = await actorOf("cement-a");
        var regulator = await actorOf("regulator");
        var verifier = await actorOf("verifier");
        var journalBefore = await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct);

        var saved = (MrvCommandOutcome.Completed)await handler.HandleAsync(cement, Draft(2017, 1000m), Ct);
        var id = saved.Report!.Id;
        var submitted = (MrvCommandOutcome.Completed)await handler.HandleAsync(cement, new SubmitReport(id), Ct);
        await handler.HandleAsync(regulator, new AssignVerifier(id, CreditCode.Parse(Code(VerifierCode)).Code, ConflictDeclaration.None), Ct);
        var verified = await handler.HandleAsync(verifier, new RecordVerification(id,
            [new LineAdjustment("L1", 900m, "meter reading corrected", "weighbridge log 2017-12")], [], "fair and accurate"), Ct);
        var approved = await handler.HandleAsync(regulator, new ApproveReport(id), Ct);
        var queries = new MrvQueries(store);
        var emissions = await queries.ApprovedEmissionsAsync(CreditCode.Parse(Code(CementCode)).Code, 2017, Ct);
        var totals = await queries.ApprovedTotalsAsync(2017, Ct);
        var journal = await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "mrv.report."), 0, 10), Ct);

        // By hand: raw coal 1000 t × 20.908 GJ/t × 0.02637 tC/GJ × 0.94 × 44/12 = 1900.2988488 t; natural gas
        // 50 × 10⁴Nm³ × 389.31 × 0.0153 × 0.99 × 44/12 = 1081.0944045 t. Verified coal 900 t: 1710.26896392 t.
        Assert.Equal(Tonnes.From(2981.393m), submitted.Report!.Reported);
        Assert.False(submitted.Report.Late);
        Assert.IsType<MrvCommandOutcome.Completed>(verified);
        Assert.IsType<MrvCommandOutcome.Completed>(approved);
        Assert.Equal(Tonnes.From(2791.363m), emissions!.Approved);
        Assert.Equal(2_791_363L, emissions.Approved.Kilograms);
        Assert.Equal(DefaultFactors.Version, emissions.FactorVersion);
        Assert.Equal([OutputKind.Clinker], emissions.Outputs.Select(o => o.Kind));
        var row = Assert.Single(totals);
        Assert.Equal((Code(CementCode), Sector.Cement, 2017, Tonnes.From(2791.363m)), (row.Organisation.Value, row.Sector, row.Year, row.Approved));
        Assert.Equal(["mrv.report.approved", "mrv.report.verified", "mrv.report.verifier-assigned", "mrv.report.submitted", "mrv.report.saved"],
            journal.Select(e => e.Kind));
        Assert.All(journal, e => Assert.Equal(Code(CementCode) + "/2017", e.Subject));
        Assert.Equal(journalBefore + 5, await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct));
    }

    [Fact]
    public async Task Mrv_SubmitAfterTheGuangdong2017Deadline_IsFlaggedLate()
    {
        var (store, actorOf) = await MrvMarketAsync(Db);
        await using var _ = store;
        // 2018-03-16 00:30 in Beijing is 2018-03-15 16:30 UTC: the day after the due date, in the jurisdiction's time.
        var handler = new MrvCommandHandler(store, new FixedClock(new DateTimeOffset(2018, 3, 15, 16, 30, 0, TimeSpan.Zero)));
        var cement = await actorOf("cement-a");

        var saved = (MrvCommandOutcome.Completed)await handler.HandleAsync(cement, Draft(2017, 10m), Ct);
        var submitted = (MrvCommandOutcome.Completed)await handler.HandleAsync(cement, new SubmitReport(saved.Report!.Id), Ct);

        Assert.True(submitted.Report!.Late);
        Assert.True((await store.ReadAsync(s => s.Mrv.FindReportAsync(saved.Report.Id), Ct))!.Late);
    }

    [Fact]
    public async Task Mrv_RefusedCommands_WriteNothing()
    {
        var (store, actorOf) = await MrvMarketAsync(Db);
        await using var _ = store;
        var handler = new MrvCommandHandler(store, TimeProvider.System);
        var cement = await actorOf("cement-a");
        var saved = (MrvCommandOutcome.Completed)await handler.HandleAsync(cement, Draft(2017, 10m) with
        {
            Lines = [new ReportLine("L1", SourceKind.FuelCombustion, "unobtainium", 5m, MeasureUnit.Tonne)],
        }, Ct);
        var before = await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct);

        var submit = await handler.HandleAsync(cement, new SubmitReport(saved.Report!.Id), Ct);
        var ownBody = await handler.HandleAsync(await actorOf("regulator"),
            new AssignVerifier(saved.Report.Id, CreditCode.Parse(Code(CementCode)).Code, ConflictDeclaration.None), Ct);
        var otherCompany = await handler.HandleAsync(await actorOf("steel-a"), new SubmitReport(saved.Report.Id), Ct);

        var invalid = Assert.IsType<MrvCommandOutcome.Invalid>(submit);
        Assert.Equal(("lines[L1].material", "UnknownMaterial"), (invalid.Errors[0].Field, invalid.Errors[0].Rule));
        Assert.IsType<MrvCommandOutcome.Refused>(ownBody);
        Assert.IsType<MrvCommandOutcome.NotFound>(otherCompany);
        Assert.Equal(before, await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct));
        Assert.Equal(ReportStatus.Draft, (await store.ReadAsync(s => s.Mrv.FindReportAsync(saved.Report.Id), Ct))!.Status);
    }

    [Fact]
    public async Task Mrv_SecondReportOfOneCompanyAndYear_IsAStoreConflict()
    {
        var (store, _) = await MrvMarketAsync(Db);
        await using var __ = store;
        var org = await store.ReadAsync(s => s.Organisations.FindByCodeAsync(CreditCode.Parse(Code(CementCode)).Code), Ct);
        var report = new MrvReport(0, org!.Id, 2017, ReportStatus.Draft, Sector.Cement, "guangdong", [], [], Tonnes.From(1.5m), "x", Now);
        await store.WriteAsync(s => s.Mrv.InsertReportAsync(report), Ct);

        await Assert.ThrowsAsync<StoreConflictException>(() => store.WriteAsync(s => s.Mrv.InsertReportAsync(report), Ct));
    }

    [Fact]
    public async Task Mrv_Deadlines_HoldGuangdong2017AndTakeNewOnes()
    {
        var (store, actorOf) = await MrvMarketAsync(Db);
        await using var _ = store;

        await new MrvCommandHandler(store, TimeProvider.System).HandleAsync(await actorOf("regulator"),
            new SetReportingDeadline(new ReportingDeadline("guangdong", 2018, new DateOnly(2019, 3, 15), new DateOnly(2019, 5, 5))), Ct);
        var deadlines = await new MrvQueries(store).DeadlinesAsync(Ct);

        Assert.Equal([new ReportingDeadline("guangdong", 2017, new DateOnly(2018, 3, 15), new DateOnly(2018, 5, 5)),
            new ReportingDeadline("guangdong", 2018, new DateOnly(2019, 3, 15), new DateOnly(2019, 5, 5))], deadlines);
    }

    [Fact]
    public async Task Mrv_UnsubmittedForNewest_NamesTheNewestYearsLateCompaniesAndWhetherItsDeadlinePassedInBeijing()
    {
        var (store, actorOf) = await MrvMarketAsync(Db);
        await using var _ = store;
        var regulator = await actorOf("regulator");
        await new MrvCommandHandler(store, TimeProvider.System).HandleAsync(regulator,
            new SetReportingDeadline(new ReportingDeadline("guangdong", 2018, new DateOnly(2019, 3, 15), new DateOnly(2019, 5, 5))), Ct);
        var queries = new MrvQueries(store);
        // 2019-03-15 is due by the end of that day in Beijing, 16:00 UTC: then still in time, a minute later overdue.
        var lastMinute = new DateTimeOffset(2019, 3, 15, 16, 0, 0, TimeSpan.Zero);

        var inTime = await queries.UnsubmittedForNewestAsync(regulator, lastMinute, Ct);
        var late = await queries.UnsubmittedForNewestAsync(regulator, lastMinute.AddMinutes(1), Ct);
        var company = await queries.UnsubmittedForNewestAsync(await actorOf("cement-a"), lastMinute, Ct);

        Assert.Equal(2018, inTime!.Deadline.Year);
        Assert.False(inTime.Overdue);
        Assert.True(late!.Overdue);
        Assert.NotEmpty(late.Companies);
        Assert.Equal(late.Companies.Select(c => c.Company.Id), (await queries.UnsubmittedAsync(regulator, 2018, Ct)).Select(c => c.Company.Id));
        Assert.Null(company);
    }

    [Fact]
    public async Task DemoMrv_SeedsApproved2016And2017ReportsOnTimeForTheFiveCompanies()
    {
        var (store, _) = await MrvMarketAsync(Db);
        await using var _ = store;
        var demo = new DemoMrv(store);

        var seeded = await demo.SeedIfEmptyAsync(Ct);
        var again = await demo.SeedIfEmptyAsync(Ct);
        var totals = await new MrvQueries(store).ApprovedTotalsAsync(null, Ct);
        var reports = await store.ReadAsync(s => s.Mrv.ListReportsAsync(new MrvReportFilter()), Ct);

        Assert.True(seeded);
        Assert.False(again);
        Assert.Equal(10, totals.Count);
        Assert.Equal([2016, 2017], totals.Select(t => t.Year).Distinct().Order());
        // By hand: power 2017, 1 605 000 t raw coal × 1.9002988488 = 3 049 979.652 t; steel 2017, 716 000 t coke ×
        // 28.435 × 0.0295 × 0.93 × 44/12 = 2 048 059.879 t.
        Assert.Equal(Tonnes.From(3_049_979.652m), totals.Single(t => t.Year == 2017 && t.Sector == Sector.Power).Approved);
        Assert.Equal(Tonnes.From(2_048_059.879m), totals.Single(t => t.Year == 2017 && t.Sector == Sector.Steel).Approved);
        Assert.All(reports, r => Assert.False(r.Late));
        Assert.All(reports, r => Assert.Equal(ReportStatus.Approved, r.Status));
    }
}
