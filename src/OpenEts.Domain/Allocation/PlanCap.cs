namespace OpenEts.Domain.Allocation;

/// <summary>A plan's cap (配额总量), tonnes: the total, what goes to covered entities, and the reserve (new entrants, market adjustment).</summary>
public sealed record PlanCap(PlanFigure Total, PlanFigure Covered, PlanFigure Reserve);
