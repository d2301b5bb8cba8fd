namespace OpenEts.Domain.Allocation;

/// <summary>
/// The sum of allocations against the plan's cap for covered entities (Guangdong 2017: 3.99 亿t of 4.22 亿t, 0.23 亿t
/// reserve): <see cref="Headroom"/> is what is left (negative when the allocations exceed the cap).
/// </summary>
public sealed record CapCheck(long Allocated, decimal Covered, decimal Total, decimal Reserve, bool Unconfirmed)
{
    /// <summary>Covered cap − allocated, t.</summary>
    public decimal Headroom => Covered - Allocated;

    /// <summary>True when the allocations fit in the covered cap.</summary>
    public bool Within => Allocated <= Covered;

    /// <summary>The check of <paramref name="allocations"/> against <paramref name="plan"/>'s cap for <paramref name="year"/>; null when the plan has no cap.</summary>
    public static CapCheck? Of(AllocationPlan plan, int year, IEnumerable<EntityAllocation> allocations)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(allocations);
        var sum = allocations.Sum(a => a.Total.Value);
        if (plan.Cap is not { } cap)
        {
            return null;
        }
        return new CapCheck(sum, cap.Covered.For(year), cap.Total.For(year), cap.Reserve.For(year),
            cap.Covered.Unconfirmed || cap.Total.Unconfirmed || cap.Reserve.Unconfirmed);
    }
}
