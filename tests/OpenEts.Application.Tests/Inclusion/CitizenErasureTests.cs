using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Tests.Inclusion;

public sealed class CitizenErasureTests
{
    private static readonly DateOnly Day1 = new(2026, 11, 2);
    private static readonly DateOnly Day2 = new(2026, 11, 3);

    [Fact]
    public void MergeSources_TwoMetersOnADay_SumIntoOneRowPerDayAndBehaviour_CoinsCutIncluded()
    {
        DailyRollup[] rows =
        [
            new(Day1, Behaviour.Electricity, "meter-0417", 1, CarbonGrams.FromMilligrams(627_330), 6),
            new(Day1, Behaviour.Electricity, "meter-0418", 1, CarbonGrams.FromMilligrams(57_030), 0, CoinsCut: 3),
            new(Day1, Behaviour.Bus, "card-1", 2, CarbonGrams.FromMilligrams(430_400), 4),
            new(Day2, Behaviour.Bus, "card-1", 1, CarbonGrams.FromMilligrams(215_200), 2),
        ];

        var merged = CitizenErasure.MergeSources(rows, "erased");

        // Day 1 electricity: 627.33 g + 57.03 g = 684.36 g, 2 readings, 6 + 0 coins, and the 3 a cap cut from the second.
        Assert.Equal(3, merged.Count);
        Assert.All(merged, r => Assert.Equal("erased", r.Source));
        var power = merged.Single(r => r.Day == Day1 && r.Behaviour == Behaviour.Electricity);
        Assert.Equal((2L, 684.36m, 6L, 3L), (power.Actions, power.Reduction.Grams, power.Coins, power.CoinsCut));
        Assert.Equal(rows.Sum(r => r.Reduction.Milligrams), merged.Sum(r => r.Reduction.Milligrams));
    }

    [Fact]
    public void Forfeit_LotsPartlySpent_IsWhatRemains()
    {
        CoinLot[] lots = [new(Day1, Day1, null, 10, 0), new(Day2, Day2, null, 7, 3), new(Day2.AddDays(1), Day2.AddDays(2), null, 5, 5)];

        Assert.Equal(8, CitizenErasure.Forfeit(lots));
    }
}
