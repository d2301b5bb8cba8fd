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

    [Fact]
    public void Suppress_CellsOfFewerThanKCitizens_AreZeroAndFlaggedAndTheOthersStay()
    {
        var programme = InclusionProgrammes.Shipped.InForce("guangdong-tanpuhui", new DateOnly(2026, 11, 30))!;
        var metro = new long[12];
        metro[10] = 1_031_000;
        metro[11] = 9_000_000;
        var totals = new PublicTotals(programme, Months, [new(Behaviour.Metro, [.. metro.Select(CarbonGrams.FromMilligrams)])],
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 30, 90], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 105, 525], 7, 120, 630, 0, CarbonGrams.FromMilligrams(10_031_000), [])
        {
            Donations = [new CauseTotal("tree-planting", 2, 2, 30), new CauseTotal("clean-beach", 6, 9, 90)],
        };
        // October: 3 metro riders, 3 earners, 1 redeemer; November: 6 riders, 6 earners, 5 redeemers; other months: nobody.
        var cells = Enumerable.Range(0, 12).Select(i => i switch
        {
            10 => new CellCitizens(new Dictionary<Behaviour, long> { [Behaviour.Metro] = 3 }, 3, 1),
            11 => new CellCitizens(new Dictionary<Behaviour, long> { [Behaviour.Metro] = 6 }, 6, 5),
            _ => new CellCitizens(new Dictionary<Behaviour, long>(), 0, 0),
        }).ToList();

        var shown = totals.Suppress(new MinimumGroup(5, "test", false), cells);

        Assert.Null(shown.Reductions[0].Shown(10));
        Assert.Equal(9_000m, shown.Reductions[0].Shown(11)!.Value.Grams);
        Assert.Equal(9_000m, shown.Reductions[0].Reduction.Sum(g => g.Grams));
        Assert.Equal((0L, 90L), (shown.CoinsIssued[10], shown.CoinsIssued[11]));
        Assert.Equal((true, false), (shown.RedeemedSuppressed[10], shown.RedeemedSuppressed[11]));
        Assert.False(shown.IssuedSuppressed[0]);
        Assert.Equal((7L, false), (shown.Citizens, shown.TotalsSuppressed));
        Assert.Equal([new CauseTotal("tree-planting", 0, 0, 0, Suppressed: true), new CauseTotal("clean-beach", 6, 9, 90)], shown.Donations.ToArray());
    }

    [Fact]
    public void Suppress_OneCauseWithheld_WithholdsTheDonatedTotalRatherThanAPartialSum()
    {
        var programme = InclusionProgrammes.Shipped.InForce("shenzhen-tanpuhui", new DateOnly(2026, 11, 30))!;
        var totals = new PublicTotals(programme, Months, [], new long[12], new long[12], 7, 120, 0, 0, CarbonGrams.Zero, [])
        {
            Donations = [new CauseTotal("tree-planting", 2, 2, 30), new CauseTotal("clean-beach", 6, 9, 90)],
        };
        var cells = Enumerable.Range(0, 12).Select(_ => new CellCitizens(new Dictionary<Behaviour, long>(), 0, 0)).ToList();

        var shown = totals.Suppress(new MinimumGroup(5, "test", false), cells);
        var all = totals.Suppress(new MinimumGroup(2, "test", false), cells);

        Assert.Equal((true, 0L), (shown.DonatedSuppressed, shown.Donated));
        Assert.Equal((false, 120L), (all.DonatedSuppressed, all.Donated));
    }

    [Fact]
    public void Suppress_PeriodOfFewerThanKCitizens_WithholdsItsActionsAndTonnesAndThePhcerTotal()
    {
        var programme = InclusionProgrammes.Shipped.InForce("guangdong-tanpuhui", new DateOnly(2026, 11, 30))!;
        InclusionAggregation Period(long id, int month, long citizens, decimal tonnes) => new(id, programme.Code, new DateOnly(2026, month, 1),
            new DateOnly(2026, month, 28), CarbonGrams.FromMilligrams((long)(tonnes * 1_000_000_000m)), 100, tonnes, "GD0001", id, default, "cement-a")
        {
            Citizens = citizens,
        };
        var totals = new PublicTotals(programme, Months, [], new long[12], new long[12], 9, 0, 0, 0, CarbonGrams.Zero,
            [Period(1, 10, 2, 1.5m), Period(2, 11, 7, 3.25m)]);
        var cells = Enumerable.Range(0, 12).Select(_ => new CellCitizens(new Dictionary<Behaviour, long>(), 0, 0)).ToList();

        var shown = totals.Suppress(new MinimumGroup(5, "test", false), cells);
        var all = totals.Suppress(new MinimumGroup(2, "test", false), cells);

        Assert.Equal([true, false], shown.AggregationsSuppressed.ToArray());
        Assert.Equal((0L, 0m), (shown.Aggregations[0].Actions, shown.Aggregations[0].ClaimedTonnes));
        Assert.Equal((100L, 3.25m), (shown.Aggregations[1].Actions, shown.Aggregations[1].ClaimedTonnes));
        Assert.Equal((true, 0m), (shown.PhcerSuppressed, shown.PhcerTonnes));
        Assert.Equal((false, 4.75m), (all.PhcerSuppressed, all.PhcerTonnes));
    }
}
