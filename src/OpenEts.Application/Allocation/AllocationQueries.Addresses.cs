using OpenEts.Application.Forms;
using OpenEts.Application.Identity;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Allocation;

// The reads behind a page's address (?id=, ?code=): what was found, or what was wrong with the address, named by field.
public sealed partial class AllocationQueries
{
    /// <summary>
    /// Version <paramref name="version"/> of plan <paramref name="planId"/>, or null with why: no plan given
    /// (<c>Required</c>, field <c>id</c>), or no such plan or version (<c>UnknownPlan</c>, under
    /// <paramref name="versionField"/>, naming the plan and version asked for).
    /// </summary>
    public async Task<(StoredPlan? Found, FieldError? Error)> PlanOfAsync(string? planId, int version, string versionField,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(planId))
        {
            return (null, new FieldError("id", "Required", "id is required (a plan, e.g. guangdong-2017)"));
        }
        var found = await PlanAsync(planId, version, ct).ConfigureAwait(false);
        return (found, found is not null ? null : FieldError.Of(versionField, "UnknownPlan", $"no plan '{planId}' version {version}"));
    }

    /// <summary>
    /// The allocation of the entity <paramref name="code"/> in <paramref name="jurisdiction"/>'s <paramref name="year"/> as
    /// <paramref name="actor"/> may see it (<see cref="MaySee"/>), or null with why: no entity given (<c>Required</c>),
    /// no credit code (<c>CreditCode</c>, as typed), or none the actor may see (<c>NoAllocation</c>, as typed). A company
    /// that gives no code reads its own (<c>NoOwnAllocation</c> when it has none that year).
    /// </summary>
    public async Task<(EntityAllocationView? Found, FieldError? Error)> AllocationOfAsync(Actor actor, string? code,
        string jurisdiction, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(code) && actor.Role == Role.CompanyRepresentative)
        {
            // A company's own allocation needs no code; a company that has none is told so for the year asked.
            var mine = await AllocationsAsync(actor, jurisdiction, year, ct).ConfigureAwait(false);
            var own = mine.Count > 0 ? mine[0] : null;
            return (own, own is not null ? null
                : FieldError.Of("year", "NoOwnAllocation", $"your organisation has no allocation in {jurisdiction} {year}"));
        }
        if (string.IsNullOrWhiteSpace(code))
        {
            return (null, new FieldError("code", "Required", "code is required (an entity's credit code)"));
        }
        var typed = code.Trim();
        if (CreditCode.Parse(typed) is not { Success: true } parsed)
        {
            return (null, FieldError.Of("code", "CreditCode", $"'{typed}' is no credit code"));
        }
        var found = await AllocationAsync(actor, parsed.Code, jurisdiction, year, ct).ConfigureAwait(false);
        return (found, found is not null ? null
            : FieldError.Of("code", "NoAllocation", $"no allocation of '{typed}' in {jurisdiction} {year} that you may see"));
    }

    /// <summary>
    /// Why a pre-allocation or true-up of <paramref name="jurisdiction"/>'s <paramref name="year"/> would be refused before
    /// it starts (<see cref="AllocationRunHandler"/>'s own check: no approved plan governs it), or null when it may run.
    /// </summary>
    public async Task<AllocationCommandOutcome.Refused?> RunRefusalAsync(string jurisdiction, int year, CancellationToken ct) =>
        AllocationRunHandler.Ungoverned(await ApprovedVersionAsync(jurisdiction, year, ct).ConfigureAwait(false),
            await PlansAsync(ct).ConfigureAwait(false), jurisdiction, year);

    /// <summary>
    /// The plans, and the jurisdiction an allocation page shows for the address's <paramref name="jurisdiction"/>: the
    /// plan's spelling of the one typed (any case), or, when no plan is of it, the one typed with why
    /// (<c>UnknownValue</c>, field <c>jurisdiction</c>, naming those that have a plan). With no plan at all, whatever is
    /// typed stands.
    /// </summary>
    public async Task<(IReadOnlyList<StoredPlan> Plans, string Jurisdiction, FieldError? Error)> ChooseJurisdictionAsync(
        string jurisdiction, CancellationToken ct)
    {
        var plans = await PlansAsync(ct).ConfigureAwait(false);
        var codes = plans.Select(p => p.Jurisdiction).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            return (plans, jurisdiction, null);
        }
        var read = new FieldReader();
        return read.Among(jurisdiction, "jurisdiction", codes) is { } known
            ? (plans, known, null)
            : (plans, jurisdiction, read.Errors[0]);
    }
}
