using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>
/// The bytes of a registry snapshot: the ledger's state (<see cref="RegistryLedgerState"/>) after a header naming the
/// format, its version and the journal sequence it covers, Brotli-compressed. The SHA-256 of these bytes is what the
/// journal records. Version 2 (written) is binary (<see cref="RegistrySnapshotBinary"/>); version 1, still read, was
/// JSON in the registry's event format in an envelope <c>{"format":…,"version":1,"sequence":N,"state":…}</c>. A reader
/// meets a newer (or unknown) version as "not readable", and the registry then falls back to an older snapshot or to
/// the journal.
/// </summary>
public static class RegistrySnapshotFormat
{
    /// <summary>The envelope's format name.</summary>
    public const string Format = "openets-registry-snapshot";

    /// <summary>The version this build writes (it also reads <see cref="JsonVersion"/>).</summary>
    public const int Version = 2;

    /// <summary>The first version: the state as JSON in an envelope.</summary>
    public const int JsonVersion = 1;

    /// <summary>The snapshot of <paramref name="state"/> after journal entry <paramref name="sequence"/>, and its SHA-256 (hex).</summary>
    public static (byte[] Content, string Sha256) Encode(RegistryLedgerState state, long sequence)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            RegistrySnapshotBinary.Write(brotli, state, sequence);
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
            using var plain = new MemoryStream();
            using (var input = new BrotliStream(new MemoryStream(content), CompressionMode.Decompress))
            {
                input.CopyTo(plain);
            }
            var (version, covered, read) = plain.Length > 0 && plain.GetBuffer()[0] == (byte)'{'
                ? ReadJson(plain.GetBuffer().AsSpan(0, (int)plain.Length))
                : ReadBinary(plain);
            if (version is not (Version or JsonVersion))
            {
                reason = $"its format version {version} is not one this build reads ({JsonVersion} or {Version})";
                return false;
            }
            if (covered != sequence || read is null)
            {
                reason = $"it covers entry {covered}, not {sequence}";
                return false;
            }
            state = read;
            reason = "";
            return true;
        }
        catch (NotARegistrySnapshotException)
        {
            reason = "it is not a registry snapshot";
            return false;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException or ArgumentException
            or InvalidOperationException or OverflowException or FormatException or EndOfStreamException)
        {
            reason = "it does not read: " + e.Message;
            return false;
        }
    }

    private static (int Version, long Sequence, RegistryLedgerState? State) ReadJson(ReadOnlySpan<byte> json)
    {
        var envelope = JsonSerializer.Deserialize<Envelope>(json, RegistryEventJson.Options);
        return envelope is null || envelope.Format != Format ? throw new NotARegistrySnapshotException()
            : envelope.Version != JsonVersion ? (envelope.Version, envelope.Sequence, null)
            : (envelope.Version, envelope.Sequence, envelope.State);
    }

    private static (int Version, long Sequence, RegistryLedgerState? State) ReadBinary(MemoryStream plain)
    {
        plain.Position = 0;
        using var reader = new BinaryReader(plain, System.Text.Encoding.UTF8, leaveOpen: true);
        return reader.ReadString() == Format ? RegistrySnapshotBinary.Read(reader) : throw new NotARegistrySnapshotException();
    }

    private sealed class NotARegistrySnapshotException : Exception;

    private sealed record Envelope(string Format, int Version, long Sequence, RegistryLedgerState? State);
}
