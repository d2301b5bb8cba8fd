using System.Globalization;
using System.Text.Json;
using OpenEts.Application.Journal;

namespace OpenEts.Application.Registry;

/// <summary>
/// The journal entry that records a registry snapshot (kind <see cref="Kind"/>): which entry the snapshot covers, the
/// SHA-256 of its bytes and its format version, signed with the journal's signing key when one is configured. The entry
/// is chained like every other, so a snapshot cannot be swapped without breaking the journal or its hash.
/// </summary>
/// <param name="Sequence">The last journal entry the snapshot's state includes.</param>
/// <param name="Sha256">SHA-256 of the snapshot's stored bytes, lower-case hex.</param>
/// <param name="Version">The snapshot format version.</param>
/// <param name="KeyId">The signing key's id; null when unsigned.</param>
/// <param name="Signature">ECDSA P-256 / SHA-256 signature of <see cref="SignedText"/>, base64; null when unsigned.</param>
public sealed record RegistrySnapshotReference(long Sequence, string Sha256, int Version, string? KeyId, string? Signature)
{
    /// <summary>The journal kind (outside the <c>registry.</c> prefix: replay skips it).</summary>
    public const string Kind = "snapshot.registry";

    /// <summary>The text a signature covers: format, sequence and hash, one per line.</summary>
    public string SignedText => string.Join('\n', RegistrySnapshotFormat.Format + "/" + Version.ToString(CultureInfo.InvariantCulture),
        Sequence.ToString(CultureInfo.InvariantCulture), Sha256);

    /// <summary>Signs with <paramref name="signer"/> (unchanged without one).</summary>
    public RegistrySnapshotReference SignedBy(JournalSigner? signer) =>
        signer is null ? this : this with { KeyId = signer.KeyId, Signature = signer.SignText(SignedText) };

    /// <summary>The entry's payload.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, RegistryEventJson.Options);

    /// <summary>Reads a payload written by <see cref="ToJson"/>; null when it does not read.</summary>
    public static RegistrySnapshotReference? TryRead(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<RegistrySnapshotReference>(json, RegistryEventJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
