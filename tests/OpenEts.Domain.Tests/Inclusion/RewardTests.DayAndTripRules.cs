using OpenEts.Domain.Inclusion;
using Xunit;
using static OpenEts.Domain.Tests.Inclusion.InclusionSamples;

namespace OpenEts.Domain.Tests.Inclusion;

// The rules that read more than the action: a day's steps summed (at most 296 g a day, cards A3), a per-trip methodology's
// one trip an action (Guangzhou metro, 0.5155 kgCO2 a trip, §4.1), and electricity's own 7-day average taken from the
// household's readings the platform holds (Shenzhen 2022, cards A1).
public sealed partial class RewardTests
{
    private static InclusionProgramme Household() => Programme() with
    {
        Behaviours =
        [
            .. Programme().Behaviours,
            new(Behaviour.Metro, Method(MethodologyFormula.PerTrip, P("tripFactor", 0.5155m)), Rule(CoinRuleKind.PerGrams, 1, 100)),
            new(Behaviour.Electricity, Method(MethodologyFormula.Electricity, P("cityBaseline", 2.7m), P("gridFactor", 570.3m)),
                Rule(CoinRuleKind.PerGrams, 1, 100)),
        ],
        Caps = [UserCap(Behaviour.Walk, CapPeriod.Day, null, 1), UserCap(Behaviour.Electricity, CapPeriod.Day, 1, null)],
    };

    [Fact]
    public void Apply_ThreeWalksOf20000StepsOnOneDay_EarnThe296GDailyMaximumOnceAndOneCoin()
    {
        var usage = new UsageLedger([]);

        var walks = Enumerable.Range(0, 3).Select(_ => Reward.Apply(Programme(), Behaviour.Walk, "phone", Day, new ActionMeasure(20_000m), usage)).ToList();

        Assert.All(walks, w => Assert.True(w.Counted));
        Assert.Equal([296m, 0m, 0m], walks.Select(w => w.Reduction.Grams));
        Assert.Equal([1L, 0L, 0L], walks.Select(w => w.Coins));
        Assert.Equal(60_000m, usage.Measured(Day, Behaviour.Walk));
    }

    [Fact]
    public void Apply_SmallWalksOfOneDayFromTwoSources_AddUpToTheThresholdCoin()
    {
        var usage = new UsageLedger([]);

        var walks = new[] { ("phone", 2500m), ("watch", 2000m), ("phone", 1500m) }
            .Select(w => Reward.Apply(Programme(), Behaviour.Walk, w.Item1, Day, new ActionMeasure(w.Item2), usage)).ToList();
        var nextDay = Reward.Apply(Programme(), Behaviour.Walk, "phone", Day.AddDays(1), new ActionMeasure(2500m), usage);

        Assert.Equal([50m, 40m, 30m], walks.Select(w => w.Reduction.Grams));
        Assert.Equal([0L, 0L, 1L], walks.Select(w => w.Coins));
        Assert.Equal(0, nextDay.Coins);
    }

    [Fact]
    public void Apply_WalksAfterTheDaysStepsReadFromTheStore_EarnOnlyWhatTheTotalAdds()
    {
        var usage = new UsageLedger([new UsageRow(Day, Behaviour.Walk, "phone", 1, 1)]);
        usage.AddMeasured(Day, Behaviour.Walk, 14_000m);

        var walk = Reward.Apply(Programme(), Behaviour.Walk, "watch", Day, new ActionMeasure(2000m), usage);

        Assert.Equal(16m, walk.Reduction.Grams);
        Assert.Equal(0, walk.Coins);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(0)]
    [InlineData(2)]
    public void Evaluate_PerTripMetroWithAQuantityOtherThanOneTrip_IsRefusedOneTripPerActionCountingNothing(int quantity)
    {
        var reward = Reward.Evaluate(Household(), Behaviour.Metro, "gate", Day, new ActionMeasure(quantity), new UsageLedger([]));

        Assert.Equal("OneTripPerAction", reward.Refusal);
        Assert.Equal(CarbonGrams.Zero, reward.Reduction);
    }

