namespace OpenEts.Application.Allocation;

/// <summary>
/// A revision of a plan: a new draft version with the edited document, journalled as <c>allocation.plan.revised</c>.
/// The plan editor (<see cref="SavePlanDraft"/>, for an approved version) and a confirmed what-if
/// (<see cref="ConfirmWhatIf"/>) both revise a plan this way; the version revised is never touched.
/// </summary>
internal static class PlanRevision
{
    /// <summary>Version <paramref name="next"/> of <paramref name="revised"/>'s plan, a draft holding <paramref name="edited"/>.</summary>
    public static AllocationDecision.Write Write(AllocationWork work, StoredPlan revised, int next, string edited, object payload) =>
        new("allocation.plan.revised", AllocationWork.Subject(revised.PlanId, next), payload)
        {
            Insert = new StoredPlan(revised.PlanId, next, revised.Jurisdiction, PlanStatus.Draft, ImportPlan.Normalised(edited, next), work.Now,
                work.Actor.UserName) { UpdatedAt = work.Now },
        };

    /// <summary>The edits as the journal records them: path (or short name), value, source.</summary>
    public static object Changes(IReadOnlyList<PlanEdit> edits) => edits.Select(e => new { path = e.Target, value = e.Value, source = e.Source }).ToList();
}
