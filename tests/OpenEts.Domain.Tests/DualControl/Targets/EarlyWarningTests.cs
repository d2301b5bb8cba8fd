using OpenEts.Domain.DualControl.Targets;
using Xunit;
using static OpenEts.Domain.Tests.DualControl.Targets.TargetSamples;

namespace OpenEts.Domain.Tests.DualControl.Targets;

/// <summary>Hand-derived 晴雨表 ratings on each side of the 10 % line (发改办环资〔2021〕629号 levels).</summary>
public sealed class EarlyWarningTests
{
    // Intensity target 3.2 %: 10 % of it is 0.32 points, so 2.88 % achieved is exactly on the line (yellow) and 2.87 % past it (red).
    [Theory]
    [InlineData(3.2, WarningLevel.Green)]
    [InlineData(4.0, WarningLevel.Green)]
    [InlineData(3.19, WarningLevel.Yellow)]
    [InlineData(2.88, WarningLevel.Yellow)]
    [InlineData(2.87, WarningLevel.Red)]
    [InlineData(-1.0, WarningLevel.Red)]
    public void Intensity_AroundTheTenPercentLine_RatesByShortfall(double achieved, WarningLevel expected) =>
        Assert.Equal(expected, EarlyWarning.Intensity(3.2m, (decimal)achieved).Level);

    // Budget 12 000 tce for the year: the H1 linear path is 6 000; 10 % of it is 600.
    [Theory]
    [InlineData(5_000, WarningLevel.Green)]
    [InlineData(6_000, WarningLevel.Green)]
    [InlineData(6_000.001, WarningLevel.Yellow)]
    [InlineData(6_600, WarningLevel.Yellow)]
    [InlineData(6_600.001, WarningLevel.Red)]
    public void TotalEnergy_AroundTheTenPercentLine_RatesAgainstTheLinearPath(double used, WarningLevel expected)
    {
        var rating = EarlyWarning.TotalEnergy(Tce.From(12_000m), WarningPeriod.Of(2026, 6), Tce.From((decimal)used));

        Assert.Equal(6_000m, rating.Target);
        Assert.Equal(expected, rating.Level);
    }

    // Jan–Apr of 12 000: the path is 4 000 exactly (not 3 999.999… from 4 ÷ 12 taken first), so using exactly 4 000 meets it.
    [Theory]
    [InlineData(4, 4_000, WarningLevel.Green)]
    [InlineData(4, 4_000.001, WarningLevel.Yellow)]
    [InlineData(1, 1_000, WarningLevel.Green)]
    [InlineData(11, 11_000, WarningLevel.Green)]
    public void TotalEnergy_UsedExactlyOnAPathOfThirds_IsGreen(int months, double used, WarningLevel expected)
    {
        var rating = EarlyWarning.TotalEnergy(Tce.From(12_000m), WarningPeriod.Of(2026, months), Tce.From((decimal)used));

        Assert.Equal(1_000m * months, rating.Target);
        Assert.Equal(expected, rating.Level);
    }

    [Fact]
    public void Rate_IntensityFromSameMonthsOfTheYearBefore_ComputesTheFall()
    {
        // Year before Q1: 1 000 tce over 500 万元 = 2.0; this Q1: 1 000 tce over 520 万元 = 1.923…; fall = 1 − 500/520 = 3.846 %.
        var unit = Unit("C1", UnitKind.City, "NX", 12_000m, yearPercent: 3.2m, first: 2026, last: 2026);

        var warning = EarlyWarning.Rate(unit, WarningPeriod.Of(2026, 3), Figures(1_000m, 520m), Figures(1_000m, 500m));

        Assert.Equal(3.846m, decimal.Round(warning.Intensity.Actual!.Value, 3));
        Assert.Equal(WarningLevel.Green, warning.Intensity.Level);
        // Q1 path = 12 000 × 3/12 = 3 000; 1 000 used is on track.
        Assert.Equal(WarningLevel.Green, warning.TotalEnergy.Level);
        Assert.Equal(WarningLevel.Green, warning.Overall);
    }

