using OpenEts.Application.Identity;
using OpenEts.Application.Mrv;
using OpenEts.Application.Organisations;
using OpenEts.Application.Storage;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Allocation;

/// <summary>
/// The only way into allocation's data for everyone else: the pages, the API, the CLI and other modules (compliance
/// and the auction read the approved plan's <c>compliance</c> and <c>auction</c> sections here, and an entity's
/// allocation of a year). <see cref="MaySee"/> is the one access rule for allocations.
/// </summary>
public sealed partial class AllocationQueries(IStore store, MrvQueries mrv, OrganisationService organisations)
{
    /// <summary>True when <paramref name="actor"/> may see the allocation of <paramref name="organisation"/>: the regulator and the auditor all, a company its own.</summary>
    public static bool MaySee(Actor actor, Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(organisation);
        return actor.Role switch
        {
            Role.Regulator or Role.Auditor => true,
            Role.CompanyRepresentative => actor.OrganisationId == organisation.Id,
            _ => false,
        };
    }

    /// <summary>
    /// The approved plan that governs <paramref name="jurisdiction"/> (<c>guangdong</c>, <c>national</c>) in
    /// <paramref name="year"/>: the newest approved version of a plan whose years include it, with
    /// <see cref="AllocationPlan.Compliance"/> set to that year's rules (its deadline); null when none is approved.
    /// </summary>
    public async Task<AllocationPlan?> ApprovedPlanAsync(string jurisdiction, int year, CancellationToken ct = default) =>
        (await ApprovedVersionAsync(jurisdiction, year, ct).ConfigureAwait(false)) is { } stored
            ? Read(stored) is var plan && plan.ComplianceFor(year) is { } rules ? plan with { Compliance = rules } : Read(stored)
            : null;

    /// <summary>As <see cref="ApprovedPlanAsync"/>, with the stored version (document, flags, who approved it when).</summary>
    public Task<StoredPlan?> ApprovedVersionAsync(string jurisdiction, int year, CancellationToken ct = default) =>
        store.ReadAsync(s => ApprovedVersionAsync(s, jurisdiction, year), ct);

    /// <summary>Every version of every plan, by plan id and version.</summary>
    public Task<IReadOnlyList<StoredPlan>> PlansAsync(CancellationToken ct) => store.ReadAsync(s => s.Allocation.ListPlansAsync(), ct);

    /// <summary>One version of a plan, or null.</summary>
    public Task<StoredPlan?> PlanAsync(string planId, int version, CancellationToken ct) =>
        store.ReadAsync(s => s.Allocation.FindPlanAsync(planId, version), ct);

    /// <summary>
    /// An entity's allocation of a year (pre-allocated, final, the true-up, each with its calculation), for other modules:
    /// no actor, no access rule. Null when nothing has been run for it.
    /// </summary>
    public Task<EntityAllocationView?> AllocationAsync(CreditCode organisation, string jurisdiction, int year, CancellationToken ct) =>
        store.ReadAsync(async s => View(organisation.Value, jurisdiction, year,
            await s.Allocation.FindAllocationsAsync(jurisdiction, year, organisation.Value).ConfigureAwait(false)), ct);

    /// <summary>As <see cref="AllocationAsync"/>, when <paramref name="actor"/> may see the entity's allocation (<see cref="MaySee"/>).</summary>
    public Task<EntityAllocationView?> AllocationAsync(Actor actor, CreditCode organisation, string jurisdiction, int year, CancellationToken ct) =>
        store.ReadAsync(async s =>
        {
            var company = await s.Organisations.FindByCodeAsync(organisation).ConfigureAwait(false);
            return company is null || !MaySee(actor, company)
                ? null
                : View(organisation.Value, jurisdiction, year,
                    await s.Allocation.FindAllocationsAsync(jurisdiction, year, organisation.Value).ConfigureAwait(false));
        }, ct);

    /// <summary>
    /// The year whose approved emission report a <paramref name="stage"/> of <paramref name="year"/>'s allocation is computed
    /// from: the year itself for the final allocation (its approved output), the year before for the pre-allocation (every
    /// <see cref="PreAllocationBasis"/> is the previous year's output or emissions).
    /// </summary>
    public static int BasisYear(AllocationStage stage, int year) => stage == AllocationStage.Pre ? year - 1 : year;

