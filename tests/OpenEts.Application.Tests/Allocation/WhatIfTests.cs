using OpenEts.Application.Allocation;
using OpenEts.Domain.Allocation;
using Xunit;

namespace OpenEts.Application.Tests.Allocation;

/// <summary>
/// The what-if's rerun (issue 11: under 200 ms at 10 000 entities): totals without the calculation's steps give the same
/// figures and flags as the full calculation; an edit recomputes only the entities it can change; the plan as it is is
/// kept between runs and recomputed for an entity whose inputs changed.
/// </summary>
public sealed class WhatIfTests
{
    private static AllocationPlan Plan(string id)
    {
        Assert.True(PlanJson.TryRead(PlanJson.Shipped(id), out var plan, out var problems), string.Join("; ", problems.Select(p => p.Message)));
        return plan;
    }

    // Entities for every product of every sector of the plan, with outputs, heat, load factors, history and verified
    // emissions drawn at random, some with abnormal months or excluded years, some without a year's figures.
    private static List<EntityInput> Entities(AllocationPlan plan, int seed, int perProduct = 3)
    {
        var random = new Random(seed);
        var entities = new List<EntityInput>();
        foreach (var sector in plan.Sectors)
        {
            foreach (var product in sector.Products)
            {
                for (var i = 0; i < perProduct; i++)
                {
                    ProductInput Output() => new(product.Id, random.Next(1_000, 3_000_000)) { Heat = random.Next(0, 300_000), LoadFactor = random.Next(40, 95) / 100m,
                        AirCooled = random.Next(2) == 0, HeatRatio = random.Next(0, 30) / 100m, Unit = "#1" };
                    var history = (plan.History?.Years ?? []).Select(y => new HistoryYear(y, random.Next(10_000, 2_000_000),
                        new Dictionary<string, decimal> { [product.Id] = random.Next(1_000, 3_000_000) })).ToList();
                    entities.Add(new EntityInput($"{sector.Sector}-{product.Id}-{i}", "示范 " + i, sector.Sector)
                    {
                        Products = i == 2 ? [] : [Output()],
                        PreviousProducts = [Output()],
                        Verified = i == 2 ? null : random.Next(10_000, 3_000_000),
                        PreviousVerified = random.Next(10_000, 3_000_000),
                        History = history,
                        ExcludedYears = i == 1 && history.Count > 0 ? [history[0].Year] : [],
                        AbnormalMonths = i == 1 ? 7 : 0,
                        ProcessAllowance = random.Next(0, 5_000),
                    });
                }
            }
        }
        return entities;
    }

    [Theory]
    [InlineData("guangdong-2017", 2017)]
    [InlineData("national-power-2019-2020", 2020)]
    [InlineData("national-power-2021-2022", 2021)]
    [InlineData("national-power-2023-2024", 2023)]
    public void AllocateTotals_EveryProductOfAShippedPlan_SameFiguresAndFlagsAsTheFullCalculation(string planId, int year)
    {
        var plan = Plan(planId);

        foreach (var stage in (AllocationStage[])[AllocationStage.Pre, AllocationStage.Final])
        {
            foreach (var e in Entities(plan, seed: 7))
            {
                var full = AllocationCalculator.Allocate(plan, year, e, stage);
                var totals = AllocationCalculator.AllocateTotals(plan, year, e, stage);

                Assert.Equal((full.Exact, full.Total, full.Free, full.Paid), (totals.Exact, totals.Total, totals.Free, totals.Paid));
                Assert.Equal(full.Steps.Any(s => s.Terms.Any(t => t.Unconfirmed)), totals.Unconfirmed);
                Assert.Empty(totals.Steps);
                Assert.NotEmpty(full.Steps);
            }
        }
    }

    [Fact]
    public void TryRun_ClinkerBenchmarkChanged_RecomputesCementOnlyAndAgreesWithTheFullCalculation()
    {
        var document = PlanJson.Shipped("guangdong-2017");
        var plan = Plan("guangdong-2017");
        var entities = Entities(plan, seed: 11);
        var edit = new PlanEdit("benchmark.cement.clinker", 0.85m, "test");

        Assert.True(WhatIf.TryRun(document, 2017, entities, [edit], out var result, out var errors), string.Join("; ", errors.Select(e => e.Message)));
        Assert.True(PlanEdit.TryApply(document, [edit], out var edited, out _));
        Assert.True(PlanJson.TryRead(edited, out var changed, out _));

        foreach (var (row, e) in result!.Rows.Zip(entities))
        {
            var stage = e.Verified is null ? AllocationStage.Pre : AllocationStage.Final;
            Assert.Equal(AllocationCalculator.Allocate(changed, 2017, e, stage).Total, row.Changed.Total);
            Assert.Equal(AllocationCalculator.Allocate(plan, 2017, e, stage).Total, row.Baseline.Total);
            Assert.Equal(e.Sector != Domain.Organisations.Sector.Cement, ReferenceEquals(row.Baseline, row.Changed));
        }
        Assert.Contains(result.Rows, r => r.Change != 0);
    }

