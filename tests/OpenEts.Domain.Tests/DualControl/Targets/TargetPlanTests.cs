using OpenEts.Domain.DualControl.Targets;
using Xunit;
using static OpenEts.Domain.Tests.DualControl.Targets.TargetSamples;

namespace OpenEts.Domain.Tests.DualControl.Targets;

public sealed class TargetPlanTests
{
    [Fact]
    public void Validate_ASplitThatSums_HasNoProblems() => Assert.Empty(Province().Validate());

    [Fact]
    public void Validate_ACityOverItsShare_IsASplitMismatchOnTheProvince()
    {
        var plan = Province();
        plan = plan with { Units = [.. plan.Units.Select(u => u.Code.Value == "C2" ? Unit("C2", UnitKind.City, "NX", 3_000.001m, 3_000.001m) : u)] };

        var problems = plan.Validate();

        Assert.Equal(5, problems.Count);
        Assert.All(problems, p => Assert.Equal(("SplitMismatch", "NX"), (p.Rule, p.Unit)));
    }

    [Fact]
    public void Validate_AnIncreaseOverTheCap_IsRefused()
    {
        // Baseline 9 000, last-year budget 10 000: an increase of 1 000 against a cap of 999.
        var plan = Province() with { TotalEnergyIncreaseCap = Tce.From(999m) };

        Assert.Contains(plan.Validate(), p => p.Rule == "IncreaseOverCap");
    }

    [Fact]
    public void Validate_AnUnknownParentOrMissingYear_IsNamed()
    {
        var plan = Plan(Unit("NX", UnitKind.Province, null, 10_000m, 10_000m), Unit("X", UnitKind.City, "NOPE", 1m),
            Unit("C3", UnitKind.City, "NX", 0m, last: 2024));

        var rules = plan.Validate().Select(p => p.Rule).ToList();

        Assert.Contains("UnknownParent", rules);
        Assert.Contains("YearBudgetMissing", rules);
    }

    [Fact]
    public void PollutantTarget_Cap_IsBaselineLessTheCut() => Assert.Equal(900m, new PollutantTarget("COD", 1000m, 10m).CapTonnes);
}