    /// <summary>
    /// The approved emission report (its id) each stage of <paramref name="view"/> is computed from (<see cref="BasisYear"/>),
    /// as <paramref name="actor"/> may see it through MRV's access rule; a stage whose year has no approved report the
    /// actor may see has none.
    /// </summary>
    public async Task<IReadOnlyDictionary<AllocationStage, long>> BasisReportsAsync(Actor actor, EntityAllocationView view, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(view);
        var reports = new Dictionary<AllocationStage, long>();
        if (CreditCode.Parse(view.Organisation) is not { Success: true } code)
        {
            return reports;
        }
        foreach (var record in new[] { view.Pre, view.Final }.OfType<AllocationRecord>())
        {
            if (await mrv.ApprovedReportIdAsync(actor, code.Code, BasisYear(record.Stage, view.Year), ct).ConfigureAwait(false) is { } id)
            {
                reports[record.Stage] = id;
            }
        }
        return reports;
    }

    /// <summary>Every entity's allocation of a year that <paramref name="actor"/> may see, by credit code.</summary>
    public Task<IReadOnlyList<EntityAllocationView>> AllocationsAsync(Actor actor, string jurisdiction, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return store.ReadAsync<IReadOnlyList<EntityAllocationView>>(async s =>
        {
            var sees = await SeesAsync(s, actor).ConfigureAwait(false);
            var records = await s.Allocation.ListAllocationsAsync(jurisdiction, year).ConfigureAwait(false);
            return [.. records.Where(r => sees(r.Organisation))
                .GroupBy(r => r.Organisation).Select(g => View(g.Key, jurisdiction, year, [.. g])!)];
        }, ct);
    }

    /// <summary><see cref="MaySee"/> by credit code, for the reads that list entities by code: the actor's own organisation read once.</summary>
    private static async Task<Func<string, bool>> SeesAsync(IStoreSession s, Actor actor)
    {
        if (actor.Role is Role.Regulator or Role.Auditor)
        {
            return _ => true;
        }
        var own = actor.OrganisationId is { } id ? await s.Organisations.FindByIdAsync(id).ConfigureAwait(false) : null;
        return own is not null && MaySee(actor, own) ? code => code == own.Code.Value : _ => false;
    }

    /// <summary>
    /// The what-if as <paramref name="actor"/> may see it: every entity's row for the regulator and the auditor; for a
    /// company its own row only, for anyone else none (<see cref="MaySee"/>: an entity's allocation follows from its
    /// verified output, which its competitors may not read). A viewer who may not see every row gets the totals of the rows
    /// it sees and no cap check: the whole market's changed total, compared with the plan's for a figure changed by one,
    /// would tell a company its competitors' output (benchmark + 1 → total + Σ their output).
    /// </summary>
    public async Task<(WhatIfResult? Result, IReadOnlyList<FieldError> Errors)> WhatIfAsync(Actor actor,
        string planId, int? version, int year, IReadOnlyList<PlanEdit> edits, Action<int, int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (result, errors) = await WhatIfAsync(planId, version, year, edits, progress, ct).ConfigureAwait(false);
        if (result is null)
        {
            return (result, errors);
        }
        var sees = await store.ReadAsync(s => SeesAsync(s, actor), ct).ConfigureAwait(false);
        var seen = result.Rows.Where(r => sees(r.Changed.Code)).ToList();
        return seen.Count == result.Rows.Count
            ? (result, errors)
            : (result with
            {
                Rows = seen, Withheld = result.Rows.Count - seen.Count,
                Total = seen.Sum(r => r.Changed.Total.Value), BaselineTotal = seen.Sum(r => r.Baseline.Total.Value), Baseline = null, Changed = null,
            }, errors);
    }

