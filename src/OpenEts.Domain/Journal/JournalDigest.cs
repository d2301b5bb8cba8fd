using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenEts.Domain.Journal;

/// <summary>
/// A signed statement of the journal's head (as SQL Server Ledger's database digests and Certificate Transparency's
/// signed tree heads): "at <see cref="At"/>, entry <see cref="Sequence"/> of this journal had hash <see cref="Hash"/>".
/// Because every entry's hash chains all entries before it, a digest kept anywhere outside the database pins the whole
/// journal up to that entry: rewriting any of those entries, even with every later hash recomputed, no longer
/// reproduces the digest's hash.
/// </summary>
/// <param name="Sequence">The journal entry signed (the head when signed), at least 1.</param>
/// <param name="Hash">That entry's <see cref="JournalEntry.Hash"/> (64 lower-case hex digits).</param>
/// <param name="At">When the digest was made (UTC, to the millisecond).</param>
/// <param name="KeyId">The signing key's id: the first 16 hex digits of the SHA-256 of its public key (SPKI DER).</param>
/// <param name="Signature">ECDSA P-256 with SHA-256 over <see cref="SignedText"/>, IEEE P1363 form, base64.</param>
public sealed record JournalDigest(long Sequence, string Hash, DateTimeOffset At, string KeyId, string Signature)
{
    /// <summary>The format name, the first line of the signed text.</summary>
    public const string Format = "openets-journal-digest/1";

    /// <summary>The exact text signed: format, sequence, hash and time (ISO 8601 UTC, milliseconds), one per line.</summary>
    public string SignedText => string.Join('\n', Format, Sequence.ToString(CultureInfo.InvariantCulture), Hash,
        At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    /// <summary>Signs the head <paramref name="entry"/> at <paramref name="at"/> with <paramref name="key"/> (P-256).</summary>
    public static JournalDigest Sign(JournalEntry entry, DateTimeOffset at, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(key);
        var utc = at.ToUniversalTime();
        var unsigned = new JournalDigest(entry.Sequence, entry.Hash,
            new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero), KeyIdOf(key), "");
        var signature = key.SignData(Encoding.UTF8.GetBytes(unsigned.SignedText), HashAlgorithmName.SHA256);
        return unsigned with { Signature = Convert.ToBase64String(signature) };
    }

    /// <summary>True when <see cref="Signature"/> is <paramref name="key"/>'s signature of <see cref="SignedText"/>.</summary>
    public bool IsSignedBy(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (KeyId != KeyIdOf(key))
        {
            return false;
        }
        var signature = new byte[Signature.Length];
        return Convert.TryFromBase64String(Signature, signature, out var length)
            && key.VerifyData(Encoding.UTF8.GetBytes(SignedText), signature.AsSpan(0, length), HashAlgorithmName.SHA256);
    }

    /// <summary>A key's id: the first 16 hex digits of the SHA-256 of its public key (SubjectPublicKeyInfo, DER).</summary>
    public static string KeyIdOf(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
    }
}
