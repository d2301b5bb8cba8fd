using System.Security.Cryptography;
using OpenEts.Domain.Journal;

namespace OpenEts.Application.Journal;

/// <summary>
/// The key that signs journal digests (ECDSA P-256). It is kept outside the database — a file or secret the
/// deployment provides — so that whoever can rewrite the database cannot also sign a rewritten history.
/// </summary>
public sealed class JournalSigner(ECDsa key) : IDisposable
{
    /// <summary>The key's id, as digests name it.</summary>
    public string KeyId { get; } = JournalDigest.KeyIdOf(key);

    /// <summary>The public key as PEM (SubjectPublicKeyInfo), for anyone who checks digests.</summary>
    public string PublicKeyPem { get; } = key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Signs <paramref name="head"/> as of <paramref name="at"/>.</summary>
    public JournalDigest Sign(JournalEntry head, DateTimeOffset at) => JournalDigest.Sign(head, at, key);

    /// <summary>Signs <paramref name="text"/> (UTF-8) like a digest: ECDSA P-256 over SHA-256, base64.</summary>
    public string SignText(string text) =>
        Convert.ToBase64String(key.SignData(System.Text.Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256));

    /// <summary>True when <paramref name="signature"/> (base64) is this key's signature of <paramref name="text"/>.</summary>
    public bool Verifies(string text, string signature)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signature);
        var bytes = new byte[signature.Length];
        return Convert.TryFromBase64String(signature, bytes, out var length)
            && key.VerifyData(System.Text.Encoding.UTF8.GetBytes(text), bytes.AsSpan(0, length), HashAlgorithmName.SHA256);
    }

    public void Dispose() => key.Dispose();
}
