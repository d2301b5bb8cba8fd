using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// The sample the verifier drew of an aggregation's events (核查样本): the seed (the SHA-256 of the aggregation's figures,
/// so anyone can redraw it), the plan, the events the draw ran over (<paramref name="Population"/>: the counted events with
/// a reduction still kept in the period) and its strata, who drew it and for which verifier organisation, and — once
/// verified — the evaluation the verification stated.
/// </summary>
/// <param name="Aggregation">The aggregation's id.</param>
/// <param name="Seed">The seed, 64 hex digits.</param>
/// <param name="Plan">The sampling plan drawn under.</param>
/// <param name="Population">Events drawn from.</param>
/// <param name="Size">Events drawn (the plan's size, raised where a behaviour would have had none).</param>
/// <param name="Strata">Per behaviour: events, events drawn, the reduction claimed (the period's daily sums).</param>
/// <param name="DrawnAt">When it was drawn.</param>
/// <param name="DrawnBy">The verifier who drew it.</param>
/// <param name="VerifierOrganisationId">The verifier's organisation: only its verifiers record findings and verify.</param>
public sealed record InclusionSample(
    long Aggregation, string Seed, SamplingPlan Plan, long Population, long Size, IReadOnlyList<SampleStratumPlan> Strata,
    DateTimeOffset DrawnAt, string DrawnBy, long VerifierOrganisationId)
{
    /// <summary>When the aggregation was verified on this sample; null before.</summary>
    public DateTimeOffset? VerifiedAt { get; init; }

    /// <summary>The claim projected to be unsupported, as the verification stated it.</summary>
    public CarbonGrams? ProjectedUnsupported { get; init; }

    /// <summary>The reduction verified.</summary>
    public CarbonGrams? Verified { get; init; }
}
