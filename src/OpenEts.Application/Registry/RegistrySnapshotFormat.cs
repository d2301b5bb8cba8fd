using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>
/// The bytes of a registry snapshot: the ledger's state (<see cref="RegistryLedgerState"/>) as JSON in the registry's
/// event format, in an envelope naming the format, its version and the journal sequence it covers, Brotli-compressed.
/// The SHA-256 of these bytes is what the journal records. Version 1 is the only version so far; a reader meets a newer
/// (or unknown) version as "not readable", and the registry then falls back to an older snapshot or to the journal.
/// </summary>
public static class RegistrySnapshotFormat
{
    /// <summary>The envelope's format name.</summary>
    public const string Format = "openets-registry-snapshot";

    /// <summary>The version this build writes and reads.</summary>
    public const int Version = 1;

    /// <summary>The snapshot of <paramref name="state"/> after journal entry <paramref name="sequence"/>, and its SHA-256 (hex).</summary>
    public static (byte[] Content, string Sha256) Encode(RegistryLedgerState state, long sequence)
    {
        ArgumentNullException.ThrowIfNull(state);
        var json = JsonSerializer.SerializeToUtf8Bytes(new Envelope(Format, Version, sequence, state), RegistryEventJson.Options);
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(json);
        }
        var content = compressed.ToArray();
        return (content, Sha256Of(content));
    }

    /// <summary>SHA-256 of <paramref name="content"/>, lower-case hex.</summary>
    public static string Sha256Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// Reads a snapshot: checks its SHA-256 against <paramref name="expectedSha256"/> (from the journal), decompresses,
    /// and reads the state for <paramref name="sequence"/>. Returns false with the reason when any step fails.
    /// </summary>
    public static bool TryDecode(
        byte[] content, string expectedSha256, long sequence, out RegistryLedgerState? state, out string reason)
    {
        ArgumentNullException.ThrowIfNull(content);
        state = null;
        if (!string.Equals(Sha256Of(content), expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            reason = "its SHA-256 differs from the one journalled";
            return false;
        }
        try
        {
            using var input = new BrotliStream(new MemoryStream(content), CompressionMode.Decompress);
            var envelope = JsonSerializer.Deserialize<Envelope>(input, RegistryEventJson.Options);
            if (envelope is null || envelope.Format != Format)
            {
                reason = "it is not a registry snapshot";
                return false;
            }
            if (envelope.Version != Version)
            {
                reason = $"its format version {envelope.Version} is not one this build reads ({Version})";
                return false;
            }
            if (envelope.Sequence != sequence || envelope.State is null)
            {
                reason = $"it covers entry {envelope.Sequence}, not {sequence}";
                return false;
            }
            state = envelope.State;
            reason = "";
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException or ArgumentException
            or InvalidOperationException or OverflowException)
        {
            reason = "it does not read: " + e.Message;
            return false;
        }
    }

    private sealed record Envelope(string Format, int Version, long Sequence, RegistryLedgerState? State);
}