    [Fact]
    public void Evaluate_PerTripMetroOfOneTrip_Counts515Point5G()
    {
        var reward = Reward.Evaluate(Household(), Behaviour.Metro, "gate", Day, new ActionMeasure(1m, Minutes: 2m), new UsageLedger([]));

        Assert.True(reward.Counted);
        Assert.Equal(515.5m, reward.Reduction.Grams);
        Assert.Equal(5, reward.Coins);
        Assert.Equal("trips", Household().Find(Behaviour.Metro)!.Methodology.UnitOf(Behaviour.Metro));
    }

    [Fact]
    public void Evaluate_ElectricityAboveTheCityBaselineWithADeclaredOwnAverage_IgnoresTheDeclarationAndSavesNothing()
    {
        var reward = Reward.Evaluate(Household(), Behaviour.Electricity, "meter", Day, new ActionMeasure(4m, OwnAverage: 50m), new UsageLedger([]));

        Assert.True(reward.Counted);
        Assert.Equal(CarbonGrams.Zero, reward.Reduction);
    }

    [Fact]
    public void Evaluate_ElectricityAfterSevenDaysOfReadings_SavesAgainstTheirMean()
    {
        var usage = new UsageLedger([]);
        for (var back = 1; back <= 7; back++)
        {
            usage.AddMeasured(Day.AddDays(-back), Behaviour.Electricity, back % 2 == 0 ? 4m : 6m);
        }

        var reward = Reward.Evaluate(Household(), Behaviour.Electricity, "meter", Day, new ActionMeasure(4m, OwnAverage: 50m), usage);

        // Mean of 6, 4, 6, 4, 6, 4, 6 = 36 / 7 kWh; 36/7 − 4 = 8/7 kWh saved × 570.3 g/kWh = 651.771428… g, rounded toward zero.
        Assert.Equal(651.771m, reward.Reduction.Grams);
    }

    [Fact]
    public void Evaluate_ElectricityWithADayMissingFromTheSevenBefore_IsHeldToTheCityBaseline()
    {
        var usage = new UsageLedger([]);
        for (var back = 1; back <= 7; back++)
        {
            if (back != 3)
            {
                usage.AddMeasured(Day.AddDays(-back), Behaviour.Electricity, 6m);
            }
        }

        var above = Reward.Evaluate(Household(), Behaviour.Electricity, "meter", Day, new ActionMeasure(4m), usage);
        var below = Reward.Evaluate(Household(), Behaviour.Electricity, "meter", Day, new ActionMeasure(2m), usage);

        Assert.Equal(CarbonGrams.Zero, above.Reduction);
        Assert.Equal(399.21m, below.Reduction.Grams);
    }

    [Fact]
    public void Apply_SecondElectricityReadingOfTheDayFromAnotherMeter_IsRefusedByTheCitizensOneReadingADay()
    {
        var usage = new UsageLedger([]);

        var first = Reward.Apply(Household(), Behaviour.Electricity, "meter-1", Day, new ActionMeasure(2m), usage);
        var second = Reward.Apply(Household(), Behaviour.Electricity, "meter-2", Day, new ActionMeasure(2m), usage);

        Assert.True(first.Counted);
        Assert.Equal("ActionCap", second.Refusal);
    }

    [Fact]
    public void Apply_ElectricityReadingForADayWithinTheWeekBeforeACountedReading_IsRefusedReadingOutOfOrder_AWeekAndADayBeforeCounts()
    {
        var usage = new UsageLedger([]);
        var thirtieth = Reward.Apply(Household(), Behaviour.Electricity, "meter", Day, new ActionMeasure(2m), usage);

        // The 23rd lies in the 30th's week before (its own average, counted without it); the 22nd lies 8 days before, in no
        // counted reading's week.
        var late = Reward.Apply(Household(), Behaviour.Electricity, "meter", Day.AddDays(-7), new ActionMeasure(2m), usage);
        var older = Reward.Apply(Household(), Behaviour.Electricity, "meter", Day.AddDays(-8), new ActionMeasure(2m), usage);

        Assert.True(thirtieth.Counted);
        Assert.Equal(("ReadingOutOfOrder", 0L), (late.Refusal, late.Coins));
        Assert.Equal(Day, usage.LaterReading(Day.AddDays(-7), Behaviour.Electricity));
        Assert.True(older.Counted);
        Assert.Equal(399.21m, older.Reduction.Grams);
    }
}
