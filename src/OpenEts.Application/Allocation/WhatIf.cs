using System.Globalization;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Allocation;

/// <summary>
/// The what-if: runs a plan over entities with some figures changed and compares it with the plan as it is. Pure and
/// stored nowhere; the page, the API and <c>ets allocate</c> call it through <see cref="AllocationQueries.WhatIfAsync"/>.
/// Each entity is allocated finally when its year's figures are approved, and pre-allocated otherwise.
/// </summary>
/// <remarks>
/// A rerun computes only what the edits touch (issue 11: a rerun after one factor change under 200 ms at 10 000
/// entities). The plan as it is and its allocations are kept between runs (<see cref="PlanCache"/>), per entity and
/// reused while the entity's inputs are the same; a changed plan is read once per document. An entity's allocation reads
/// only its own sector's section and the plan-wide sections (pre-allocation, rounding, history, power, special), so an
/// edit under <c>$.sectors[i]</c> recomputes that sector's entities only, an edit of the cap recomputes none, and any
/// other edit recomputes all. The what-if shows totals only, so it computes them without the calculation's steps
/// (<see cref="AllocationCalculator.AllocateTotals"/>): the same figures, a fraction of the objects to collect.
/// </remarks>
public static class WhatIf
{
    /// <summary>Runs <paramref name="entities"/> under the plan of <paramref name="document"/>, then under it with <paramref name="edits"/>.</summary>
    public static bool TryRun(string document, int year, IReadOnlyList<EntityInput> entities, IReadOnlyList<PlanEdit> edits,
        out WhatIfResult? result, out IReadOnlyList<FieldError> errors, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(edits);
        result = null;
        if (!PlanCache.TryRead(document, out var baseline, out errors))
        {
            return false;
        }
        var changedDocument = document;
        IReadOnlyList<string> paths = [];
        if (edits.Count > 0 && !PlanEdit.TryApply(document, edits, out changedDocument, out paths, out errors))
        {
            return false;
        }
        if (!PlanCache.TryRead(changedDocument, out var changed, out errors))
        {
            errors = PlanEdit.Named(edits, paths, errors);
            return false;
        }
        WhatIfRow[] rows;
        try
        {
            rows = Run(PlanCache.Baseline(document, baseline, year), changed, Touched(changed, paths), entities, progress);
        }
        catch (Exception e) when (e is ArithmeticException or AggregateException { InnerException: ArithmeticException })
        {
            // Figures each within the schema's bounds whose product still leaves the range of whole tonnes (a load-factor
            // band's curve, factors multiplied together): refused by name rather than a server error.
            errors = [new FieldError("set", "AllocationOutOfRange",
                "the plan's figures make an allocation larger than the registry can hold; check the benchmarks, factors and load-factor bands")];
            return false;
        }
        result = new WhatIfResult(changed, year, edits, rows, CapCheck.Of(baseline, year, rows.Select(r => r.Baseline)),
            CapCheck.Of(changed, year, rows.Select(r => r.Changed)), PlanCache.FlagsOf(changedDocument!));
        return true;
    }

    /// <summary>Both allocations of every entity, with nothing kept between calls and every entity's changed allocation computed.</summary>
    public static IReadOnlyList<WhatIfRow> Run(AllocationPlan baseline, AllocationPlan changed, int year, IReadOnlyList<EntityInput> entities,
        Action<int, int>? progress = null) =>
        Run(new BaselineAllocations(baseline, year), changed, null, entities, progress);

    /// <summary>
    /// The sectors whose entities an edit at <paramref name="paths"/> can change: null for all (an edit outside the
    /// sectors and the cap), none for an edit of the cap alone.
    /// </summary>
    public static IReadOnlySet<Sector>? Touched(AllocationPlan changed, IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(paths);
        var sectors = new HashSet<Sector>();
        foreach (var path in paths)
        {
            if (path == "$.cap" || path.StartsWith("$.cap.", StringComparison.Ordinal))
            {
                continue;
            }
            if (!path.StartsWith("$.sectors[", StringComparison.Ordinal))
            {
                return null;
            }
            var end = path.IndexOf(']', StringComparison.Ordinal);
            if (!int.TryParse(path.AsSpan(10, end - 10), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= changed.Sectors.Count)
            {
                return null;
            }
            sectors.Add(changed.Sectors[index].Sector);
        }
        return sectors;
    }

    private static WhatIfRow[] Run(BaselineAllocations baseline, AllocationPlan changed, IReadOnlySet<Sector>? touched,
        IReadOnlyList<EntityInput> entities, Action<int, int>? progress)
    {
        var rows = new WhatIfRow[entities.Count];
        var done = 0;
        void One(int i)
        {
            var e = entities[i];
            var before = baseline.Of(e);
            var after = touched is null || touched.Contains(e.Sector)
                ? AllocationCalculator.AllocateTotals(changed, baseline.Year, e, BaselineAllocations.StageOf(e))
                : before;
            rows[i] = new WhatIfRow(before, after);
            var n = Interlocked.Increment(ref done);
            if (progress is not null && (n % 256 == 0 || n == entities.Count))
            {
                progress(n, entities.Count);
            }
        }
        // On two cores the threads' overhead costs more than it saves (docs/allocation.md, Speed).
        if (Environment.ProcessorCount >= 4)
        {
            Parallel.For(0, entities.Count, One);
        }
        else
        {
            for (var i = 0; i < entities.Count; i++)
            {
                One(i);
            }
        }
        return rows;
    }
}
