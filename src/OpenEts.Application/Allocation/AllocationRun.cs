using OpenEts.Domain.Allocation;

namespace OpenEts.Application.Allocation;

/// <summary>
/// The result of a pre-allocation or true-up run: per entity what was issued or withdrawn (or why not), and the totals.
/// Entities already done by an earlier run are listed as such and not moved again.
/// </summary>
public sealed record AllocationRun(AllocationStage Stage, string Jurisdiction, int Year, string PlanId, int Version, IReadOnlyList<AllocationRunItem> Items)
{
    /// <summary>Allowances issued to entities by this run.</summary>
    public long Issued => Items.Where(i => i.Done).Sum(i => Math.Max(0, i.Movement));

    /// <summary>Allowances withdrawn from entities by this run.</summary>
    public long Withdrawn => Items.Where(i => i.Done).Sum(i => Math.Max(0, -i.Movement));

    /// <summary>True when this run moved nothing new (every entity had been done).</summary>
    public bool NothingToDo => Items.All(i => i.Earlier || !i.Done);
}

/// <summary>
/// One entity in a run: the movement (+ issued, − withdrawn), whether it was done now or by an earlier run, or the
/// rule that stopped it (<c>NoHoldingAccount</c>, a registry rule such as <c>InsufficientHoldings</c>, <c>NoApprovedReport</c>).
/// </summary>
public sealed record AllocationRunItem(string Organisation, string Name, string? Account, long Movement, bool Done, bool Earlier, string? Rule, string? Message);
