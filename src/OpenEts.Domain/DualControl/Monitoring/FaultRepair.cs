namespace OpenEts.Domain.DualControl.Monitoring;

/// <summary>
/// The repair rule for a meter fault: repaired within <see cref="QualityRules.RepairWorkingDays"/> (3) working days of
/// the Beijing day it was reported, otherwise escalated to the provincial platform
/// (http://www.hao3537.com/xinwendongtai/781.html).
/// </summary>
public static class FaultRepair
{
    /// <summary>The last Beijing day on which the repair is in time: the report's day plus 3 working days.</summary>
    public static DateOnly Deadline(DateOnly reportedOn) => WorkingDays.Add(reportedOn, QualityRules.RepairWorkingDays);

    /// <summary>The fault's state on <paramref name="today"/> (Beijing days).</summary>
    public static FaultState StateOn(DateOnly reportedOn, DateOnly? repairedOn, DateOnly today)
    {
        var deadline = Deadline(reportedOn);
        return repairedOn switch
        {
            { } r when r <= deadline => FaultState.Repaired,
            { } => FaultState.Escalated,
            null when today > deadline => FaultState.Escalated,
            _ => FaultState.Open,
        };
    }
}
