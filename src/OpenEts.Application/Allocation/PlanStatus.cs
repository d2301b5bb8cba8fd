namespace OpenEts.Application.Allocation;

/// <summary>Where a plan version stands: a draft the regulator edits, or approved (immutable; a revision is a new version).</summary>
public enum PlanStatus
{
    Draft,
    Approved,
}
