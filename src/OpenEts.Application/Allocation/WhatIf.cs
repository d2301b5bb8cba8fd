using OpenEts.Domain.Allocation;

namespace OpenEts.Application.Allocation;

/// <summary>
/// The what-if: runs a plan over entities with some figures changed and compares it with the plan as it is. Pure and
/// stored nowhere; the page, the API and <c>ets allocate</c> call it through <see cref="AllocationQueries.WhatIfAsync"/>.
/// Each entity is allocated finally when its year's figures are approved, and pre-allocated otherwise.
/// </summary>
public static class WhatIf
{
    /// <summary>Runs <paramref name="entities"/> under the plan of <paramref name="document"/>, then under it with <paramref name="edits"/>.</summary>
    public static bool TryRun(string document, int year, IReadOnlyList<EntityInput> entities, IReadOnlyList<PlanEdit> edits,
        out WhatIfResult? result, out IReadOnlyList<Domain.Organisations.FieldError> errors, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(entities);
        result = null;
        if (!PlanJson.TryRead(document, out var baseline, out errors))
        {
            return false;
        }
        var changedDocument = document;
        if (edits.Count > 0 && !PlanEdit.TryApply(document, edits, out changedDocument, out errors))
        {
            return false;
        }
        if (!PlanJson.TryRead(changedDocument, out var changed, out errors))
        {
            return false;
        }
        var rows = Run(baseline, changed, year, entities, progress);
        result = new WhatIfResult(changed, year, edits, rows, CapCheck.Of(baseline, year, rows.Select(r => r.Baseline)),
            CapCheck.Of(changed, year, rows.Select(r => r.Changed)), PlanFlag.Of(changedDocument!));
        return true;
    }

    /// <summary>Both allocations of every entity (parallel: the plans are immutable and the calculation pure).</summary>
    public static IReadOnlyList<WhatIfRow> Run(AllocationPlan baseline, AllocationPlan changed, int year, IReadOnlyList<EntityInput> entities,
        Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var rows = new WhatIfRow[entities.Count];
        var done = 0;
        Parallel.For(0, entities.Count, i =>
        {
            var e = entities[i];
            var stage = e.Verified is null ? AllocationStage.Pre : AllocationStage.Final;
            rows[i] = new WhatIfRow(AllocationCalculator.Allocate(baseline, year, e, stage), AllocationCalculator.Allocate(changed, year, e, stage));
            var n = Interlocked.Increment(ref done);
            if (progress is not null && (n % 256 == 0 || n == entities.Count))
            {
                progress(n, entities.Count);
            }
        });
        return rows;
    }
}
