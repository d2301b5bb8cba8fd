using OpenEts.Application.DualControl.Targets;
using OpenEts.Domain.DualControl.Targets;
using Xunit;

namespace OpenEts.Application.Tests.DualControl.Targets;

/// <summary>
/// A city's 2025 trend, derived by hand. Budget 1 200 tce (path 100 tce a month), milestone −3.2 %. 2024: every month
/// 100 tce and 100 万元 (intensity 1). 2025: January 95 / 100, February 126 / 100, March 80 / 100, then Q2 as one quarterly
/// row 280 tce / 310 万元, nothing after June.
/// </summary>
public sealed class RegionTrendTests
{
    private static TargetUnit City(decimal budget2025) =>
        new(UnitCode.From("C1"), "C1 name", UnitKind.City, UnitCode.From("NX"), 15m, null, false,
            [new YearBudget(2024, Tce.From(1_200m), Tce.Zero, 3.2m), new YearBudget(2025, Tce.From(budget2025), Tce.Zero, 3.2m)]);

    private static EnergyStatistic Row(int year, int month, int months, decimal tce, decimal wanYuan) =>
        new(UnitCode.From("C1"), year, month, months, Tce.From(tce), EconomicOutput.FromWanYuan(wanYuan), DateTimeOffset.UnixEpoch, "regulator");

    private static EnergyBook Book() => new(
        [
            .. Enumerable.Range(1, 12).Select(m => Row(2024, m, 1, 100m, 100m)),
            Row(2025, 1, 1, 95m, 100m), Row(2025, 2, 1, 126m, 100m), Row(2025, 3, 1, 80m, 100m), Row(2025, 4, 3, 280m, 310m),
        ], []);

    [Fact]
    public void Build_MonthlyThenQuarterlyStatistics_GivesEnergyToDateAgainstThePathAndTheIntensityFall()
    {
        var trend = RegionTrend.Build(City(1_200m), Book(), 2025)!;

        Assert.Equal((1_200m, 3.2m, 12), (trend.Budget.Value, trend.IntensityTargetPercent, trend.Months.Count));
        var rows = trend.Months.Select(m => (m.Month, m.Energy?.Value, m.EnergyToDate?.Value, m.Path.Value, m.EnergyLevel, m.IntensityReductionPercent, m.IntensityLevel)).ToList();
        // January: 95 ≤ 100 green; 0.95 against 1.00 is a 5 % fall, over 3.2: green.
        Assert.Equal((1, 95m, 95m, 100m, WarningLevel.Green, 5.00m, WarningLevel.Green), rows[0]);
        // February: 221 against 200, 21 over, more than 10 % of 200: red; 221 / 200 = 1.105, a 10.5 % rise: red.
        Assert.Equal((2, 126m, 221m, 200m, WarningLevel.Red, -10.50m, WarningLevel.Red), rows[1]);
        // March: 301 against 300, 1 over, within 30: yellow; 301 / 300 is a 0.33 % rise: red.
        Assert.Equal((3, 80m, 301m, 300m, WarningLevel.Yellow, -0.33m, WarningLevel.Red), rows[2]);
        // April and May: the quarter ends in June, so January → April (or May) is not covered: no figures, the path still drawn.
        Assert.Equal((4, null, null, 400m, WarningLevel.NoData, null, WarningLevel.NoData), rows[3]);
        Assert.Equal((5, null, null, 500m, WarningLevel.NoData, null, WarningLevel.NoData), rows[4]);
        // June: 301 + 280 = 581 under 600: green; the month alone is unknown (May is); 581 / 610 = 0.95246, a 4.75 % fall: green.
        Assert.Equal((6, null, 581m, 600m, WarningLevel.Green, 4.75m, WarningLevel.Green), rows[5]);
        Assert.All(rows.Skip(6), r => Assert.Equal((r.Month, null, null, r.Month * 100m, WarningLevel.NoData, null, WarningLevel.NoData), r));
    }

    [Fact]
    public void Build_AYearEndPath_EqualsTheBudgetAndAMonthsPathIsRoundedToTheKilogram()
    {
        var path = RegionTrend.Build(City(1_000m), Book(), 2025)!.Months.Select(m => m.Path.Value).ToList();

        // 1 000 × 1 ÷ 12 = 83.3333… → 83.333; × 2 ÷ 12 = 166.6666… → 166.667; × 12 ÷ 12 = 1 000 exactly.
        Assert.Equal((83.333m, 166.667m, 250m, 1_000m), (path[0], path[1], path[2], path[11]));
    }

    [Fact]
    public void Build_AKeyUserOrAYearWithoutBudget_HasNoTrend()
    {
        var keyUser = City(1_200m) with { Kind = UnitKind.KeyEnergyUser };

        Assert.Null(RegionTrend.Build(keyUser, Book(), 2025));
        Assert.Null(RegionTrend.Build(City(1_200m), Book(), 2026));
    }

    [Fact]
    public void Build_EveryMonth_AgreesWithThatRoundsWarning()
    {
        var book = Book();
        var trend = RegionTrend.Build(City(1_200m), book, 2025)!;

        Assert.All(trend.Months, m =>
        {
            var warning = book.Warning(City(1_200m), WarningPeriod.Of(2025, m.Month));
            Assert.Equal((warning.TotalEnergy.Level, warning.Intensity.Level, warning.TotalEnergy.Actual), (m.EnergyLevel, m.IntensityLevel, m.EnergyToDate?.Value));
        });
    }
}
