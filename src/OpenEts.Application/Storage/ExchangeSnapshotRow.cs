namespace OpenEts.Application.Storage;

/// <summary>A stored snapshot of the exchange's books.</summary>
/// <param name="Sequence">The last journal entry the books include.</param>
/// <param name="ReferenceSequence">The journal entry (<c>snapshot.exchange</c>) that records the snapshot's hash.</param>
/// <param name="Version">The snapshot format's version.</param>
/// <param name="Sha256">SHA-256 of <paramref name="Content"/>, lower-case hex.</param>
/// <param name="Content">The compressed bytes (empty in a listing).</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record ExchangeSnapshotRow(
    long Sequence, long ReferenceSequence, int Version, string Sha256, ReadOnlyMemory<byte> Content, DateTimeOffset CreatedAt);
