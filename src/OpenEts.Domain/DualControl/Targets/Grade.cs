namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// An assessment grade (节能目标责任评价考核): 超额完成 (exceeded), 完成 (completed), 基本完成 (basically completed), 未完成
/// (not completed). Ordered from best to worst.
/// </summary>
public enum Grade
{
    Exceeded,
    Completed,
    BasicallyCompleted,
    NotCompleted,
}
