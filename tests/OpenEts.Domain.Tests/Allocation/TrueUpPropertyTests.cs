using FsCheck;
using FsCheck.Fluent;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Organisations;
using Xunit;

namespace OpenEts.Domain.Tests.Allocation;

public sealed class TrueUpPropertyTests
{
    private static PlanFigure F(decimal v) => new(v, "test");

    // A benchmark plan with a free share and a pre-allocation share, both below 1, so rounding happens at every step.
    private static AllocationPlan Plan(decimal benchmark, decimal free, decimal preShare) => new("test-2017", "test", [2017], 1, "test", "GD",
        new PlanCoverage([Sector.Cement], F(0)), new PlanPreAllocation(PreAllocationBasis.PreviousYearOutput, F(preShare)),
        [new PlanSector(Sector.Cement, F(free), [new PlanProduct("clinker", "熟料", AllocationMethod.Benchmark, "clinker") { Benchmark = F(benchmark) }])]);

    [Fact]
    public void PreAllocationPlusTrueUp_AnyOutputsAndShares_EqualsTheFinalFreeAllocation() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue - 1)), (int seed) =>
            {
                var r = new Random(seed);
                var (previous, current, benchmark, free, pre) = (r.Next(0, 5_000_000), r.Next(0, 5_000_000), r.Next(1, 10_000), r.Next(0, 101), r.Next(1, 101));
                var plan = Plan(benchmark / 10_000m, free / 100m, pre / 100m);
                var entity = new EntityInput("K", "k", Sector.Cement)
                {
                    PreviousProducts = [new ProductInput("clinker", previous / 10m)],
                    Products = [new ProductInput("clinker", current / 10m)],
                };
                var preAllocation = AllocationCalculator.Allocate(plan, 2017, entity, AllocationStage.Pre);
                var final = AllocationCalculator.Allocate(plan, 2017, entity, AllocationStage.Final);
                var trueUp = TrueUp.Between(preAllocation, final);

                return preAllocation.Free.Value + trueUp.Difference == final.Free.Value
                    && preAllocation.Free.Value + trueUp.ToIssue.Value - trueUp.ToWithdraw.Value == final.Free.Value
                    && final.Free.Value + final.Paid.Value == final.Total.Value;
            }));

    [Theory]
    [InlineData("0.90", "1")]
    [InlineData("0.85", "1")]
    [InlineData("0.80", "1.007")]
    [InlineData("0.76", "1.0134")]
    [InlineData("0.70", "1.0302")]
    public void LoadFactorCorrection_GenerallyCited2019Table_GivesTheHandDerivedFactor(string f, string expected)
    {
        var table = new LoadFactorCorrection([
            new LoadFactorBand(0.80m, 0.85m, LoadFactorShape.Linear, 85m, 0.0014m),
            new LoadFactorBand(0.75m, 0.80m, LoadFactorShape.Linear, 80m, 0.0016m) { Intercept = 1.007m },
            new LoadFactorBand(0m, 0.75m, LoadFactorShape.Power, 16m, 20m) { Base = 1.015m }], "test");

        // 0.80: 1 + 0.0014 × (85 − 80) = 1.007; 0.76: 1.007 + 0.0016 × (80 − 76) = 1.0134;
        // 0.70: 1.015^(16 − 20 × 0.70) = 1.015² = 1.030225 → 1.0302 (4 places).
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            table.Factor(decimal.Parse(f, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void LoadFactorCorrection_FractionalExponent_MatchesTheSeries()
    {
        var table = new LoadFactorCorrection([new LoadFactorBand(0m, 0.65m, LoadFactorShape.Power, 16m, 20m) { Base = 1.015m }], "test")
        {
            Decimals = 6,
        };

        // F = 0.6125: exponent 16 − 12.25 = 3.75; 1.015^3.75 = e^(3.75 × ln 1.015) = e^(3.75 × 0.0148886125) = e^0.0558323
        // = 1.0574202… → 1.057420.
        Assert.Equal(1.057420m, table.Factor(0.6125m));
    }
}
