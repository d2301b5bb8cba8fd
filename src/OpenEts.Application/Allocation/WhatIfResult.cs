using OpenEts.Domain.Allocation;

namespace OpenEts.Application.Allocation;

/// <summary>
/// A what-if run: the plan (after the edits), each entity's allocation and change, the totals and the cap check. It is
/// computed and shown only; nothing is stored or moved.
/// </summary>
public sealed record WhatIfResult(AllocationPlan Plan, int Year, IReadOnlyList<PlanEdit> Edits, IReadOnlyList<WhatIfRow> Rows,
    CapCheck? Baseline, CapCheck? Changed, IReadOnlyList<PlanFlag> Flags)
{
    /// <summary>Σ changed allocations, over every entity (also those whose rows a viewer may not see).</summary>
    public long Total { get; init; } = Rows.Sum(r => r.Changed.Total.Value);

    /// <summary>Σ baseline allocations, over every entity.</summary>
    public long BaselineTotal { get; init; } = Rows.Sum(r => r.Baseline.Total.Value);

    /// <summary>The entities run whose rows the viewer may not see (<see cref="AllocationQueries.MaySee"/>): counted in the totals, not listed.</summary>
    public int Withheld { get; init; }
}
