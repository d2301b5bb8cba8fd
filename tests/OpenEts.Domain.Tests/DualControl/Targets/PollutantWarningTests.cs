using OpenEts.Domain.DualControl.Monitoring;
using OpenEts.Domain.DualControl.Targets;
using Xunit;
using static OpenEts.Domain.Tests.DualControl.Targets.TargetSamples;

namespace OpenEts.Domain.Tests.DualControl.Targets;

/// <summary>
/// Hand-derived pollutant 晴雨表 ratings: NOx 1 000 t in the baseline year cut by 10 % over 2021–2025 allows 980, 960, 940,
/// 920 and 900 t in those years (20 t less each year); the 2023 H1 path is 940 × 6 ÷ 12 = 470 t, and 10 % of it is 47 t.
/// </summary>
public sealed class PollutantWarningTests
{
    private static readonly PollutantTarget Nox = new("NOx", 1000m, 10m);

    [Theory]
    [InlineData(2021, 980)]
    [InlineData(2023, 940)]
    [InlineData(2025, 900)]
    public void YearAllowance_EachPlanYear_CutsTheBaselineEvenlyToTheCap(int year, int tonnes) =>
        Assert.Equal(tonnes, PollutantWarning.YearAllowance(Nox, 2021, 2025, year));

    [Theory]
    [InlineData(2020)]
    [InlineData(2026)]
    public void YearAllowance_OutsideThePlan_IsNone(int year) => Assert.Null(PollutantWarning.YearAllowance(Nox, 2021, 2025, year));

    [Theory]
    [InlineData(400, WarningLevel.Green)]
    [InlineData(470, WarningLevel.Green)]
    [InlineData(470.001, WarningLevel.Yellow)]
    [InlineData(517, WarningLevel.Yellow)]
    [InlineData(517.001, WarningLevel.Red)]
    public void Rate_AroundTheTenPercentLine_RatesTheLoadAgainstTheLinearPath(double measured, WarningLevel expected)
    {
        var rating = PollutantWarning.Rate(Nox, 2021, 2025, WarningPeriod.Of(2023, 6), (decimal)measured);

        Assert.Equal(470m, rating.Target);
        Assert.Equal((decimal)measured - 470m, rating.Shortfall);
        Assert.Equal(expected, rating.Level);
    }

    [Fact]
    public void Rate_TenPercentOver_ShowsTheShareOfThePath() =>
        Assert.Equal(10m, PollutantWarning.Rate(Nox, 2021, 2025, WarningPeriod.Of(2023, 6), 517m).ShortfallPercentOfTarget);

    [Fact]
    public void Rate_NoMeterMeasuredIt_IsNoData() =>
        Assert.Equal(WarningLevel.NoData, PollutantWarning.Rate(Nox, 2021, 2025, WarningPeriod.Of(2023, 6), null).Level);

    [Fact]
    public void Path_AThirdOfTheCut_IsRoundedTowardZeroToTheKilogram()
    {
        // 1 000 − 100 × 1/3 = 966.666… t for 2021 of 2021–2023, rounded down to 966.666; Q1: 966.666 × 3/12 = 241.6665 → 241.666.
        Assert.Equal(966.666m, PollutantWarning.YearAllowance(Nox, 2021, 2023, 2021));
        Assert.Equal(241.666m, PollutantWarning.Path(Nox, 2021, 2023, WarningPeriod.Of(2021, 3)));
    }

    [Theory]
    [InlineData("氮氧化物", "NOx", true)]
    [InlineData("nox", "NOx", true)]
    [InlineData("二氧化硫", "SO2", true)]
    [InlineData("化学需氧量", "COD", true)]
    [InlineData("SO2", "NOx", false)]
    [InlineData("Hg", "hg", true)]
    public void PollutantNames_ChineseAndEnglishNames_MatchTheSamePollutant(string a, string b, bool same) =>
        Assert.Equal(same, PollutantNames.Same(a, b));

    [Theory]
    [InlineData("氮氧化物", "NOx")]
    [InlineData("二氧化硫", "SO2")]
    [InlineData("挥发性有机物", "VOCs")]
    [InlineData("氨 氮", "NH3-N")]
    [InlineData("汞及其化合物", "汞及其化合物")]
    public void PollutantNames_ForAnEnglishReader_AreTheUsualSymbol_OrTheNameAsWritten(string name, string symbol) =>
        Assert.Equal(symbol, PollutantNames.Symbol(name));

    [Theory]
    [InlineData(2_000_000, "kg", 2.0)]
    [InlineData(1_500, "t", 1.5)]
    [InlineData(1_000, "g", 0.000001)]
    public void PollutantMass_AMassUnit_IsConvertedToTonnes(long milli, string unit, double tonnes) =>
        Assert.Equal((decimal)tonnes, PollutantMass.Tonnes(milli, unit));

    [Fact]
    public void PollutantMass_ARate_HasNoTonnes() => Assert.Null(PollutantMass.Tonnes(1_000, "kg/h"));

    [Fact]
    public void Validate_AUnitNamingAPollutantTwice_IsADuplicatePollutant()
    {
        var plan = Province();
        var k1 = plan.Units.Single(u => u.Code.Value == "K1") with { Pollutants = [new("NOx", 50m, 10m), new("氮氧化物", 40m, 5m)] };
        var problems = (plan with { Units = [.. plan.Units.Where(u => u.Code.Value != "K1"), k1] }).Validate();

        var problem = Assert.Single(problems);
        Assert.Equal(("DuplicatePollutant", "K1"), (problem.Rule, problem.Unit));
    }

    [Fact]
    public void PollutantsOf_TheRegionAndAUnitWithABudget_AreThePlansAndTheUnitsOwn()
    {
        var plan = Province();
        var k1 = plan.Units.Single(u => u.Code.Value == "K1") with { Pollutants = [new("NOx", 50m, 10m)] };
        plan = plan with { Units = [.. plan.Units.Where(u => u.Code.Value != "K1"), k1] };

        Assert.Equal(1000m, Assert.Single(plan.PollutantsOf(plan.Root!)).BaselineTonnes);
        Assert.Equal(50m, Assert.Single(plan.PollutantsOf(k1)).BaselineTonnes);
        Assert.Empty(plan.PollutantsOf(plan.Unit(UnitCode.From("C1"))!));
        Assert.Empty(plan.Validate());
    }
}
