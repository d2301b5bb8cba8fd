using System.Security.Cryptography;
using System.Text.Json;
using OpenEts.Application.Storage;
using OpenEts.Domain.Journal;

namespace OpenEts.Application.Journal;

/// <summary>
/// Signed digests of the journal's head: made periodically and on demand, journalled as <c>journal.digest</c> entries,
/// published for anyone to download and keep, and checked against the journal by <see cref="CheckAsync"/>.
/// </summary>
/// <remarks><paramref name="signer"/> is null when the deployment gave no key: digests can then be read and checked, not made.</remarks>
public sealed class JournalDigests(IStore store, JournalSigner? signer)
{
    /// <summary>The journal kind of a digest entry.</summary>
    public const string Kind = "journal.digest";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>True when this server holds a signing key.</summary>
    public bool CanSign => signer is not null;

    /// <summary>The signing key's id, or null without a key.</summary>
    public string? KeyId => signer?.KeyId;

    /// <summary>The signing key's public half as PEM, or null without a key.</summary>
    public string? PublicKeyPem => signer?.PublicKeyPem;

    /// <summary>
    /// Signs the journal's head and journals the digest, in one write. Returns null when there is nothing new to sign
    /// (the journal is empty, or its head is already a digest). Throws <see cref="InvalidOperationException"/> without a key.
    /// </summary>
    public async Task<JournalDigest?> SignHeadAsync(DateTimeOffset now, string actor, CancellationToken ct)
    {
        var (digest, isNew) = await SignOrReadHeadAsync(now, actor, ct).ConfigureAwait(false);
        return isNew ? digest : null;
    }

    /// <summary>
    /// The digest that covers the journal's head: a new one, or the newest when the head already is a digest. Null when
    /// the journal is empty. Throws <see cref="InvalidOperationException"/> without a key.
    /// </summary>
    public async Task<JournalDigest?> CurrentAsync(DateTimeOffset now, string actor, CancellationToken ct) =>
        (await SignOrReadHeadAsync(now, actor, ct).ConfigureAwait(false)).Digest;

    // The head's digest, read from the head itself when the head is a digest entry, so nothing is read twice.
    private Task<(JournalDigest? Digest, bool IsNew)> SignOrReadHeadAsync(DateTimeOffset now, string actor, CancellationToken ct)
    {
        var key = signer ?? throw new InvalidOperationException("No journal signing key is configured.");
        return store.WriteAsync<(JournalDigest?, bool)>(async s =>
        {
            var newest = await s.Journal.PageAsync(new JournalFilter(), 0, 1).ConfigureAwait(false);
            if (newest is not [var head])
            {
                return (null, false);
            }
            if (head.Kind == Kind)
            {
                return (TryRead(head.Payload, out var latest) ? latest : null, false);
            }
            var digest = key.Sign(head, now);
            await s.Journal.AppendAsync(now, actor, Kind, "journal", ToJson(digest)).ConfigureAwait(false);
            return (digest, true);
        }, ct);
    }

    /// <summary>Every digest journalled so far, oldest first.</summary>
    public Task<IReadOnlyList<JournalDigest>> ListAsync(CancellationToken ct) =>
        store.ReadAsync<IReadOnlyList<JournalDigest>>(async s =>
        {
            var digests = new List<JournalDigest>();
            await foreach (var entry in s.Journal.ReadAllAsync(1).WithCancellation(ct).ConfigureAwait(false))
            {
                if (entry.Kind == Kind && TryRead(entry.Payload, out var digest))
                {
                    digests.Add(digest);
                }
            }
            return digests;
        }, ct);

    /// <summary>
    /// Checks that the journal reproduces every one of <paramref name="digests"/> (kept elsewhere) and that each is
    /// signed by <paramref name="publicKey"/>. Reads the journal once, as a stream.
    /// </summary>
    public Task<DigestCheck> CheckAsync(IReadOnlyCollection<JournalDigest> digests, ECDsa publicKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return CheckAsync(digests, d => d.IsSignedBy(publicKey), ct);
    }

    /// <summary>
    /// As <see cref="CheckAsync(IReadOnlyCollection{JournalDigest}, ECDsa, CancellationToken)"/>, with each digest's
    /// signature checked by <paramref name="isSigned"/> (digests kept across a key rotation name different keys).
    /// </summary>
    public Task<DigestCheck> CheckAsync(IReadOnlyCollection<JournalDigest> digests, Func<JournalDigest, bool> isSigned,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(digests);
        ArgumentNullException.ThrowIfNull(isSigned);
        var wanted = digests.Select(d => d.Sequence).ToHashSet();
        return store.ReadAsync(async s =>
        {
            var hashes = new Dictionary<long, string>();
            await foreach (var entry in s.Journal.ReadAllAsync(1).WithCancellation(ct).ConfigureAwait(false))
            {
                if (wanted.Contains(entry.Sequence))
                {
                    hashes[entry.Sequence] = entry.Hash;
                }
            }
            return DigestCheck.Run(digests, seq => hashes.GetValueOrDefault(seq), isSigned);
        }, ct);
    }

    /// <summary>A digest as JSON: <c>{"format","sequence","hash","at","keyId","signature"}</c>.</summary>
    public static string ToJson(JournalDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return JsonSerializer.Serialize(new DigestJson(JournalDigest.Format, digest.Sequence, digest.Hash, digest.At, digest.KeyId,
            digest.Signature), JsonOptions);
    }

    /// <summary>Reads a digest written by <see cref="ToJson"/> (or one element of a downloaded digest file).</summary>
    public static bool TryRead(string json, out JournalDigest digest)
    {
        digest = null!;
        try
        {
            var d = JsonSerializer.Deserialize<DigestJson>(json, JsonOptions);
            if (d is null || d.Format != JournalDigest.Format || d.Hash is null || d.KeyId is null || d.Signature is null)
            {
                return false;
            }
            digest = new JournalDigest(d.Sequence, d.Hash, d.At, d.KeyId, d.Signature);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private sealed record DigestJson(string? Format, long Sequence, string? Hash, DateTimeOffset At, string? KeyId, string? Signature);
}
