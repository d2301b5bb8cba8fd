using OpenEts.Domain.DualControl.Monitoring;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>A meter fault (故障) as reported, and its repair when recorded. Its state comes from <see cref="FaultRepair"/>.</summary>
public sealed record MeterFault(
    long Id, long MeterId, DateOnly ReportedOn, string Description, DateTimeOffset ReportedAt, string ReportedBy, DateOnly? RepairedOn,
    string? RepairNote)
{
    /// <summary>The fault's state on <paramref name="today"/> against the 3-working-day rule.</summary>
    public FaultState StateOn(DateOnly today) => FaultRepair.StateOn(ReportedOn, RepairedOn, today);
}
