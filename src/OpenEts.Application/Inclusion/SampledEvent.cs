using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// One event of a sample as the verifier sees it: the citizen by the sample's pseudonym only (<see cref="SampleSeed.PseudonymOf"/>),
/// the partner's source and event id (what the verifier asks the partner about), when, what was measured and the
/// reduction counted; then the verifier's finding. It is a copy: it outlives the raw event's deletion after retention.
/// </summary>
/// <param name="Aggregation">The aggregation.</param>
/// <param name="Ordinal">1-based place in the sample (by behaviour, then rank).</param>
/// <param name="Rank">The event's rank in the draw, 16 hex digits (<see cref="SampleSeed.Rank"/>).</param>
/// <param name="Behaviour">The behaviour.</param>
/// <param name="Source">The source (a partner's is prefixed <c>p7/</c>).</param>
/// <param name="EventId">The source's event id.</param>
/// <param name="Citizen">The citizen's pseudonym in this sample.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Quantity">What was measured, in the behaviour's unit.</param>
/// <param name="Minutes">Its minutes, when given.</param>
/// <param name="Reduction">The reduction counted.</param>
public sealed record SampledEvent(
    long Aggregation, int Ordinal, string Rank, Behaviour Behaviour, string Source, string EventId, string Citizen, DateTimeOffset OccurredAt,
    decimal Quantity, decimal? Minutes, CarbonGrams Reduction)
{
    /// <summary>
    /// The citizen's account, kept only so that erasing the citizen can unlink the copy (PIPL Art. 47); never shown, and
    /// null once unlinked or when read for anyone.
    /// </summary>
    public long? UserId { get; init; }

    /// <summary>The verifier's finding; null while unchecked.</summary>
    public SampleFinding? Finding { get; init; }

    /// <summary>Why (required when not supported).</summary>
    public string? Reason { get; init; }

    /// <summary>When the finding was recorded.</summary>
    public DateTimeOffset? CheckedAt { get; init; }

    /// <summary>Who recorded it.</summary>
    public string? CheckedBy { get; init; }
}
