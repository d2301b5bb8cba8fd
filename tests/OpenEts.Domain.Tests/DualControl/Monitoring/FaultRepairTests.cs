using OpenEts.Domain.DualControl.Monitoring;

namespace OpenEts.Domain.Tests.DualControl.Monitoring;

public sealed class FaultRepairTests
{
    // 2026-11-27 is a Friday.
    private static readonly DateOnly Friday = new(2026, 11, 27);

    [Fact]
    public void Deadline_ReportedOnFriday_IsNextWednesday()
    {
        Assert.Equal(new DateOnly(2026, 12, 2), FaultRepair.Deadline(Friday));
    }

    [Fact]
    public void StateOn_RepairedOnTheDeadline_IsRepaired()
    {
        Assert.Equal(FaultState.Repaired, FaultRepair.StateOn(Friday, new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 10)));
    }

    [Fact]
    public void StateOn_RepairedTheDayAfterTheDeadline_IsEscalated()
    {
        Assert.Equal(FaultState.Escalated, FaultRepair.StateOn(Friday, new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 10)));
    }

    [Fact]
    public void StateOn_OpenOnTheDeadline_IsOpenAndTheDayAfterIsEscalated()
    {
        Assert.Equal(FaultState.Open, FaultRepair.StateOn(Friday, null, new DateOnly(2026, 12, 2)));
        Assert.Equal(FaultState.Escalated, FaultRepair.StateOn(Friday, null, new DateOnly(2026, 12, 3)));
    }

    [Fact]
    public void RecordedInTime_CalibrationRecordedFourWorkingDaysLater_IsFalse()
    {
        // Monday 30 Nov + 3 working days = Thursday 3 Dec.
        var monday = new DateOnly(2026, 11, 30);

        Assert.True(CalibrationCheck.RecordedInTime(monday, new DateOnly(2026, 12, 3)));
        Assert.False(CalibrationCheck.RecordedInTime(monday, new DateOnly(2026, 12, 4)));
    }
}
