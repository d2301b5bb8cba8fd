using OpenEts.Domain.Allocation;

namespace OpenEts.Application.Allocation;

/// <summary>
/// A what-if run: the plan (after the edits), each entity's allocation and change, the totals and the cap check. It is
/// computed and shown only; nothing is stored or moved.
/// </summary>
public sealed record WhatIfResult(AllocationPlan Plan, int Year, IReadOnlyList<PlanEdit> Edits, IReadOnlyList<WhatIfRow> Rows,
    CapCheck? Baseline, CapCheck? Changed, IReadOnlyList<PlanFlag> Flags)
{
    /// <summary>Σ changed allocations.</summary>
    public long Total => Rows.Sum(r => r.Changed.Total.Value);

    /// <summary>Σ baseline allocations.</summary>
    public long BaselineTotal => Rows.Sum(r => r.Baseline.Total.Value);
}
