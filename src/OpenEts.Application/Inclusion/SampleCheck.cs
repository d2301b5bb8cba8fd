using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// An aggregation's sample with its events and findings, and what the findings say so far (<see cref="Evaluation"/>,
/// meaningful once <see cref="Complete"/>).
/// </summary>
public sealed record SampleCheck(InclusionAggregation Aggregation, InclusionSample Sample, IReadOnlyList<SampledEvent> Events)
{
    /// <summary>Events with a finding.</summary>
    public int Checked => Events.Count(e => e.Finding is not null);

    /// <summary>True when every sampled event has a finding.</summary>
    public bool Complete => Events.All(e => e.Finding is not null);

    /// <summary>The strata's findings under the sample's plan (unchecked events count as supported until checked).</summary>
    public SampleEvaluation Evaluation => SampleEvaluation.Of(Sample.Plan, [.. Sample.Strata.Select(s =>
    {
        var events = Events.Where(e => e.Behaviour == s.Behaviour).ToList();
        var unsupported = events.Where(e => e.Finding == SampleFinding.NotSupported).ToList();
        return new SampleStratum(s.Behaviour, s.Claimed, events.Count, unsupported.Count,
            events.Aggregate(CarbonGrams.Zero, (a, e) => a + e.Reduction), unsupported.Aggregate(CarbonGrams.Zero, (a, e) => a + e.Reduction));
    })]);
}
