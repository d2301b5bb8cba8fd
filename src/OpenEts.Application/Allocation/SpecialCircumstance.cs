using OpenEts.Domain.Allocation;

namespace OpenEts.Application.Allocation;

/// <summary>The kinds of special circumstance the regulator records for an entity's year (guangdong.md §1.2, art. 14–15).</summary>
public enum CircumstanceKind
{
    /// <summary>Closure, deregistration or leaving the province (art. 14): the abnormal months' allowances are taken back.</summary>
    Closure,

    /// <summary>A voluntary stoppage (art. 15): taken back when longer than the plan's stoppage limit (Guangdong: 6 months).</summary>
    Stoppage,

    /// <summary>A new entrant: allocated its expected energy use × the plan's new-entrant factor.</summary>
    NewEntrant,

    /// <summary>Capacity added during the year: its expected energy use × the new-entrant factor, on top of the rest.</summary>
    CapacityChange,

    /// <summary>
    /// Historical years left out of the entity's history basis (an abnormal year: a long overhaul, a fire), up to the
    /// plan's <c>history.maxExcludedYears</c>; counts at the pre-allocation and at the true-up.
    /// </summary>
    HistoryExclusion,
}

/// <summary>
/// A special circumstance of one entity's year as the regulator recorded it, with the reference (a decision, a filing)
/// it rests on. The true-up and the what-if read it into the entity's <see cref="EntityInput"/>.
/// </summary>
/// <param name="Months">Abnormal months (closure, stoppage), 1–12; null otherwise.</param>
/// <param name="Energy">Expected annual energy use, tce (new entrant, capacity change); null otherwise.</param>
/// <param name="ExcludedYears">The historical years left out (history exclusion), ascending; null otherwise.</param>
public sealed record SpecialCircumstance(
    string Jurisdiction, int Year, string Organisation, CircumstanceKind Kind, int? Months, decimal? Energy, string Reference,
    DateTimeOffset RecordedAt, string RecordedBy, IReadOnlyList<int>? ExcludedYears = null)
{
    /// <summary>
    /// <paramref name="entity"/> with the <paramref name="circumstances"/> recorded for it that count at
    /// <paramref name="stage"/>: every one at the true-up (<see cref="AllocationStage.Final"/>); at the pre-allocation
    /// only the history exclusions, because the other circumstances are facts of the year itself.
    /// </summary>
    public static EntityInput Apply(EntityInput entity, IEnumerable<SpecialCircumstance> circumstances, AllocationStage stage = AllocationStage.Final)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(circumstances);
        foreach (var c in circumstances.Where(c => c.Organisation == entity.Code
            && (stage == AllocationStage.Final || c.Kind == CircumstanceKind.HistoryExclusion)))
        {
            entity = c.Kind switch
            {
                CircumstanceKind.Closure => entity with { Closed = true, AbnormalMonths = c.Months ?? 0 },
                CircumstanceKind.Stoppage => entity.Closed ? entity : entity with { AbnormalMonths = c.Months ?? 0 },
                CircumstanceKind.NewEntrant => entity with { NewEntrantEnergy = c.Energy },
                CircumstanceKind.CapacityChange => entity with { AddedCapacityEnergy = c.Energy },
                CircumstanceKind.HistoryExclusion => entity with { ExcludedYears = c.ExcludedYears ?? [] },
                _ => entity,
            };
        }
        return entity;
    }
}
