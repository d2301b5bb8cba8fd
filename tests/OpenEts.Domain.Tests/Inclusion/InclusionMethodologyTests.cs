using OpenEts.Domain.Inclusion;
using Xunit;
using static OpenEts.Domain.Tests.Inclusion.InclusionSamples;

namespace OpenEts.Domain.Tests.Inclusion;

public sealed class InclusionMethodologyTests
{
    [Fact]
    public void Quantify_ShenzhenMetroTenKilometres_Is467Grams()
    {
        var metro = Method(MethodologyFormula.Distance, P("netFactor", 46.7m));

        Assert.Equal(467m, metro.Quantify(new ActionMeasure(10m)).Grams);
    }

    [Fact]
    public void Quantify_ShenzhenElectricBus12Point345Kilometres_RoundsTowardZeroToTheMilligram()
    {
        var bus = Method(MethodologyFormula.Distance, P("netFactor", 26.9m));

        // 26.9 × 12.345 = 332.0805 g exactly; 1 mg resolution keeps it whole.
        Assert.Equal(332.080m, bus.Quantify(new ActionMeasure(12.345m)).Grams);
        Assert.Equal(332_080L, bus.Quantify(new ActionMeasure(12.345m)).Milligrams);
    }

    [Fact]
    public void Quantify_BaselineAndModeFactors_TakesTheirDifferenceTimesDistance()
    {
        var shift = Method(MethodologyFormula.Distance, P("baselineFactor", 120m), P("modeFactor", 46.7m));

        Assert.Equal((120m - 46.7m) * 8m, shift.Quantify(new ActionMeasure(8m)).Grams);
    }

    [Fact]
    public void Quantify_GuangzhouMetroOneTripByTheMeanMethod_Is515Point5Grams()
    {
        var metro = Method(MethodologyFormula.PerTrip, P("tripFactor", 0.5155m));

        Assert.Equal(515.5m, metro.Quantify(new ActionMeasure(1m)).Grams);
        Assert.Equal(0.5155m, metro.Quantify(new ActionMeasure(1m)).Kilograms);
    }

    [Fact]
    public void Quantify_ElectricityBelowTheCityBaseline_SavesAgainstTheCity()
    {
        var power = Method(MethodologyFormula.Electricity, P("cityBaseline", 2.7m), P("gridFactor", 570.3m));

        // (2.7 − 2.0) kWh × 570.3 g/kWh = 399.21 g
        Assert.Equal(399.21m, power.Quantify(new ActionMeasure(2.0m)).Grams);
    }

    [Fact]
    public void Quantify_ElectricityAboveTheCityBaseline_SavesAgainstTheUsersOwnSevenDayAverage()
    {
        var power = Method(MethodologyFormula.Electricity, P("cityBaseline", 2.7m), P("gridFactor", 570.3m));

        // above 2.7: baseline is the user's own 7-day average 4.0; (4.0 − 3.5) × 570.3 = 285.15 g
        Assert.Equal(285.15m, power.Quantify(new ActionMeasure(3.5m, OwnAverage: 4.0m)).Grams);
        Assert.Equal(CarbonGrams.Zero, power.Quantify(new ActionMeasure(3.5m)));
        Assert.Equal(CarbonGrams.Zero, power.Quantify(new ActionMeasure(5m, OwnAverage: 4.0m)));
    }

    [Fact]
    public void Quantify_Steps_CountsGramsPerStepUpToTheDailyMaximum()
    {
        var walk = Method(MethodologyFormula.Steps, P("gramsPerStep", 0.02m), P("maxGramsPerDay", 296m));

        Assert.Equal(200m, walk.Quantify(new ActionMeasure(10_000m)).Grams);
        Assert.Equal(296m, walk.Quantify(new ActionMeasure(30_000m)).Grams);
    }

    [Fact]
    public void Quantify_SolarPv_IsGenerationTimesGridFactor()
    {
        var pv = Method(MethodologyFormula.SolarPv, P("gridFactor", 570.3m));

        // 12.5 kWh × 570.3 g/kWh = 7 128.75 g
        Assert.Equal(7128.75m, pv.Quantify(new ActionMeasure(12.5m)).Grams);
    }

    [Theory]
    [InlineData(5999, 0)]
    [InlineData(6000, 1)]
    [InlineData(20000, 1)]
    public void CoinsFor_Fuzhou2018StepThreshold_GivesOneCoinFrom6000Steps(int steps, long coins) =>
        Assert.Equal(coins, Rule(CoinRuleKind.Threshold, 1, 6000).CoinsFor(new ActionMeasure(steps), CarbonGrams.Zero));

    [Theory]
    [InlineData(1999, 0)]
    [InlineData(2000, 1)]
    [InlineData(6000, 3)]
    [InlineData(7999, 3)]
    public void CoinsFor_Fuzhou2024StepRule_GivesOneCoinPer2000Steps(int steps, long coins) =>
        Assert.Equal(coins, Rule(CoinRuleKind.PerUnits, 1, 2000).CoinsFor(new ActionMeasure(steps), CarbonGrams.Zero));

    [Fact]
    public void CoinsFor_Fuzhou2024BikeRule_CountsWholeTenMinutes() =>
        Assert.Equal(2, Rule(CoinRuleKind.PerUnits, 1, 10, CoinMeasure.Minutes).CoinsFor(new ActionMeasure(3m, Minutes: 27m), CarbonGrams.Zero));

    [Fact]
    public void CoinsFor_PerGrams_FloorsTheReduction() =>
        Assert.Equal(3, Rule(CoinRuleKind.PerGrams, 1, 100).CoinsFor(new ActionMeasure(1m), CarbonGrams.RoundToMilligram(336.25m)));
}
