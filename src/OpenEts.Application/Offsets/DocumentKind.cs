namespace OpenEts.Application.Offsets;

/// <summary>What a project document is.</summary>
public enum DocumentKind
{
    /// <summary>项目设计文件 (PDD).</summary>
    ProjectDesign = 1,

    /// <summary>审定报告: the validator's opinion and evidence.</summary>
    Validation,

    /// <summary>监测报告.</summary>
    Monitoring,

    /// <summary>核证报告: the verifier's opinion and evidence.</summary>
    Verification,

    /// <summary>Any other evidence (land titles, maps, meter records).</summary>
    Evidence,
}
