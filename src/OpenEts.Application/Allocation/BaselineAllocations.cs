using System.Collections.Concurrent;
using OpenEts.Domain.Allocation;

namespace OpenEts.Application.Allocation;

/// <summary>
/// One plan's allocations in one year, kept per entity with the inputs they were computed from: an entity whose inputs
/// are the same as last time gets the kept allocation, any other is computed (and kept). Safe for concurrent use.
/// </summary>
internal sealed class BaselineAllocations(AllocationPlan plan, int year)
{
    private readonly ConcurrentDictionary<string, (EntityInput Input, EntityAllocation Allocation)> _kept = new(StringComparer.Ordinal);

    public int Year { get; } = year;

    /// <summary>Final when the year's figures are approved, pre-allocation otherwise (as the what-if runs each entity).</summary>
    public static AllocationStage StageOf(EntityInput entity) => entity.Verified is null ? AllocationStage.Pre : AllocationStage.Final;

    /// <summary>The entity's allocation under the plan.</summary>
    public EntityAllocation Of(EntityInput entity)
    {
        if (_kept.TryGetValue(entity.Code, out var kept) && Same(kept.Input, entity))
        {
            return kept.Allocation;
        }
        var allocation = AllocationCalculator.AllocateTotals(plan, Year, entity, StageOf(entity));
        _kept[entity.Code] = (entity, allocation);
        return allocation;
    }

    // Records compare their lists by reference; the inputs are read afresh each time, so compare the lists' items.
    private static bool Same(EntityInput a, EntityInput b) =>
        ReferenceEquals(a, b)
        || (a with { Products = b.Products, PreviousProducts = b.PreviousProducts, History = b.History, ExcludedYears = b.ExcludedYears } == b
            && a.Products.SequenceEqual(b.Products) && a.PreviousProducts.SequenceEqual(b.PreviousProducts)
            && a.ExcludedYears.SequenceEqual(b.ExcludedYears) && a.History.Count == b.History.Count
            && a.History.Zip(b.History).All(h => h.First.Year == h.Second.Year && h.First.Emissions == h.Second.Emissions
                && h.First.Outputs.Count == h.Second.Outputs.Count
                && h.First.Outputs.All(o => h.Second.Outputs.TryGetValue(o.Key, out var v) && v == o.Value)));
}
