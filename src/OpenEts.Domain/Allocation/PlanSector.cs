using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Allocation;

/// <summary>A covered sector of a plan: its products and the free share of its allocation (the rest goes to auction).</summary>
/// <param name="Sector">The sector.</param>
/// <param name="FreeShare">Free allocation as a fraction (0.97 = 97 %); the paid share is 1 − it.</param>
/// <param name="Products">Its products, each with its method.</param>
public sealed record PlanSector(Sector Sector, PlanFigure FreeShare, IReadOnlyList<PlanProduct> Products);
