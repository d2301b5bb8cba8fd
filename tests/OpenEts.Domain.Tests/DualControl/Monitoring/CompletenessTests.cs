using OpenEts.Domain.DualControl.Monitoring;

namespace OpenEts.Domain.Tests.DualControl.Monitoring;

public sealed class CompletenessTests
{
    [Fact]
    public void IsFlagged_At899Of1000_IsTrue()
    {
        var c = Completeness.Of(899, 1000);

        Assert.True(c.IsFlagged);
        Assert.Equal(89.9m, c.Percent);
    }

    [Fact]
    public void IsFlagged_At900Of1000_IsFalse()
    {
        var c = Completeness.Of(900, 1000);

        Assert.False(c.IsFlagged);
        Assert.Equal(90.0m, c.Percent);
    }

    [Fact]
    public void IsFlagged_OneSlotShortOfNinetyPercentOfAMonthOfHourlyData_IsTrue()
    {
        // 30 days × 24 = 720 expected; 90 % of 720 = 648 exactly.
        var expected = Completeness.ExpectedSlots(MeterCadence.Hourly, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

        Assert.Equal(720, expected);
        Assert.True(Completeness.Of(647, expected).IsFlagged);
        Assert.False(Completeness.Of(648, expected).IsFlagged);
    }

    [Fact]
    public void ExpectedSlots_DailyMeterOverAWeek_IsSeven()
    {
        Assert.Equal(7, Completeness.ExpectedSlots(MeterCadence.Daily, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 7)));
        Assert.Equal(0, Completeness.ExpectedSlots(MeterCadence.Daily, new DateOnly(2026, 11, 8), new DateOnly(2026, 11, 7)));
    }

    [Fact]
    public void Sum_OfTwoMeters_JudgesTheTotal()
    {
        // 100 of 100 and 79 of 100: 179 of 200 = 89.5 % flagged, though one meter is complete.
        var unit = Completeness.Of(100, 100) + Completeness.Of(79, 100);

        Assert.Equal(179, unit.Received);
        Assert.Equal(200, unit.Expected);
        Assert.True(unit.IsFlagged);
    }

    [Fact]
    public void Of_MoreReceivedThanExpected_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Completeness.Of(11, 10));
    }

    [Fact]
    public void Default_NothingExpected_IsCompleteAndNotFlagged()
    {
        Assert.Equal(1m, default(Completeness).Ratio);
        Assert.False(default(Completeness).IsFlagged);
    }
}