    /// <summary>
    /// The what-if of <paramref name="planId"/> version <paramref name="version"/> (the newest when null) for
    /// <paramref name="year"/> with <paramref name="edits"/>, over every covered entity's approved MRV figures, with every
    /// entity's row (the CLI, run by the platform's operators on the database). Nothing is stored. Null result with
    /// errors when the plan is unknown or an edit does not apply.
    /// </summary>
    public async Task<(WhatIfResult? Result, IReadOnlyList<FieldError> Errors)> WhatIfAsync(
        string planId, int? version, int year, IReadOnlyList<PlanEdit> edits, Action<int, int>? progress, CancellationToken ct)
    {
        var stored = await WhatIfPlanAsync(planId, version, ct).ConfigureAwait(false);
        var document = stored?.Document ?? (PlanJson.ShippedPlans.Contains(planId) ? PlanJson.Shipped(planId) : null);
        if (document is null)
        {
            return (null, [new FieldError("plan", "UnknownPlan", $"plan: no plan '{planId}'{(version is null ? "" : $" version {version}")}")]);
        }
        var plan = Read(document);
        if (!plan.Years.Contains(year))
        {
            return (null, [FieldError.Of("year", "PlanYear", $"year: plan '{planId}' governs {string.Join(", ", plan.Years)}, not {year}")]);
        }
        var circumstances = await store.ReadAsync(s => s.Allocation.ListCircumstancesAsync(stored?.Jurisdiction ?? plan.Jurisdiction, year), ct)
            .ConfigureAwait(false);
        var entities = (await AllocationInputs.ReadAsync(mrv, organisations, plan, year, ct).ConfigureAwait(false))
            .Select(e => SpecialCircumstance.Apply(e, circumstances, e.Verified is null ? AllocationStage.Pre : AllocationStage.Final)).ToList();
        return WhatIf.TryRun(document, year, entities, edits, out var result, out var errors, progress) ? (result, []) : (null, errors);
    }

    /// <summary>
    /// The stored version a what-if of <paramref name="planId"/> runs on: <paramref name="version"/>, or the newest when
    /// null; null when none is stored (a shipped plan not yet imported).
    /// </summary>
    public Task<StoredPlan?> WhatIfPlanAsync(string planId, int? version, CancellationToken ct) =>
        store.ReadAsync(async s => (await s.Allocation.ListPlansAsync().ConfigureAwait(false))
            .Where(p => p.PlanId == planId && (version is null || p.Version == version)).MaxBy(p => p.Version), ct);

    /// <summary>
    /// The special circumstances recorded for a jurisdiction's year (<see cref="RecordCircumstance"/>), by entity, as
    /// <paramref name="actor"/> may see them (<see cref="MaySee"/>): the regulator and the auditor all, a company its own
    /// (another's closure, stoppage or expected energy use is not its to read).
    /// </summary>
    public Task<IReadOnlyList<SpecialCircumstance>> CircumstancesAsync(Actor actor, string jurisdiction, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return store.ReadAsync<IReadOnlyList<SpecialCircumstance>>(async s =>
        {
            var sees = await SeesAsync(s, actor).ConfigureAwait(false);
            return [.. (await s.Allocation.ListCircumstancesAsync(jurisdiction, year).ConfigureAwait(false)).Where(c => sees(c.Organisation))];
        }, ct);
    }

    /// <summary>The covered entities' inputs of a year under a plan (approved MRV figures through <see cref="MrvQueries"/>).</summary>
    public Task<IReadOnlyList<EntityInput>> InputsAsync(AllocationPlan plan, int year, CancellationToken ct) =>
        AllocationInputs.ReadAsync(mrv, organisations, plan, year, ct);

    internal static async Task<StoredPlan?> ApprovedVersionAsync(IStoreSession s, string jurisdiction, int year) =>
        (await s.Allocation.ListPlansAsync().ConfigureAwait(false))
            .Where(p => p.Jurisdiction == jurisdiction && p.Status == PlanStatus.Approved && Read(p).Years.Contains(year))
            .MaxBy(p => (p.ApprovedAt, p.Version));

    /// <summary>The plan of a stored document, read once per document.</summary>
    internal static AllocationPlan Read(StoredPlan stored) => Read(stored.Document);

    private static AllocationPlan Read(string document) =>
        PlanCache.TryRead(document, out var plan, out var problems)
            ? plan
            : throw new InvalidOperationException($"a stored plan no longer reads: {problems[0].Message}");

    private static EntityAllocationView? View(string organisation, string jurisdiction, int year, IReadOnlyList<AllocationRecord> records) =>
        records.Count == 0
            ? null
            : new EntityAllocationView(organisation, jurisdiction, year, records.FirstOrDefault(r => r.Stage == AllocationStage.Pre),
                records.FirstOrDefault(r => r.Stage == AllocationStage.Final));
}
