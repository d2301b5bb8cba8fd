using OpenEts.Domain.DualControl.Monitoring;

namespace OpenEts.Domain.Tests.DualControl.Monitoring;

public sealed class ReadingSlotTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public void Of_HourlyStampSixtySecondsLate_IsOnTime()
    {
        var slot = ReadingSlot.Of(new DateTimeOffset(2026, 11, 30, 8, 1, 0, Beijing), MeterCadence.Hourly);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, Beijing), slot.Slot);
        Assert.Equal(TimeSpan.FromMinutes(1), slot.Offset);
        Assert.True(slot.IsOnTime);
    }

    [Fact]
    public void Of_HourlyStampSixtyOneSecondsEarly_IsOffTime()
    {
        var slot = ReadingSlot.Of(new DateTimeOffset(2026, 11, 30, 7, 58, 59, Beijing), MeterCadence.Hourly);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, Beijing), slot.Slot);
        Assert.Equal(TimeSpan.FromSeconds(-61), slot.Offset);
        Assert.False(slot.IsOnTime);
    }

    [Fact]
    public void Of_DailyStampInUtc_FallsOnBeijingMidnight()
    {
        // 16:00:30 UTC on 29 Nov is 00:00:30 on 30 Nov in Beijing.
        var slot = ReadingSlot.Of(new DateTimeOffset(2026, 11, 29, 16, 0, 30, TimeSpan.Zero), MeterCadence.Daily);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, Beijing), slot.Slot);
        Assert.Equal(new DateOnly(2026, 11, 30), QualityRules.BeijingDay(slot.Slot));
        Assert.True(slot.IsOnTime);
    }

    [Fact]
    public void MonthlyIsOnTime_WithinOneDayOfMonthEnd_IsTrueAndBeyondIsFalse()
    {
        var november = new DateOnly(2026, 11, 1);

        Assert.True(ReadingSlot.MonthlyIsOnTime(new DateTimeOffset(2026, 12, 2, 0, 0, 0, Beijing), november));
        Assert.True(ReadingSlot.MonthlyIsOnTime(new DateTimeOffset(2026, 11, 30, 0, 0, 0, Beijing), november));
        Assert.False(ReadingSlot.MonthlyIsOnTime(new DateTimeOffset(2026, 12, 2, 0, 0, 1, Beijing), november));
    }
}
