namespace OpenEts.Application.Mrv;

/// <summary>
/// Where an annual emission report (排放报告) is in its cycle: draft → submitted (company) → assigned (the regulator
/// names a verifier) → verified (the verifier's figures) → approved (regulator); or returned with comments to the
/// company from submitted, assigned or verified.
/// </summary>
public enum ReportStatus
{
    /// <summary>草稿: the company is filling it in.</summary>
    Draft = 0,

    /// <summary>已提交: the company has filed it; the regulator assigns a verifier.</summary>
    Submitted,

    /// <summary>核查中: a verification body is assigned and reviews it.</summary>
    Assigned,

    /// <summary>已核查: the verifier recorded its figures and conclusion; the regulator approves or returns it.</summary>
    Verified,

    /// <summary>已审定: the regulator approved the verified figures; allocation and compliance read these.</summary>
    Approved,

    /// <summary>已退回: returned to the company with comments; it edits and submits again.</summary>
    Returned,
}
