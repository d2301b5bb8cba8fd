using OpenEts.Application.Storage;
using OpenEts.Domain.Journal;

namespace OpenEts.Application.Journal;

/// <summary>
/// The journal's hash chain checked in segments on every core, in constant memory: each segment's entries are hashed
/// straight from the stored rows (<see cref="IJournalData.CheckChainAsync"/>) on a read transaction of its own, and the
/// segments are then joined in order (each one's first previous-hash must be the last hash of the one before). The
/// first segment that breaks, or does not join, is checked once more as one stream from the last good entry, so the
/// answer (the first bad entry and why, and how many entries were checked) is exactly a single pass's.
/// </summary>
public sealed class JournalChain(IStore store)
{
    /// <summary>Entries per segment, by default.</summary>
    public const long DefaultSegmentEntries = 100_000;

    /// <summary>Entries per segment.</summary>
    public long SegmentEntries { get; init; } = DefaultSegmentEntries;

    /// <summary>Segments checked at once: one per core, by default.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Checks the whole journal, from its first entry to the newest when the check began.</summary>
    public Task<JournalChainResult> CheckAsync(CancellationToken ct) => CheckAsync(0, JournalEntry.GenesisHash, null, ct);

    /// <summary>
    /// Checks the entries after <paramref name="afterSequence"/> (whose hash is <paramref name="afterHash"/>) up to the
    /// newest when the check began. <paramref name="progress"/> is told the entries checked so far as segments finish,
    /// from several threads.
    /// </summary>
    public async Task<JournalChainResult> CheckAsync(long afterSequence, string afterHash, Action<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(afterHash);
        ArgumentOutOfRangeException.ThrowIfLessThan(SegmentEntries, 1);
        var head = await store.ReadAsync(s => s.Journal.LastSequenceAsync(), ct).ConfigureAwait(false);
        if (head <= afterSequence)
        {
            return new JournalChainResult(0, null, afterSequence, afterHash, head);
        }
        var count = (head - afterSequence + SegmentEntries - 1) / SegmentEntries;
        var segments = new JournalChainCheck?[count];
        long taken = -1, firstBad = long.MaxValue, done = 0;
        long EndOf(long k) => Math.Min(head, afterSequence + ((k + 1) * SegmentEntries));

        async Task WorkAsync()
        {
            // Segments are taken in order, so none after a broken one is started once the break is known.
            for (var k = Interlocked.Increment(ref taken); k < count && k < Interlocked.Read(ref firstBad);
                k = Interlocked.Increment(ref taken))
            {
                var check = JournalChainCheck.Segment(afterSequence + (k * SegmentEntries));
                await store.ReadAsync(s => Run(s, check, EndOf(k)), ct).ConfigureAwait(false);
                segments[k] = check;
                if (check.Break is not null || check.Last.Sequence != EndOf(k))
                {
                    for (var seen = Interlocked.Read(ref firstBad); k < seen; seen = Interlocked.Read(ref firstBad))
                    {
                        Interlocked.CompareExchange(ref firstBad, k, seen);
                    }
                }
                progress?.Invoke(Interlocked.Add(ref done, check.Checked));
            }
        }

        var workers = (int)Math.Min(Math.Max(1, Workers), count);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync, ct))).ConfigureAwait(false);

        var (sequence, hash, checkedSoFar) = (afterSequence, afterHash, 0L);
        for (var k = 0L; k < count; k++)
        {
            if (segments[k] is { Break: null } segment && segment.Last.Sequence == EndOf(k) && segment.FirstPreviousHash == hash)
            {
                checkedSoFar += segment.Checked;
                (sequence, hash) = segment.Last;
                continue;
            }
            var tail = new JournalChainCheck(sequence, hash);
            await store.ReadAsync(s => Run(s, tail, head), ct).ConfigureAwait(false);
            return new JournalChainResult(checkedSoFar + tail.Checked, tail.Break, tail.Last.Sequence, tail.Last.Hash, head);
        }
        return new JournalChainResult(checkedSoFar, null, sequence, hash, head);
    }

    private static async Task<int> Run(IStoreSession s, JournalChainCheck check, long upTo)
    {
        await s.Journal.CheckChainAsync(check, upTo).ConfigureAwait(false);
        return 0;
    }
}
