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

    public void Dispose() => key.Dispose();
}
