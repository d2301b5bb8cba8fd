using OpenEts.Matching;

namespace OpenEts.Matching.Tests;

public sealed class InstrumentSettingsTests
{
    [Theory]
    [InlineData(10_000, 1, 1_000, 9_000, 11_000)]
    [InlineData(6_123, 1, 1_000, 5_511, 6_735)]
    [InlineData(6_123, 5, 1_000, 5_515, 6_735)]
    [InlineData(10, 1, 10_000, 1, 20)]
    public void Create_Band_RoundsInwardsToTick(long reference, long tick, int bandBp, long lower, long upper)
    {
        InstrumentSettings s = InstrumentSettings.Create("CEA-2024", reference, tickFen: tick, bandBasisPoints: bandBp);

        Assert.Equal((lower, upper), (s.LowerBandFen, s.UpperBandFen));
    }

    [Fact]
    public void Create_BandWiderThanLevelBound_Throws()
    {
        Assert.Throws<ArgumentException>(() => InstrumentSettings.Create("CCER", 100_000_000, bandBasisPoints: 1_000));
    }
}
