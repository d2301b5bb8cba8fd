using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Tests.Inclusion;

public sealed class PublicTotalsTests
{
    private static readonly IReadOnlyList<string> Months = PublicTotals.MonthsTo(new DateOnly(2026, 11, 30));

    [Fact]
    public void MonthsTo_LastDayOfNovember_IsTwelveMonthsFromDecemberBefore() =>
        Assert.Equal(["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"],
            Months.ToArray());

    [Fact]
    public void ByBehaviourAndMonth_RowsOfTwoMonths_SumsEachBehavioursMonthAndLeavesOutOlderRows()
    {
        DailyRollup[] rows =
        [
            new(new(2026, 10, 31), Behaviour.Metro, "", 2, CarbonGrams.FromMilligrams(1_031_000), 10),
            new(new(2026, 11, 2), Behaviour.Metro, "", 2, CarbonGrams.FromMilligrams(1_031_000), 10),
            new(new(2026, 11, 3), Behaviour.Metro, "", 1, CarbonGrams.FromMilligrams(515_500), 5),
            new(new(2026, 11, 3), Behaviour.Bus, "", 1, CarbonGrams.FromMilligrams(215_200), 2),
            new(new(2025, 11, 30), Behaviour.Bus, "", 1, CarbonGrams.FromMilligrams(999_000), 9),
        ];

        var lines = PublicTotals.ByBehaviourAndMonth(rows, Months);

        // Metro: October 1031 g; November 1031 + 515.5 = 1546.5 g. Bus: November 215.2 g; the row of 2025-11 is outside.
        Assert.Equal([Behaviour.Metro, Behaviour.Bus], lines.Select(l => l.Behaviour).ToArray());
        Assert.Equal(1031m, lines[0].Reduction[10].Grams);
        Assert.Equal(1546.5m, lines[0].Reduction[11].Grams);
        Assert.Equal(215.2m, lines[1].Reduction[11].Grams);
        Assert.Equal(215.2m, lines[1].Reduction.Sum(g => g.Grams));
    }

    [Fact]
    public void ByMonth_AmountsByDay_SumIntoTheirMonths() =>
        Assert.Equal(50 + 50, PublicTotals.ByMonth([(new DateOnly(2026, 11, 1), 50L), (new DateOnly(2026, 11, 30), 50L), (new DateOnly(2024, 1, 1), 7L)], Months)[11]);
}
