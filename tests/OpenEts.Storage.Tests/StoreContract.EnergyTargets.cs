using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Identity;
using OpenEts.Application.Mrv;
using OpenEts.Application.Storage;
using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Storage.Tests;

// Energy dual control's targets through their use cases, on every database: plan versions are immutable and numbered,
// statistics load all or nothing and round-trip to the kilogram and the yuan, assessments keep their evidence and
// veto, and the 晴雨表 computed from stored data shows the colours the demo figures were built for.
public abstract partial class StoreContract<TDb>
{
    private sealed record EnergyWorld(SqlStore Store, EnergyTargetsCommandHandler Handler, EnergyTargetsQueries Queries, Actor Regulator)
        : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Store.DisposeAsync();
    }

    private async Task<EnergyWorld> EnergyWorldAsync()
    {
        var (store, actorOf) = await MrvMarketAsync(Db);
        var handler = new EnergyTargetsCommandHandler(store, new FixedClock(Now));
        Assert.True(await new DemoEnergyTargets(store, handler).SeedIfEmptyAsync(Ct));
        return new EnergyWorld(store, handler, new EnergyTargetsQueries(store, new MrvQueries(store)), await actorOf("regulator"));
    }

    [Fact]
    public async Task EnergyTargets_DemoSeeded_ReadsBackPlanStatisticsAndAssessments()
    {
        await using var w = await EnergyWorldAsync();

        var plans = await w.Queries.PlansAsync(w.Regulator, Ct);
        var statistics = await w.Queries.StatisticsAsync(w.Regulator, null, 2025, Ct);
        var assessments = await w.Queries.AssessmentsAsync(w.Regulator, 2025, Ct);
        var keyUsers = await w.Queries.KeyUsersAsync(w.Regulator, Ct);

        var plan = Assert.Single(plans).Plan;
        Assert.Equal(1, plan.Version);
        Assert.Empty(plan.Validate());
        Assert.Equal(DemoEnergyTargets.Cities.Count + 1 + DemoEnergyTargets.KeyUsers.Count, plan.Units.Count);
        Assert.Equal((DemoEnergyTargets.Cities.Count + 1) * 12, statistics.Count);
        var expected = DemoEnergyTargets.Statistics(2025).Single(r => r.Region == "NX-YC" && r.Month == 7);
        var stored = statistics.Single(s => s.Region.Value == "NX-YC" && s.FirstMonth == 7);
        Assert.Equal((expected.EnergyTce, expected.OutputWanYuan), (stored.Energy.Value, stored.Output.WanYuan));
        Assert.Equal(DemoEnergyTargets.Cities.Count - 1, assessments.Count);
        Assert.All(assessments, a => Assert.Equal(AssessmentSchemes.NingxiaCity.Areas.Count, a.Measures.Count));
        Assert.Equal(2, keyUsers.Count(k => !k.Added));
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public async Task EnergyTargets_ProgressForAYearNoTargetCanName_IsRefusedWithTheYearRule(int year)
    {
        await using var w = await EnergyWorldAsync();

        var refused = await w.Queries.ProgressAsync(w.Regulator, year, Ct);
        var answered = await w.Queries.ProgressAsync(w.Regulator, 2025, Ct);

        Assert.Empty(refused.Rows);
        var error = Assert.Single(refused.Errors);
        Assert.Equal(("year", "Year"), (error.Field, error.Rule));
        Assert.Empty(answered.Errors);
        Assert.Equal(DemoEnergyTargets.KeyUsers.Count, answered.Rows.Count);
    }

    [Fact]
    public async Task EnergyTargets_WarningsFromStoredData_ShowTheDemoColours()
    {
        await using var w = await EnergyWorldAsync();
        Assert.True(WarningPeriod.TryParse("2025-H1", out var period, out _));

        var table = await w.Queries.WarningsAsync(null, period, Ct);

        WarningLevel Level(string code) => table.Rows.Single(r => r.Unit.Value == code).Overall;
        Assert.Equal(WarningLevel.Green, Level("NX-YC"));
        Assert.Equal(WarningLevel.Yellow, Level("NX-SZS"));
        Assert.Equal(WarningLevel.Red, Level("NX-ZW"));
        Assert.Equal(WarningLevel.Red, Level("NX-GY"));
        Assert.DoesNotContain(table.Rows, r => r.Kind == UnitKind.KeyEnergyUser);
    }

    [Fact]
    public async Task EnergyTargets_Revision_IsANewVersionAndTheOldOneIsUnchanged()
    {
        await using var w = await EnergyWorldAsync();
        var document = DemoEnergyTargets.Plan() with { Name = "修订版（演示）" };
        Assert.True(AdoptPlan.TryParse(document, out var revise, out _));

        var outcome = await w.Handler.HandleAsync(w.Regulator, revise, Ct);

        var adopted = Assert.IsType<PlanVersion>(Assert.IsType<EnergyTargetsOutcome.Completed>(outcome).Result);
        Assert.Equal(2, adopted.Plan.Version);
        var versions = await w.Queries.PlanVersionsAsync(w.Regulator, UnitCode.From("NX"), Ct);
        Assert.Equal([2, 1], versions.Select(v => v.Plan.Version));
        Assert.NotEqual("修订版（演示）", versions[1].Plan.Name);
        Assert.Equal(2, await w.Store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter(KindPrefix: "energy.plan.adopted")), Ct));
    }

    // A plan for another region could name the demo's cities: the 晴雨表 then rated 银川 twice, against two budgets, from
    // the same statistics. A unit belongs to one region's plan.
    [Fact]
    public async Task EnergyTargets_APlanNamingAnotherRegionsUnits_IsRefusedNamingEachAndAdoptsNothing()
    {
        await using var w = await EnergyWorldAsync();
        var demo = DemoEnergyTargets.Plan();
        var other = demo with
        {
            Region = "GS",
            Units = [.. demo.Units!.Select(u => u with { Code = u.Code == "NX" ? "GS" : u.Code, Parent = u.Parent == "NX" ? "GS" : u.Parent })],
        };
        Assert.True(AdoptPlan.TryParse(other, out var adopt, out _));

        var outcome = await w.Handler.HandleAsync(w.Regulator, adopt, Ct);

        var refused = Assert.IsType<EnergyTargetsOutcome.Invalid>(outcome);
        Assert.Equal(demo.Units!.Count - 1, refused.Errors.Count);
        Assert.All(refused.Errors, e => Assert.Equal("UnitInAnotherPlan", e.Rule));
        var yinchuan = demo.Units!.Select((u, i) => (u.Code, i)).Single(u => u.Code == "NX-YC").i;
        Assert.Contains(refused.Errors, e => e.Field == $"units[{yinchuan}].code" && e.Figures.SequenceEqual(["NX-YC", "NX"]));
        Assert.Empty(await w.Queries.PlanVersionsAsync(w.Regulator, UnitCode.From("GS"), Ct));
    }

    [Fact]
    public async Task EnergyTargets_SameVersionInsertedTwice_IsAConflict()
    {
        await using var w = await EnergyWorldAsync();
        var plan = (await w.Queries.PlansAsync(w.Regulator, Ct))[0];

        await Assert.ThrowsAsync<StoreConflictException>(() => w.Store.WriteAsync(async s =>
        {
            await s.EnergyTargets.InsertPlanAsync(plan);
            return 0;
        }, Ct));
    }

    [Fact]
    public async Task EnergyTargets_LoadWithOneUnknownRegion_SavesNoRow()
    {
        await using var w = await EnergyWorldAsync();
        Assert.True(RecordStatistics.TryParse(
            [new StatisticsRow("NX-YC", 2026, 1, 1, 100m, 50m), new StatisticsRow("XX-NOWHERE", 2026, 1, 1, 100m, 50m)], out var load, out _));

        var outcome = await w.Handler.HandleAsync(w.Regulator, load, Ct);

        var refused = Assert.IsType<EnergyTargetsOutcome.RowsInvalid>(outcome);
        Assert.Equal(2, Assert.Single(refused.Errors).Row);
        Assert.Empty(await w.Queries.StatisticsAsync(w.Regulator, null, 2026, Ct));
    }

    [Fact]
    public async Task EnergyTargets_ReloadedMonth_ReplacesItAndCountsTheReplacement()
    {
        await using var w = await EnergyWorldAsync();
        Assert.True(RecordStatistics.TryParse([new StatisticsRow("NX-GY", 2025, 3, 1, 123_456.789m, 98_765.4321m)], out var load, out _));

        var outcome = await w.Handler.HandleAsync(w.Regulator, load, Ct);

        Assert.Equal(new StatisticsLoaded(1, 1), Assert.IsType<EnergyTargetsOutcome.Completed>(outcome).Result);
        var march = (await w.Queries.StatisticsAsync(w.Regulator, UnitCode.From("NX-GY"), 2025, Ct)).Single(s => s.FirstMonth == 3);
        Assert.Equal((123_456.789m, 98_765.4321m), (march.Energy.Value, march.Output.WanYuan));
    }

    [Fact]
    public async Task EnergyTargets_ScoringTheRedCity_KeepsEvidenceAndTheVeto()
    {
        await using var w = await EnergyWorldAsync();
        var measures = AssessmentSchemes.NingxiaCity.Areas.Select(a => new ScoreAssessment.MeasureForm(a.Code, a.MaxPoints, "核查记录 " + a.Code)).ToList();
        Assert.True(ScoreAssessment.TryParse(new ScoreAssessment.Form(DemoEnergyTargets.UnscoredCity, 2025, "nx-city", measures), out var score, out _));

        await w.Handler.HandleAsync(w.Regulator, score, Ct);

        var saved = (await w.Queries.AssessmentsAsync(w.Regulator, 2025, Ct)).Single(a => a.Unit.Value == DemoEnergyTargets.UnscoredCity);
        Assert.Equal(60m, saved.Result.MeasurePoints);
        Assert.Equal(Grade.NotCompleted, saved.Result.Grade);
        Assert.True(saved.AchievedPercent < 0m);
        Assert.Equal("核查记录 market", saved.Measures.Single(m => m.Area == "market").Evidence);
        var list = await w.Queries.AccountabilityAsync(null, 2025, Ct);
        Assert.Equal(Grade.NotCompleted, list.Single(r => r.Unit.Value == DemoEnergyTargets.UnscoredCity).Grade);
        Assert.All(await w.Queries.AssessmentsAsync(null, 2025, Ct), a => Assert.Empty(a.Measures));
    }

    [Fact]
    public async Task EnergyTargets_RevisionAfterARatedRound_NextRoundRatesTheNewTargets()
    {
        await using var w = await EnergyWorldAsync();
        Assert.True(WarningPeriod.TryParse("2025-H1", out var period, out _));
        var before = (await w.Queries.WarningsAsync(w.Regulator, period, Ct)).Rows.Single(r => r.Unit.Value == "NX-YC");
        var plan = DemoEnergyTargets.Plan();
        var stricter = plan with
        {
            Units = [.. plan.Units!.Select(u => u.Code != "NX-YC" ? u : u with
            {
                Years = [.. u.Years!.Select(y => y.Year == 2025 ? y with { IntensityReductionPercent = 50m } : y)],
            })],
        };
        Assert.True(AdoptPlan.TryParse(stricter, out var revise, out _));
        Assert.IsType<EnergyTargetsOutcome.Completed>(await w.Handler.HandleAsync(w.Regulator, revise, Ct));

        var after = (await w.Queries.WarningsAsync(w.Regulator, period, Ct)).Rows.Single(r => r.Unit.Value == "NX-YC");

        Assert.Equal((3.2m, WarningLevel.Green), (before.Intensity.Target, before.Overall));
        Assert.Equal((50m, WarningLevel.Red), (after.Intensity.Target, after.Overall));
    }

    [Fact]
    public async Task EnergyTargets_AdoptionRolledBackAfterItWasRead_IsNotServedLater()
    {
        await using var w = await EnergyWorldAsync();
        var first = (await w.Queries.PlansAsync(w.Regulator, Ct))[0];
        var rolledBack = new PlanVersion(first.Plan with { Version = 2, Name = "未通过的修订" }, Now, w.Regulator.UserName);
        await Assert.ThrowsAsync<InvalidOperationException>(() => w.Store.WriteAsync<int>(async s =>
        {
            await s.EnergyTargets.InsertPlanAsync(rolledBack);
            Assert.Equal("未通过的修订", (await s.EnergyTargets.LatestPlansAsync())[0].Plan.Name);
            throw new InvalidOperationException("the adoption fails after the plan was read back");
        }, Ct));
        Assert.True(AdoptPlan.TryParse(DemoEnergyTargets.Plan() with { Name = "正式修订" }, out var revise, out _));

        await w.Handler.HandleAsync(w.Regulator, revise, Ct);

        var latest = (await w.Queries.PlansAsync(w.Regulator, Ct))[0];
        Assert.Equal((2, Now, "正式修订"), (latest.Plan.Version, latest.AdoptedAt, latest.Plan.Name));
    }

    [Fact]
    public async Task EnergyTargets_RoundsReadTogether_RateAsEachRoundAlone()
    {
        await using var w = await EnergyWorldAsync();
        WarningPeriod[] periods = [WarningPeriod.Of(2025, 3), WarningPeriod.Of(2025, 6), WarningPeriod.Of(2025, 12)];

        var together = await w.Queries.WarningsAsync(w.Regulator, periods, Ct);

        Assert.Equal(periods.Length, together.Count);
        for (var i = 0; i < periods.Length; i++)
        {
            var alone = await w.Queries.WarningsAsync(w.Regulator, periods[i], Ct);
            Assert.Equal(alone.Rows.Select(r => (r.Unit, r.Overall, r.Intensity.Actual)), together[i].Rows.Select(r => (r.Unit, r.Overall, r.Intensity.Actual)));
        }
        Assert.Contains(together[1].Rows, r => r.Kind == UnitKind.KeyEnergyUser);
    }
}
