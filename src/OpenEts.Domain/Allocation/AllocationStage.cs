namespace OpenEts.Domain.Allocation;

/// <summary>Which allocation a result is.</summary>
public enum AllocationStage
{
    /// <summary>预分配: before the year's output is verified.</summary>
    Pre,

    /// <summary>核定: on the approved actual output; the true-up is final − pre.</summary>
    Final,
}
