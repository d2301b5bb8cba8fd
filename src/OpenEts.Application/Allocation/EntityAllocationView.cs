using OpenEts.Domain.Allocation;

namespace OpenEts.Application.Allocation;

/// <summary>
/// One entity's allocation of a year as stored: the pre-allocation and the final allocation where run (each with its
/// calculation), and the true-up between them once both are.
/// </summary>
public sealed record EntityAllocationView(string Organisation, string Jurisdiction, int Year, AllocationRecord? Pre, AllocationRecord? Final)
{
    /// <summary>Final − pre (free allowances), once both are run.</summary>
    public TrueUp? TrueUp => Pre is { } p && Final is { } f ? TrueUp.Between(p.Allocation, f.Allocation) : null;

    /// <summary>The allowances allocated free so far: the final allocation's once trued up, the pre-allocation's before.</summary>
    public long FreeAllocated => (Final ?? Pre)?.Allocation.Free.Value ?? 0;
}
