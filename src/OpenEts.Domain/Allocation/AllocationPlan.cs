using OpenEts.Domain.Allocation.Auction;
using OpenEts.Domain.Compliance;
using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Allocation;

/// <summary>
/// An allocation plan (配额分配实施方案) as data: one document per jurisdiction and plan period, versioned, checked
/// against plans/schema/plan.schema.json. Every number is a <see cref="PlanFigure"/> with its source and flag.
/// </summary>
/// <param name="Id">The plan's id, e.g. <c>guangdong-2017</c>, <c>national-power-2023-2024</c>.</param>
/// <param name="Jurisdiction">The jurisdiction code MRV reports use (<c>guangdong</c>, <c>national</c>).</param>
/// <param name="Years">The allocation years it governs.</param>
/// <param name="Version">Its version; an approved version never changes, a revision is the next version.</param>
/// <param name="Title">The plan's title as published.</param>
/// <param name="RegistryCode">The registry's two-letter jurisdiction of its allowances (GD → GDEA-2017, CN → CEA-2023).</param>
/// <param name="Coverage">Covered sectors and threshold.</param>
/// <param name="PreAllocation">How it pre-allocates.</param>
/// <param name="Sectors">Per sector: products, methods, free share.</param>
public sealed record AllocationPlan(
    string Id, string Jurisdiction, IReadOnlyList<int> Years, int Version, string Title, string RegistryCode,
    PlanCoverage Coverage, PlanPreAllocation PreAllocation, IReadOnlyList<PlanSector> Sectors)
{
    /// <summary>The cap and reserve; null for a plan whose total is the sum of its allocations (the national power plans).</summary>
    public PlanCap? Cap { get; init; }

    /// <summary>How exact allocations become whole allowances.</summary>
    public AllocationRounding Rounding { get; init; } = AllocationRounding.Nearest;

    /// <summary>The historical years of the historical methods; null when no product uses them.</summary>
    public PlanHistory? History { get; init; }

    /// <summary>The national power rules; null for a plan without them.</summary>
    public PowerRules? Power { get; init; }

    /// <summary>Closures, stoppages and new entrants; null when the plan has no such rules.</summary>
    public SpecialRules? Special { get; init; }

    /// <summary>The carry-over formula (national 2023–2024); null for none.</summary>
    public CarryOver? CarryOver { get; init; }

    /// <summary>
    /// The compliance and offset rules (<c>compliance</c> section) of the plan's first year; null when the plan has
    /// none. For another year of the plan use <see cref="ComplianceFor"/>, which takes its deadline from
    /// <see cref="SurrenderDeadlines"/>.
    /// </summary>
    public ComplianceRules? Compliance { get; init; }

    /// <summary>The surrender deadline of each year where the plan's years differ (national 2023: 2024-12-31; 2024: 2025-12-31).</summary>
    public IReadOnlyDictionary<int, DateOnly>? SurrenderDeadlines { get; init; }

    /// <summary>The paid-allocation (auction) rules (<c>auction</c> section); null when everything is free.</summary>
    public AuctionRules? Auction { get; init; }

    /// <summary>The compliance rules for <paramref name="year"/>: <see cref="Compliance"/> with that year's deadline.</summary>
    public ComplianceRules? ComplianceFor(int year) =>
        Compliance is { } rules && SurrenderDeadlines is { } deadlines && deadlines.TryGetValue(year, out var deadline)
            ? rules with { SurrenderDeadline = deadline }
            : Compliance;

    /// <summary>The documents the plan rests on, as text.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The sector's part of the plan, or null when the sector is not covered.</summary>
    public PlanSector? SectorOf(Sector sector)
    {
        foreach (var s in Sectors)
        {
            if (s.Sector == sector)
            {
                return s;
            }
        }
        return null;
    }
}
