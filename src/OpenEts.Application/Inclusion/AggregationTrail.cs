using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// The audit trail of an aggregation (审计追溯), from the PHCER issued down to the events: the offsets monitoring report it
/// filed (claimed, verified, issued) and the registry's issuances for it; the aggregation; its daily sums by behaviour
/// (kept for ever); the counted events still kept (raw events are deleted after <see cref="Domain.Inclusion.RawActionRetention"/>);
/// and the verifier's sample with its findings (copies, kept for ever). <see cref="SampledEvents"/> is empty for a reader who
/// may not see events (<see cref="InclusionRoles.SampleReaders"/>); no citizen appears but as the sample's pseudonym.
/// </summary>
/// <param name="Aggregation">The aggregation.</param>
/// <param name="Report">Its monitoring report, when the reader may see the project.</param>
/// <param name="Issuances">The registry's issuances of the report's PHCER.</param>
/// <param name="Daily">The period's daily sums by behaviour.</param>
/// <param name="KeptEvents">The counted events with a reduction still kept, by behaviour.</param>
/// <param name="FirstKeptDay">The first day whose raw events are kept today; the period's earlier days have daily sums only.</param>
/// <param name="Sample">The verifier's sample, once drawn.</param>
/// <param name="SampledEvents">Its events with their findings, for a reader who may see them.</param>
public sealed record AggregationTrail(
    InclusionAggregation Aggregation, MonitoringReport? Report, IReadOnlyList<PublicIssuance> Issuances, IReadOnlyList<DailyBehaviourTotal> Daily,
    IReadOnlyList<EventStratum> KeptEvents, DateOnly FirstKeptDay, InclusionSample? Sample, IReadOnlyList<SampledEvent> SampledEvents)
{
    /// <summary>The unit class its PHCER are issued in (<c>PHCER-GD0001-2026</c>).</summary>
    public string Class => $"PHCER-{Aggregation.PhcerProject}-{Aggregation.PeriodEnd.Year}";

    /// <summary>True when some of the period's raw events are past retention (deleted).</summary>
    public bool EventsPurged => Aggregation.PeriodStart < FirstKeptDay;
}
