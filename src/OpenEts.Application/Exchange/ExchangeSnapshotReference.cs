using System.Text.Json;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The journal entry that records an exchange snapshot (kind <see cref="Kind"/>): which entry the snapshot covers, the
/// SHA-256 of its bytes and its format version. The entry is chained like every other, so a snapshot cannot be swapped
/// without breaking the journal or its hash.
/// </summary>
/// <param name="Sequence">The last journal entry the snapshot's books include.</param>
/// <param name="Sha256">SHA-256 of the snapshot's stored bytes, lower-case hex.</param>
/// <param name="Version">The snapshot format version.</param>
public sealed record ExchangeSnapshotReference(long Sequence, string Sha256, int Version)
{
    /// <summary>The journal kind (outside <c>exchange.</c> and <c>registry.</c>: no replay applies it).</summary>
    public const string Kind = "snapshot.exchange";

    /// <summary>The entry's payload.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json.Options);

    /// <summary>Reads a payload written by <see cref="ToJson"/>; null when it does not read.</summary>
    public static ExchangeSnapshotReference? TryRead(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ExchangeSnapshotReference>(json, Json.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