    [Fact]
    public void TryRun_ABenchmarkBeyondTheSchemasBound_IsRefusedNamingIt()
    {
        var document = PlanJson.Shipped("guangdong-2017");
        var entities = Entities(Plan("guangdong-2017"), seed: 3);

        var ran = WhatIf.TryRun(document, 2017, entities, [new PlanEdit("benchmark.power.coal-I", 99_999_999_999_999m, "test")], out var result, out var errors);

        Assert.False(ran);
        Assert.Null(result);
        Assert.Contains(errors, e => e.Field.Contains("benchmark", StringComparison.Ordinal) && e.Message.Contains("100", StringComparison.Ordinal));
    }

    [Fact]
    public void TryRun_FiguresWithinBoundsWhoseAllocationLeavesWholeTonnes_IsRefusedNotThrown()
    {
        var document = PlanJson.Shipped("guangdong-2017");
        var plan = Plan("guangdong-2017");
        var entities = Entities(plan, seed: 3);
        // An output no report could hold (MRV caps an amount at 10¹²), at a benchmark of 100: 10²¹ t.
        var huge = entities[0] with { Products = [.. entities[0].Products.Select(p => p with { Output = 10_000_000_000_000_000_000m })] };

        var ran = WhatIf.TryRun(document, 2017, [huge, .. entities.Skip(1)], [new PlanEdit("benchmark.power.coal-I", 100m, "test")], out _, out var errors);

        Assert.False(ran);
        Assert.Equal(("set", "AllocationOutOfRange"), (Assert.Single(errors).Field, errors[0].Rule));
    }

    [Fact]
    public void TryRun_Rerun_KeepsThePlanAsItIsUnlessAnEntitysInputsChanged()
    {
        var document = PlanJson.Shipped("national-power-2023-2024");
        var plan = Plan("national-power-2023-2024");
        var entities = Entities(plan, seed: 5);
        var moved = entities[0] with { Products = [.. entities[0].Products.Select(p => p with { Output = p.Output + 1_000_000m })] };
        var copy = entities[1] with { Products = [.. entities[1].Products.Select(p => p with { })] };

        WhatIf.TryRun(document, 2023, entities, [new PlanEdit("shortfall", 0.1m, "test")], out var first, out _);
        WhatIf.TryRun(document, 2023, [moved, copy, .. entities.Skip(2)], [new PlanEdit("shortfall", 0.15m, "test")], out var second, out _);

        // Entity 1 read again with equal inputs keeps its allocation; entity 0's output grew, so it is computed anew.
        Assert.Same(first!.Rows[1].Baseline, second!.Rows[1].Baseline);
        Assert.NotSame(first.Rows[0].Baseline, second.Rows[0].Baseline);
        Assert.Equal(AllocationCalculator.Allocate(plan, 2023, moved, AllocationStage.Final).Total, second.Rows[0].Baseline.Total);
        Assert.All(second.Rows.Skip(2).Zip(first.Rows.Skip(2)), p => Assert.Same(p.Second.Baseline, p.First.Baseline));
    }

    [Fact]
    public void Touched_EditsOfACapASectorOrThePlanWide_NoneThatSectorOrAll()
    {
        var plan = Plan("guangdong-2017");
        var cement = plan.Sectors.Select((s, i) => (s, i)).Single(x => x.s.Sector == Domain.Organisations.Sector.Cement).i;

        Assert.Empty(WhatIf.Touched(plan, ["$.cap.total"])!);
        Assert.Equal([Domain.Organisations.Sector.Cement], WhatIf.Touched(plan, [$"$.sectors[{cement}].products[0].benchmark"])!);
        Assert.Null(WhatIf.Touched(plan, ["$.preAllocation.share"]));
        Assert.Null(WhatIf.Touched(plan, ["$.cap.total", "$.power.shortfallCap"]));
    }
}
