using OpenEts.Domain.Inclusion;
using Xunit;
using static OpenEts.Domain.Tests.Inclusion.InclusionSamples;

namespace OpenEts.Domain.Tests.Inclusion;

public sealed partial class RewardTests
{
    private static readonly DateOnly Day = new(2026, 11, 30);

    [Fact]
    public void Apply_BusRide_CountsShenzhenReductionAndOneCoin()
    {
        var usage = new UsageLedger([]);

        var reward = Reward.Apply(Programme(), Behaviour.Bus, "card-1", Day, new ActionMeasure(12.5m), usage);

        Assert.True(reward.Counted);
        Assert.Equal(336.25m, reward.Reduction.Grams);
        Assert.Equal(1, reward.Coins);
    }

    [Fact]
    public void Apply_FourthBusRideOfTheDay_IsRefusedByTheActionCapAndCountsNothing()
    {
        var usage = new UsageLedger([]);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(Reward.Apply(Programme(), Behaviour.Bus, "card-1", Day, new ActionMeasure(5m), usage).Counted);
        }

        var fourth = Reward.Apply(Programme(), Behaviour.Bus, "card-1", Day, new ActionMeasure(5m), usage);
        var nextDay = Reward.Apply(Programme(), Behaviour.Bus, "card-1", Day.AddDays(1), new ActionMeasure(5m), usage);

        Assert.Equal("ActionCap", fourth.Refusal);
        Assert.Equal(CarbonGrams.Zero, fourth.Reduction);
        Assert.True(nextDay.Counted);
    }

    [Fact]
    public void Apply_SecondWalkOfTheDay_EarnsWhatItAddsToTheDaysStepsUpTo296GAndNoSecondThresholdCoin()
    {
        var usage = new UsageLedger([]);
        Reward.Apply(Programme(), Behaviour.Walk, "phone", Day, new ActionMeasure(8000m), usage);

        var second = Reward.Apply(Programme(), Behaviour.Walk, "phone", Day, new ActionMeasure(7000m), usage);

        Assert.Equal(136m, second.Reduction.Grams);
        Assert.Equal(0, second.Coins);
        Assert.Equal(0, second.CoinsCut);
    }

    [Fact]
    public void Apply_TwoBookingsAfterThreeBusRides_TheDailyCoinCapOfEightCutsTheSecondBooking()
    {
        var usage = new UsageLedger([new UsageRow(Day, Behaviour.Bus, "card-1", 3, 3)]);

        var first = Reward.Apply(Programme(), Behaviour.HospitalBooking, "hospital", Day, new ActionMeasure(1m), usage);
        var second = Reward.Apply(Programme(), Behaviour.HospitalBooking, "hospital", Day, new ActionMeasure(1m), usage);

        Assert.Equal(5, first.Coins);
        Assert.Equal(0, second.Coins);
        Assert.Equal(5, second.CoinsCut);
        Assert.Equal(277m, second.Reduction.Grams);
    }

    [Fact]
    public void Apply_BehaviourTheProgrammeDoesNotReward_IsRefused() =>
        Assert.Equal("NotRewarded", Reward.Apply(Programme(), Behaviour.Metro, "card", Day, new ActionMeasure(3m), new UsageLedger([])).Refusal);

    [Fact]
    public void CoinCapReached_AfterTheDaysWalkCoin_NamesTheWalkCapThatDayOnlyAndNoneForABusRide()
    {
        var usage = new UsageLedger([]);
        Reward.Apply(Programme(), Behaviour.Walk, "phone", Day, new ActionMeasure(8000m), usage);
        Reward.Apply(Programme(), Behaviour.Bus, "card-1", Day, new ActionMeasure(5m), usage);

        var walk = usage.CoinCapReached(Programme(), Day, Behaviour.Walk, "phone");

        Assert.Equal((Behaviour.Walk, 1L), (walk!.Behaviour!.Value, walk.MaxCoins!.Value));
        Assert.Null(usage.CoinCapReached(Programme(), Day.AddDays(1), Behaviour.Walk, "phone"));
        Assert.Null(usage.CoinCapReached(Programme(), Day, Behaviour.Bus, "card-1"));
    }

    [Fact]
    public void CoinCapReached_TheDaysEightCoinsAllBehaviours_NamesTheTighterOfTheCapsReached()
    {
        var usage = new UsageLedger([new UsageRow(Day, Behaviour.Walk, "phone", 1, 1), new UsageRow(Day, Behaviour.HospitalBooking, "hospital", 2, 7)]);

        var walk = usage.CoinCapReached(Programme(), Day, Behaviour.Walk, "phone");
        var booking = usage.CoinCapReached(Programme(), Day, Behaviour.HospitalBooking, "hospital");

        Assert.Equal(1, walk!.MaxCoins);
        Assert.Equal((null, 8L), (booking!.Behaviour, booking.MaxCoins!.Value));
    }
}
