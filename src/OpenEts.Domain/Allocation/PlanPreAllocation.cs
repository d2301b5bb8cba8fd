namespace OpenEts.Domain.Allocation;

/// <summary>How a plan pre-allocates (预分配) before the year's output is verified: the basis and the share of it.</summary>
public sealed record PlanPreAllocation(PreAllocationBasis Basis, PlanFigure Share);
