using OpenEts.Application.Allocation;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Organisations;

namespace OpenEts.Server.Api;

/// <summary>What the allocation API answers: plans with their flags, allocations with their calculation, runs, what-ifs.</summary>
internal static class AllocationViews
{
    public sealed record PlanSummary(string Plan, int Version, string Jurisdiction, IReadOnlyList<int> Years, PlanStatus Status, string Title,
        DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? ApprovedAt, string? ApprovedBy, int Unconfirmed)
    {
        public static PlanSummary From(StoredPlan p) => new(p.PlanId, p.Version, p.Jurisdiction, p.Plan.Years, p.Status,
            p.Plan.Title, p.CreatedAt, p.CreatedBy, p.ApprovedAt, p.ApprovedBy, p.Flags.Count);
    }

    public sealed record FlagView(string Path, string? Value, string Source, string? Note);

    /// <summary>One plan version: its summary, the document (JSON text) and every [UNCONFIRMED] figure with its path.</summary>
    public sealed record PlanView(PlanSummary Summary, string Document, IReadOnlyList<FlagView> Flags)
    {
        public static PlanView From(StoredPlan p) =>
            new(PlanSummary.From(p), p.Document, [.. p.Flags.Select(f => new FlagView(f.Path, f.Value, f.Source, f.Note))]);
    }

    /// <summary>
    /// One term of a step: <c>source</c> in English; <c>code</c> and <c>figures</c> say it as data for a client that writes it
    /// in its own language (null and empty for a calculation stored before codes existed).
    /// </summary>
    public sealed record TermView(string Name, decimal Value, string Unit, string Source, bool Unconfirmed, string? Code, IReadOnlyList<string> Figures);

    public sealed record StepView(string Step, string Formula, decimal Result, IReadOnlyList<TermView> Terms);

    /// <summary>One stage of an entity's allocation with its calculation, step by step, each term with its source and flag.</summary>
    public sealed record StageView(string Plan, int Version, long Total, long Free, long Paid, decimal Exact, bool Unconfirmed,
        IReadOnlyList<StepView> Steps, IReadOnlyList<string> Notes, DateTimeOffset? RunAt, string? RunBy)
    {
        public static StageView From(AllocationRecord r) => Of(r.Allocation, r.PlanId, r.Version, r.RunAt, r.RunBy);

        public static StageView Of(EntityAllocation a, string plan, int version, DateTimeOffset? at, string? by) =>
            new(plan, version, a.Total.Value, a.Free.Value, a.Paid.Value, a.Exact, a.Unconfirmed,
                [.. a.Steps.Select(s => new StepView(s.Step, s.Formula, s.Result,
                    [.. s.Terms.Select(t => new TermView(t.Name, t.Value, t.Unit, t.Source, t.Unconfirmed, t.Code, t.Figures))]))], a.Notes, at, by);
    }

    /// <summary>An entity's allocation of a year: pre-allocated, final and the true-up (final − pre, free allowances).</summary>
    public sealed record AllocationView(string Organisation, string Name, string Jurisdiction, int Year, StageView? Pre, StageView? Final, long? TrueUp)
    {
        public static AllocationView From(EntityAllocationView v) => new(v.Organisation, (v.Final ?? v.Pre)!.Allocation.Name, v.Jurisdiction, v.Year,
            v.Pre is { } p ? StageView.From(p) : null, v.Final is { } f ? StageView.From(f) : null, v.TrueUp?.Difference);
    }

    /// <summary>A special circumstance recorded for an entity's year: months (closure, stoppage), energy in tce (new entrant, capacity change) or the excluded history years.</summary>
    public sealed record CircumstanceView(string Organisation, CircumstanceKind Kind, int? Months, decimal? Energy, IReadOnlyList<int>? ExcludedYears,
        string Reference, DateTimeOffset RecordedAt, string RecordedBy)
    {
        public static CircumstanceView From(SpecialCircumstance c) =>
            new(c.Organisation, c.Kind, c.Months, c.Energy, c.ExcludedYears, c.Reference, c.RecordedAt, c.RecordedBy);
    }

    public sealed record RunItemView(string Organisation, string Name, string? Account, long Movement, bool Done, bool Earlier, string? Rule, string? Message);

    /// <summary>A run: per entity what was issued (+) or withdrawn (−), or the rule that stopped it; the totals.</summary>
    public sealed record RunView(string Event, AllocationStage Stage, string Jurisdiction, int Year, string Plan, int Version, long Issued, long Withdrawn,
        IReadOnlyList<RunItemView> Items)
    {
        public static RunView From(string kind, AllocationRun r) => new(kind, r.Stage, r.Jurisdiction, r.Year, r.PlanId, r.Version,
            r.Issued, r.Withdrawn, [.. r.Items.Select(i => new RunItemView(i.Organisation, i.Name, i.Account, i.Movement, i.Done, i.Earlier, i.Rule, i.Message))]);
    }

    public sealed record CapView(long Allocated, decimal Covered, decimal Total, decimal Reserve, decimal Headroom, bool Within, bool Unconfirmed)
    {
        public static CapView? From(CapCheck? c) => c is null ? null : new(c.Allocated, c.Covered, c.Total, c.Reserve, c.Headroom, c.Within, c.Unconfirmed);
    }

    public sealed record WhatIfRowView(string Organisation, string Name, Sector Sector, AllocationStage Stage, long Plan, long WhatIf, long Change, long Free,
        long Paid, bool Unconfirmed);

    /// <summary>A what-if: each entity under the plan as it is and as changed, the totals and both cap checks. Nothing was stored.</summary>
    public sealed record WhatIfView(string Plan, int Version, int Year, long Total, long PlanTotal, CapView? Cap, CapView? PlanCap,
        IReadOnlyList<WhatIfRowView> Rows, int Unconfirmed, int Withheld)
    {
        public static WhatIfView From(WhatIfResult r) => new(r.Plan.Id, r.Plan.Version, r.Year, r.Total, r.BaselineTotal, CapView.From(r.Changed),
            CapView.From(r.Baseline), [.. r.Rows.OrderBy(x => x.Changed.Code, StringComparer.Ordinal).Select(x => new WhatIfRowView(x.Changed.Code,
                x.Changed.Name, x.Changed.Sector, x.Changed.Stage, x.Baseline.Total.Value,
                x.Changed.Total.Value, x.Change, x.Changed.Free.Value, x.Changed.Paid.Value, x.Changed.Unconfirmed))], r.Flags.Count, r.Withheld);
    }
}
