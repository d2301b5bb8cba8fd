using OpenEts.Application.Allocation;
using OpenEts.Application.Storage;
using OpenEts.Domain.Allocation;

namespace OpenEts.Storage.Tests;

// Special circumstances (guangdong.md §1.2 art. 14–15) recorded by the regulator, stored on every database, counted by
// the true-up, journalled, and refused once the entity's true-up is done.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Circumstance_ForAJurisdictionOrYearNoPlanGovernsOrAnOrganisationNotCovered_IsRefusedAndStoresNothing()
    {
        await using var w = await AllocationWorldAsync(Db);
        var cement = CodeOf("91441800MA5CY1002");
        var verifierBody = (await w.Store.ReadAsync(s => s.Organisations.ListAsync(new OrganisationFilter(Kind: Domain.Organisations.OrganisationKind.Verifier)), Ct))[0].Code;
        await w.Plans.HandleAsync(w.Regulator, new ImportPlan(PlanJson.Shipped("guangdong-2017")), Ct);
        await w.Plans.HandleAsync(w.Regulator, new ApprovePlan("guangdong-2017", 1), Ct);
        RecordCircumstance Stoppage(string jurisdiction, int year, Domain.Organisations.CreditCode who) =>
            new(jurisdiction, year, who, CircumstanceKind.Stoppage, 7, null, "粤发改气候〔2017〕演示 3号");

        var nowhere = await w.Plans.HandleAsync(w.Regulator, Stoppage("narnia", 2017, cement), Ct);
        var someYear = await w.Plans.HandleAsync(w.Regulator, Stoppage("guangdong", 2099, cement), Ct);
        var verifier = await w.Plans.HandleAsync(w.Regulator, Stoppage("guangdong", 2017, verifierBody), Ct);

        Assert.Equal([("NoApprovedPlan", "year"), ("NoApprovedPlan", "year"), ("NotCovered", "organisation")],
            new[] { nowhere, someYear, verifier }.Select(o => Assert.IsType<AllocationCommandOutcome.Refused>(o)).Select(r => (r.Rule, r.Field)));
        Assert.Empty(await w.Store.ReadAsync(s => s.Allocation.ListCircumstancesAsync("narnia", 2017), Ct));
        Assert.Empty(await w.Store.ReadAsync(s => s.Allocation.ListCircumstancesAsync("guangdong", 2017), Ct));
    }

    [Fact]
    public async Task Circumstance_StoppageOfSevenMonthsRecordedBeforeTheTrueUp_TakesBackTheAbnormalMonths()
    {
        await using var w = await AllocationWorldAsync(Db);
        var cement = CodeOf("91441800MA5CY1002");
        await w.Plans.HandleAsync(w.Regulator, new ImportPlan(PlanJson.Shipped("guangdong-2017")), Ct);
        await w.Plans.HandleAsync(w.Regulator, new ApprovePlan("guangdong-2017", 1), Ct);
        await w.Runs.HandleAsync(w.Regulator, new RunPreAllocation("guangdong", 2017), Ct);

        var first = await w.Plans.HandleAsync(w.Regulator,
            new RecordCircumstance("guangdong", 2017, cement, CircumstanceKind.Stoppage, 6, null, "粤发改气候〔2017〕演示 1号"), Ct);
        var second = await w.Plans.HandleAsync(w.Regulator,
            new RecordCircumstance("guangdong", 2017, cement, CircumstanceKind.Stoppage, 7, null, "粤发改气候〔2017〕演示 2号"), Ct);
        var added = await w.Plans.HandleAsync(w.Regulator,
            new RecordCircumstance("guangdong", 2017, cement, CircumstanceKind.CapacityChange, null, 12_345.678m, "产能备案（演示）"), Ct);
        var stored = await w.Store.ReadAsync(s => s.Allocation.ListCircumstancesAsync("guangdong", 2017), Ct);
        await w.Runs.HandleAsync(w.Regulator, new RunTrueUp("guangdong", 2017), Ct);
        var final = (await w.Queries.AllocationAsync(cement, "guangdong", 2017, Ct))!.Final!.Allocation;
        var late = await w.Plans.HandleAsync(w.Regulator,
            new RecordCircumstance("guangdong", 2017, cement, CircumstanceKind.Closure, 3, null, "too late"), Ct);
        var journal = await w.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "allocation.circumstance"), 0, 10), Ct);

        Assert.IsType<AllocationCommandOutcome.Completed>(first);
        Assert.IsType<AllocationCommandOutcome.Completed>(second);
        Assert.IsType<AllocationCommandOutcome.Completed>(added);
        // The second stoppage record replaced the first; the capacity change is kept to the kilogram of coal equivalent.
        Assert.Equal([(CircumstanceKind.CapacityChange, (int?)null, (decimal?)12_345.678m), (CircumstanceKind.Stoppage, 7, null)],
            stored.Select(c => (c.Kind, c.Months, c.Energy)));
        Assert.Equal("粤发改气候〔2017〕演示 2号", stored.Single(c => c.Kind == CircumstanceKind.Stoppage).Reference);
        // 1 400 000 t clinker × 0.8534 = 1 194 760; the added capacity × the new-entrant factor 0 adds 0 [UNCONFIRMED];
        // 7 months > 6: × 5/12 = 497 816.67 → 497 817; free 97 % = 482 882.49 → 482 882.
        Assert.Contains(final.Steps, s => s.Step == "capacity-added" && s.Result == 1_194_760m);
        Assert.Equal(497_817L, final.Total.Value);
        Assert.Equal(482_882L, final.Free.Value);
        var refused = Assert.IsType<AllocationCommandOutcome.Refused>(late);
        Assert.Equal("TrueUpDone", refused.Rule);
        Assert.Equal(3, journal.Count);
    }

    [Fact]
    public async Task Circumstance_HistoryExclusion_StoredWithItsYearsAndRefusedOutsideThePlansHistory()
    {
        await using var w = await AllocationWorldAsync(Db);
        var paper = CodeOf("91440600MA5CY1004");
        var unapproved = await w.Plans.HandleAsync(w.Regulator,
            new RecordCircumstance("guangdong", 2017, paper, CircumstanceKind.HistoryExclusion, null, null, "检修年份", [2015]), Ct);
        await w.Plans.HandleAsync(w.Regulator, new ImportPlan(PlanJson.Shipped("guangdong-2017")), Ct);
        await w.Plans.HandleAsync(w.Regulator, new ApprovePlan("guangdong-2017", 1), Ct);

        var notHistory = await w.Plans.HandleAsync(w.Regulator,
            new RecordCircumstance("guangdong", 2017, paper, CircumstanceKind.HistoryExclusion, null, null, "检修年份", [2013]), Ct);
        var tooMany = await w.Plans.HandleAsync(w.Regulator,
            new RecordCircumstance("guangdong", 2017, paper, CircumstanceKind.HistoryExclusion, null, null, "检修年份", [2014, 2015]), Ct);
        var recorded = await w.Plans.HandleAsync(w.Regulator,
            new RecordCircumstance("guangdong", 2017, paper, CircumstanceKind.HistoryExclusion, null, null, "检修年份（演示）", [2015]), Ct);
        var stored = await w.Store.ReadAsync(s => s.Allocation.ListCircumstancesAsync("guangdong", 2017), Ct);
        var journal = await w.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "allocation.circumstance"), 0, 10), Ct);

        Assert.Equal("NoApprovedPlan", Assert.IsType<AllocationCommandOutcome.Refused>(unapproved).Rule);
        // Guangdong 2017's history is 2014–2016 with one exclusion [UNCONFIRMED in the plan].
        var outside = Assert.IsType<AllocationCommandOutcome.Refused>(notHistory);
        Assert.Equal(("NotAHistoryYear", "excludedYears"), (outside.Rule, outside.Field));
        Assert.Equal("TooManyExclusions", Assert.IsType<AllocationCommandOutcome.Refused>(tooMany).Rule);
        Assert.IsType<AllocationCommandOutcome.Completed>(recorded);
        var exclusion = Assert.Single(stored);
        Assert.Equal((CircumstanceKind.HistoryExclusion, (int?)null, (decimal?)null), (exclusion.Kind, exclusion.Months, exclusion.Energy));
        Assert.Equal([2015], exclusion.ExcludedYears);
        Assert.Contains("2015", Assert.Single(journal).Payload, StringComparison.Ordinal);
    }
}