    [Fact]
    public void Rate_IntensityRose_IsRedOverallEvenWithEnergyOnTrack()
    {
        // 1 100 tce over 500 万元 against 1 000 over 500: intensity rose 10 % (the 2021 H1 level-1 case).
        var unit = Unit("C1", UnitKind.City, "NX", 12_000m, first: 2026, last: 2026);

        var warning = EarlyWarning.Rate(unit, WarningPeriod.Of(2026, 6), Figures(1_100m, 500m), Figures(1_000m, 500m));

        Assert.Equal(-10m, warning.Intensity.Actual);
        Assert.Equal(WarningLevel.Red, warning.Overall);
    }

    [Fact]
    public void Rate_WithoutTheYearBefore_HasNoIntensityData()
    {
        var unit = Unit("C1", UnitKind.City, "NX", 12_000m, first: 2026, last: 2026);

        var warning = EarlyWarning.Rate(unit, WarningPeriod.Of(2026, 3), Figures(1_000m, 500m), null);

        Assert.Equal(WarningLevel.NoData, warning.Overall);
    }

    [Theory]
    [InlineData(1_660, WarningLevel.Exempt)]
    [InlineData(1_670, WarningLevel.Red)]
    public void Rate_KeyUserBelowNingxiaIntensityLine_IsExemptFromTotalEnergy(int used, WarningLevel expected)
    {
        // Budget 1 200 tce: the Q1 path is 300; 1 660 or 1 670 tce over 1 000 万元 (1.66 or 1.67 tce/万元) is far over it unless exempt.
        var unit = Unit("K1", UnitKind.KeyEnergyUser, "C1", 1_200m, first: 2026, last: 2026);

        var warning = EarlyWarning.Rate(unit, WarningPeriod.Of(2026, 3), Figures(used, 1_000m), Figures(used, 1_000m));

        Assert.Equal(expected, warning.TotalEnergy.Level);
    }

    [Fact]
    public void Rate_KeyUserAtSectorBenchmark_IsExemptFromTotalEnergy()
    {
        var unit = Unit("K1", UnitKind.KeyEnergyUser, "C1", 1_200m, benchmark: true, first: 2026, last: 2026);

        var warning = EarlyWarning.Rate(unit, WarningPeriod.Of(2026, 3), Figures(5_000m, 100m), Figures(5_000m, 100m));

        Assert.Equal("SectorBenchmark", warning.TotalEnergy.Exemption);
    }

    [Fact]
    public void Rate_ProvinceMeetingItsIncentiveTarget_IsExemptFromTotalEnergy()
    {
        // Incentive 4 %: a fall of 1 − 500/525 = 4.76 % meets it, so 6 000 tce against a Q1 path of 3 000 is not rated.
        var unit = Unit("NX", UnitKind.Province, null, 12_000m, incentive: 4m, first: 2026, last: 2026);

        var warning = EarlyWarning.Rate(unit, WarningPeriod.Of(2026, 3), Figures(6_000m, 525m), Figures(6_000m, 500m));

        Assert.Equal(WarningLevel.Exempt, warning.TotalEnergy.Level);
        Assert.Equal(WarningLevel.Green, warning.Overall);
    }

    [Theory]
    [InlineData("2026-Q1", 3)]
    [InlineData("2026-m4", 4)]
    [InlineData("2026-H1", 6)]
    [InlineData("2026-Q3", 9)]
    [InlineData("2026", 12)]
    public void WarningPeriod_TryParse_ReadsTheRounds(string text, int months)
    {
        Assert.True(WarningPeriod.TryParse(text, out var period, out _));
        Assert.Equal(months, period.Months);
        Assert.Equal(2026, period.Year);
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-M13")]
    [InlineData("26-Q1")]
    [InlineData("")]
    public void WarningPeriod_TryParse_RefusesOtherText(string text) => Assert.False(WarningPeriod.TryParse(text, out _, out _));
}
