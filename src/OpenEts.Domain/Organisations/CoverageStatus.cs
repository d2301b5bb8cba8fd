namespace OpenEts.Domain.Organisations;

/// <summary>
/// 纳入状态: where a company stands on the covered-entity list (纳入企业名单), which the Guangdong plan manages
/// dynamically: new entrants join during the year and closed or relocated entities leave (reference/guangdong.md §1.2).
/// </summary>
public enum CoverageStatus
{
    /// <summary>纳入: on the list.</summary>
    Covered = 0,

    /// <summary>新建项目: a new entrant.</summary>
    NewEntrant,

    /// <summary>退出: left the list (closure, relocation, below threshold).</summary>
    Left,
}
