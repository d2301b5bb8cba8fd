using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Allocation;

/// <summary>Who a plan covers: the sectors and the emissions threshold (t CO2 a year) at or above which an entity is in.</summary>
public sealed record PlanCoverage(IReadOnlyList<Sector> Sectors, PlanFigure Threshold)
{
    /// <summary>What the plan leaves out (e.g. Shenzhen), as text.</summary>
    public string? Excluded { get; init; }
}
