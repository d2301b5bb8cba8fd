namespace OpenEts.Domain.Journal;

/// <summary>
/// What checking a journal against signed digests found. The journal is consistent with every digest up to
/// <see cref="LastGoodSequence"/>; when a digest fails, the first changed entry lies in
/// <see cref="FirstChangedFrom"/>–<see cref="FirstChangedTo"/> (one entry when both are equal).
/// </summary>
/// <param name="Checked">How many digests were checked.</param>
/// <param name="BadSignatures">Digests whose signature does not verify with the key given (named by sequence).</param>
/// <param name="FailedDigest">The lowest digest the journal does not reproduce (its entry's hash differs or is gone).</param>
/// <param name="LastGoodSequence">The highest digest below <paramref name="FailedDigest"/> that the journal reproduces; 0 for none.</param>
public sealed record DigestCheck(int Checked, IReadOnlyList<long> BadSignatures, long? FailedDigest, long LastGoodSequence)
{
    /// <summary>True when every digest is signed by the key and reproduced by the journal.</summary>
    public bool Reproduced => BadSignatures.Count == 0 && FailedDigest is null;

    /// <summary>The first entry that may have changed, when a digest failed.</summary>
    public long? FirstChangedFrom => FailedDigest is null ? null : LastGoodSequence + 1;

    /// <summary>The last entry that may be the first changed one, when a digest failed.</summary>
    public long? FirstChangedTo => FailedDigest;

    /// <summary>
    /// Checks <paramref name="digests"/> against the journal's hash at each digest's sequence
    /// (<paramref name="hashAt"/>; null when the journal has no such entry) and <paramref name="isSigned"/>.
    /// </summary>
    public static DigestCheck Run(
        IEnumerable<JournalDigest> digests, Func<long, string?> hashAt, Func<JournalDigest, bool> isSigned)
    {
        ArgumentNullException.ThrowIfNull(digests);
        ArgumentNullException.ThrowIfNull(hashAt);
        ArgumentNullException.ThrowIfNull(isSigned);
        var ordered = digests.OrderBy(d => d.Sequence).ToList();
        var badSignatures = new List<long>();
        long? failed = null;
        var lastGood = 0L;
        foreach (var digest in ordered)
        {
            if (!isSigned(digest))
            {
                badSignatures.Add(digest.Sequence);
                continue;
            }
            if (hashAt(digest.Sequence) == digest.Hash)
            {
                if (failed is null)
                {
                    lastGood = digest.Sequence;
                }
            }
            else
            {
                failed ??= digest.Sequence;
            }
        }
        return new DigestCheck(ordered.Count, badSignatures, failed, lastGood);
    }
}
