using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenEts.Domain.Inclusion;

/// <summary>
/// A data partner's signature over one event (事件签名): ECDSA on the curve P-256 with SHA-256 (.NET 10 has no Ed25519 of
/// its own; P-256 is built in and is what WebCrypto, OpenSSL and every HSM offer), over the event's canonical bytes
/// (<see cref="Message"/>). The partner registers its public key (SubjectPublicKeyInfo, PEM or base64 DER) with its API
/// key; from then on every event it sends must carry a signature that verifies under it. A signature is base64 of
/// either the 64-byte r‖s form (IEEE P1363, as WebCrypto signs) or the DER sequence (as OpenSSL signs).
/// </summary>
public static class PartnerSignature
{
    /// <summary>The first line of every signed message: the format and its version.</summary>
    public const string Version = "openets-inclusion-action-v1";

    /// <summary>The longest signature accepted, in base64 characters (a DER P-256 signature is at most 72 bytes).</summary>
    public const int MaxSignatureLength = 128;

    /// <summary>
    /// The canonical bytes of an event, UTF-8: ten lines joined by a line feed (U+000A), none after the last — the
    /// <see cref="Version"/>, the programme's code, the source and the event id as the partner sent them (without the
    /// platform's <c>p7/</c> prefix), the citizen's user name, the behaviour's code, the time as UTC
    /// <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> (milliseconds, truncated), then quantity, minutes and own average as plain
    /// decimals (invariant, no exponent, no trailing zeros or point: <c>12</c>, <c>12.5</c>, <c>0</c>), an absent one as an
    /// empty line. Text fields are as read (leading and trailing spaces removed) and hold no control character
    /// (<see cref="Signable"/>), so no field can be moved into another's line.
    /// </summary>
    public static byte[] Message(string programme, string source, string eventId, string user, string behaviour, DateTimeOffset occurredAt,
        decimal quantity, decimal? minutes, decimal? ownAverage)
    {
        var text = string.Join('\n', Version, programme, source, eventId, user, behaviour,
            occurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            Number(quantity), minutes is { } m ? Number(m) : "", ownAverage is { } o ? Number(o) : "");
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>A decimal as the message writes it: invariant, no exponent, no trailing zeros.</summary>
    public static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>True when none of <paramref name="fields"/> holds a control character (U+0000–U+001F, U+007F).</summary>
    public static bool Signable(params ReadOnlySpan<string> fields)
    {
        foreach (var field in fields)
        {
            foreach (var c in field)
            {
                if (char.IsControl(c))
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>
    /// Reads a public key as typed (PEM <c>-----BEGIN PUBLIC KEY-----</c>, or the base64 of its DER): the
    /// SubjectPublicKeyInfo of a P-256 key, returned as base64 DER (what the platform stores), or null with the reason.
    /// </summary>
    public static string? ReadPublicKey(string? text, out string reason)
    {
        reason = "";
        var body = (text ?? "").Trim();
        if (body.Length == 0)
        {
            reason = "empty";
            return null;
        }
        if (body.StartsWith("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal))
        {
            body = body.Replace("-----BEGIN PUBLIC KEY-----", "", StringComparison.Ordinal)
                .Replace("-----END PUBLIC KEY-----", "", StringComparison.Ordinal);
        }
        body = string.Concat(body.Where(c => !char.IsWhiteSpace(c)));
        if (body.Length > 1024)
        {
            reason = "too long for a P-256 public key";
            return null;
        }
        byte[] der;
        try
        {
            der = Convert.FromBase64String(body);
        }
        catch (FormatException)
        {
            reason = "not PEM or base64";
            return null;
        }
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(der, out var read);
            if (read != der.Length || key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                reason = "not an ECDSA P-256 public key";
                return null;
            }
        }
        catch (CryptographicException)
        {
            reason = "not an ECDSA P-256 public key";
            return null;
        }
        return Convert.ToBase64String(der);
    }

    /// <summary>The verifier for a stored key (<see cref="ReadPublicKey"/>'s base64 DER). The caller disposes it.</summary>
    public static ECDsa Verifier(string storedKey)
    {
        ArgumentNullException.ThrowIfNull(storedKey);
        var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(storedKey), out _);
        return key;
    }

    /// <summary>True when <paramref name="signature"/> (base64, P1363 or DER) verifies <paramref name="message"/> under <paramref name="key"/>.</summary>
    public static bool Verify(ECDsa key, ReadOnlySpan<byte> message, string? signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrWhiteSpace(signature) || signature.Length > MaxSignatureLength)
        {
            return false;
        }
        Span<byte> bytes = stackalloc byte[MaxSignatureLength];
        if (!Convert.TryFromBase64String(signature.Trim(), bytes, out var length))
        {
            return false;
        }
        var format = length == 64 ? DSASignatureFormat.IeeeP1363FixedFieldConcatenation : DSASignatureFormat.Rfc3279DerSequence;
        try
        {
            return key.VerifyData(message, bytes[..length], HashAlgorithmName.SHA256, format);
        }
        catch (CryptographicException)
        {
            // A malformed DER sequence.
            return false;
        }
    }
}
