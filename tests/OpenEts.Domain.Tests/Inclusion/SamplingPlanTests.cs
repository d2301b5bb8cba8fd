using OpenEts.Domain.Inclusion;

namespace OpenEts.Domain.Tests.Inclusion;

public sealed class SamplingPlanTests
{
    [Fact]
    public void UnlimitedSize_Default_Is38416Hundredths()
    {
        // 1.96² × 0.5 × 0.5 / 0.05² = 3.8416 × 0.25 / 0.0025 = 384.16.
        Assert.Equal(384.16m, SamplingPlan.Default.UnlimitedSize);
    }

    [Theory]
    // n = ⌈384.16 / (1 + 383.16 / N)⌉, worked by hand:
    // N = 1 000 000: 384.16 / 1.00038316 = 384.0129 → 385;  N = 1 000: 384.16 / 1.38316 = 277.74 → 278;
    // N = 100: 384.16 / 4.8316 = 79.51 → 80;  N = 10: 384.16 / 39.316 = 9.77 → 10;  N = 1: 384.16 / 384.16 = 1.
    [InlineData(1_000_000L, 385L)]
    [InlineData(1_000L, 278L)]
    [InlineData(100L, 80L)]
    [InlineData(10L, 10L)]
    [InlineData(1L, 1L)]
    [InlineData(0L, 0L)]
    public void SizeFor_DefaultPlan_IsTheFinitePopulationCorrectedSize(long population, long size) =>
        Assert.Equal(size, SamplingPlan.Default.SizeFor(population));

    [Fact]
    public void SizeFor_NinetyTenPlan_IsSixtyEightForALargePopulation()
    {
        // 1.645² × 0.25 / 0.1² = 2.706025 × 25 = 67.650625; / (1 + 66.650625 / 10⁹) still rounds up to 68.
        var plan = SamplingPlan.Default with { Z = 1.645m, Precision = 0.1m };

        Assert.Equal(68, plan.SizeFor(1_000_000_000));
    }

    [Fact]
    public void Default_IsFlaggedUnconfirmedWithItsSource()
    {
        Assert.False(SamplingPlan.Default.Confirmed);
        Assert.Contains("[UNCONFIRMED]", SamplingPlan.Default.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void SizeFor_RateOutsideZeroToOne_Throws() =>
        Assert.Throws<InvalidOperationException>(() => (SamplingPlan.Default with { Precision = 0m }).SizeFor(100));
}
