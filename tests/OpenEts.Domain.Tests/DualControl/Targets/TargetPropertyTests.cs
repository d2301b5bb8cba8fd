using FsCheck;
using FsCheck.Fluent;
using OpenEts.Domain.DualControl.Targets;
using Xunit;
using static OpenEts.Domain.Tests.DualControl.Targets.TargetSamples;

namespace OpenEts.Domain.Tests.DualControl.Targets;

/// <summary>A split sums to its parent's target; grades are monotone in score (the veto aside).</summary>
public sealed class TargetPropertyTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void Split_AnyTotalAndWeights_SumsToTheParent() =>
        Check.One(Quick, Prop.ForAll(
            Arb.From(Gen.Choose(0, int.MaxValue)),
            Arb.From(Gen.Choose(0, 1_000_000).ArrayOf()),
            (int kg, int[] weights) =>
            {
                var w = weights.Select(x => (decimal)x).Append(1m).ToList();
                var total = Tce.FromKilograms(kg * 7L);
                var parts = BudgetSplit.Split(total, w);
                Assert.Equal(total.Kilograms, parts.Sum(p => p.Kilograms));
                Assert.Equal(w.Count, parts.Count);
            }));

    [Fact]
    public void Plan_BuiltBySplittingEachLevel_ValidatesAndABrokenKilogramIsCaught() =>
        Check.One(Quick, Prop.ForAll(
            Arb.From(Gen.Choose(1, 1_000_000_000)),
            Arb.From(Gen.Choose(1, 50).ArrayOf()),
            (int provinceTce, int[] cityWeights) =>
            {
                var province = Tce.From(provinceTce);
                // The province keeps one share in ten as its reserve; the rest goes to the cities; each city passes half on.
                var shares = BudgetSplit.Split(province, [1m, 9m]);
                var cities = BudgetSplit.Split(shares[1], [.. cityWeights.Select(x => (decimal)x), 1m]);
                var units = new List<TargetUnit> { Unit("NX", UnitKind.Province, null, province.Value, shares[0].Value) };
                for (var i = 0; i < cities.Count; i++)
                {
                    var halves = BudgetSplit.Split(cities[i], [1m, 1m]);
                    units.Add(Unit($"C{i}", UnitKind.City, "NX", cities[i].Value, halves[0].Value));
                    units.Add(Unit($"K{i}", UnitKind.KeyEnergyUser, $"C{i}", halves[1].Value));
                }
                var plan = Plan([.. units]) with { BaselineEnergy = province };
                Assert.Empty(plan.Validate());

                var broken = units[^1] with { Years = [.. units[^1].Years.Select(y => y with { EnergyBudget = y.EnergyBudget + Tce.From(0.001m) })] };
                var problems = (plan with { Units = [.. units.Take(units.Count - 1), broken] }).Validate();
                Assert.Contains(problems, p => p.Rule == "SplitMismatch" && p.Unit == $"C{cities.Count - 1}");
            }));

    [Fact]
    public void GradeFor_AHigherScore_NeverGivesAWorseGrade() =>
        Check.One(Quick, Prop.ForAll(
            Arb.From(Gen.Choose(-1_000, 12_000)),
            Arb.From(Gen.Choose(0, 12_000)),
            (int a, int delta) =>
            {
                foreach (var scheme in AssessmentSchemes.All)
                {
                    var low = scheme.GradeFor(a / 100m);
                    var high = scheme.GradeFor((a + delta) / 100m);
                    Assert.True(high <= low, $"{scheme.Code}: {(a + delta) / 100m} gave {high}, {a / 100m} gave {low}");
                }
            }));

    [Fact]
    public void Score_TargetMetAndMoreMeasurePoints_NeverGivesAWorseGrade() =>
        Check.One(Quick, Prop.ForAll(
            Arb.From(Gen.Choose(10_000, 20_000)),
            Arb.From(Gen.Choose(0, 6_000)),
            Arb.From(Gen.Choose(0, 6_000)),
            (int completion, int m1, int m2) =>
            {
                var scheme = AssessmentSchemes.NingxiaCity;
                decimal Measures(int m) => m / 100m;
                Dictionary<string, decimal> Spread(int m) => scheme.Areas.ToDictionary(x => x.Code, x => Math.Min(x.MaxPoints, Measures(m) * x.MaxPoints / 60m));
                var (lo, hi) = (Math.Min(m1, m2), Math.Max(m1, m2));
                var low = Assessment.Score(scheme, completion / 100m, Spread(lo));
                var high = Assessment.Score(scheme, completion / 100m, Spread(hi));
                Assert.True(high.Total >= low.Total);
                Assert.True(high.Grade <= low.Grade);
                Assert.False(high.Vetoed || low.Vetoed);
            }));
}
