using OpenEts.Application.Forms;
using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Server.Api;

/// <summary>What the sample and trail endpoints return: no citizen but as the sample's pseudonym.</summary>
internal static partial class InclusionViews
{
    public sealed record PlanView(decimal Z, decimal ExpectedRate, decimal Precision, decimal TolerableRate, string Source, bool Confirmed);

    public sealed record StratumView(string Behaviour, long Events, long Drawn, decimal ClaimedGrams);

    public sealed record SampledEventView(int Ordinal, string Rank, string Behaviour, string Source, string EventId, string Citizen,
        DateTimeOffset OccurredAt, decimal Quantity, decimal? Minutes, decimal ReductionGrams,
        [property: ApiEnum(typeof(SampleFinding))] string? Finding, string? Reason, DateTimeOffset? CheckedAt, string? CheckedBy);

    public sealed record EvaluationView(long Sampled, long Checked, long NotSupported, decimal EventErrorRate, decimal ClaimedGrams,
        decimal ProjectedUnsupportedGrams, decimal ProjectedRate, decimal TolerableRate, bool ExceedsTolerable, decimal VerifiedGrams);

    public sealed record SampleView(long Aggregation, string Seed, PlanView Plan, long Population, long Size, IReadOnlyList<StratumView> Strata,
        DateTimeOffset DrawnAt, string DrawnBy, bool Complete, DateTimeOffset? VerifiedAt, decimal? VerifiedGrams, EvaluationView Evaluation,
        IReadOnlyList<SampledEventView> Events);

    public sealed record TrailDayView(string Day, string Behaviour, long Actions, decimal ReductionGrams, long Citizens);

    public sealed record KeptView(string Behaviour, long Events, decimal ReductionGrams);

    public sealed record IssuanceView(DateTimeOffset At, string Class, string OwnerSerials, long OwnerQuantity, string BufferSerials, long BufferQuantity,
        string Reference);

    public sealed record ReportView(long Id, string Status, decimal ClaimedTonnes, long? VerifiedTonnes, long? IssuedToOwner, long? IssuedToBuffer,
        string? Opinion);

    public sealed record TrailView(AggregationView Aggregation, string Class, ReportView? Report, IReadOnlyList<IssuanceView> Issuances,
        IReadOnlyList<TrailDayView> Daily, IReadOnlyList<KeptView> KeptEvents, string FirstKeptDay, bool EventsPurged, SampleView? Sample);

    public static SampledEventView SampledEvent(SampledEvent e) => new(e.Ordinal, e.Rank, Behaviours.CodeOf(e.Behaviour), e.Source, e.EventId, e.Citizen,
        e.OccurredAt, e.Quantity, e.Minutes, e.Reduction.Grams, e.Finding is { } f ? ApiDocument.EnumName(f) : null, e.Reason, e.CheckedAt, e.CheckedBy);

    public static SampleView Sample(SampleCheck check)
    {
        var s = check.Sample;
        var v = check.Evaluation;
        return new SampleView(s.Aggregation, s.Seed,
            new PlanView(s.Plan.Z, s.Plan.ExpectedRate, s.Plan.Precision, s.Plan.TolerableRate, s.Plan.Source, s.Plan.Confirmed), s.Population, s.Size,
            [.. s.Strata.Select(t => new StratumView(Behaviours.CodeOf(t.Behaviour), t.Events, t.Drawn, t.Claimed.Grams))], s.DrawnAt, s.DrawnBy,
            check.Complete, s.VerifiedAt, s.Verified?.Grams,
            new EvaluationView(v.Sampled, check.Checked, v.NotSupported, v.EventErrorRate, v.Claimed.Grams, v.ProjectedUnsupported.Grams, v.ProjectedRate,
                v.TolerableRate, v.ExceedsTolerable, v.VerifiedOf(check.Aggregation.Reduction).Grams),
            [.. check.Events.Select(SampledEvent)]);
    }

    public static TrailView Trail(AggregationTrail t) => new(Aggregation(t.Aggregation), t.Class,
        t.Report is { } r ? new ReportView(r.Id, r.Status.ToString(), r.Claimed.Value, r.Verified, r.IssuedToOwner, r.IssuedToBuffer, r.Opinion) : null,
        [.. t.Issuances.Select(i => new IssuanceView(i.At, i.Class.ToString(), i.OwnerSerials, i.OwnerQuantity, i.BufferSerials, i.BufferQuantity, i.Reference))],
        [.. t.Daily.Select(d => new TrailDayView(FieldReader.DayText(d.Day), Behaviours.CodeOf(d.Behaviour), d.Actions, d.Reduction.Grams, d.Citizens))],
        [.. t.KeptEvents.Select(k => new KeptView(Behaviours.CodeOf(k.Behaviour), k.Events, k.Reduction.Grams))], FieldReader.DayText(t.FirstKeptDay), t.EventsPurged,
        t.Sample is { } s ? Sample(new SampleCheck(t.Aggregation, s, t.SampledEvents)) : null);
}
