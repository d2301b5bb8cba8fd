using System.Security.Cryptography;
using System.Text;
using OpenEts.Application.Journal;
using OpenEts.Application.Storage;
using OpenEts.Domain.Journal;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

// Verification on every core. The hash chain is checked in segments (JournalChain). The replay is cut at the journal
// entries that record snapshots: segment 0 replays from entry 1 into an empty ledger, segment k from the entry after
// snapshot k's journal entry, starting from snapshot k's state; each ends at the next snapshot's entry, where it
// compares its replay with that snapshot exactly as the stream does. When every snapshot matches the replay before it,
// each segment starts from the state the stream would have there, so it meets exactly what the stream meets. Where one
// does not (a snapshot that differs or does not read), the stream's answer past it depends on the stream's own state,
// so the check goes on as one stream from the start of that segment.
public sealed partial class RegistryService
{
    private async Task<RegistryCheck> VerifyInSegmentsAsync(RegistryVerifyOptions options, RegistryLedger? live, CancellationToken ct)
    {
        if (options.FromSnapshot || options.Resume is not null || options.Checkpoint is not null)
        {
            throw new ArgumentException("A parallel check runs from entry 1, without checkpoints.", nameof(options));
        }
        var workers = Math.Max(1, options.Workers);
        // Progress counts every entry twice, once for the chain and once for the replay, told from several threads.
        var progress = new Lock();
        var head = await store.ReadAsync(s => s.Journal.LastSequenceAsync(), ct).ConfigureAwait(false);
        void Tell(long done, long of)
        {
            lock (progress)
            {
                options.Progress?.Invoke(done, of);
            }
        }
        var chain = await new JournalChain(store) { Workers = workers }
            .CheckAsync(0, JournalEntry.GenesisHash, done => Tell(done, 2 * head), ct)
            .ConfigureAwait(false);
        var last = chain.Head;
        // Snapshots recorded by an entry of the journal as it stood, in journal order: the segments' edges.
        var edges = (await store.ReadAsync(s => s.Registry.SnapshotsAsync(), ct).ConfigureAwait(false))
            .Where(r => r.Sequence < r.ReferenceSequence && r.ReferenceSequence < last)
            .OrderBy(r => r.ReferenceSequence)
            .DistinctBy(r => r.ReferenceSequence)
            .ToList();
        var segments = new Segment[edges.Count + 1];
        for (var k = 0; k < segments.Length; k++)
        {
            segments[k] = new Segment(k == 0 ? 1 : edges[k - 1].ReferenceSequence + 1, k == 0 ? null : edges[k - 1],
                k < edges.Count ? edges[k].ReferenceSequence : long.MaxValue);
        }

        var (taken, done) = (-1, last);
        void Report(long entries) => Tell(Interlocked.Add(ref done, entries), 2 * last);
        async Task WorkAsync()
        {
            for (var k = Interlocked.Increment(ref taken); k < segments.Length; k = Interlocked.Increment(ref taken))
            {
                var segment = segments[k];
                await store.ReadAsync(s => ReplaySegmentAsync(s, segment, Report), ct).ConfigureAwait(false);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Min(workers, segments.Length)).Select(_ => Task.Run(WorkAsync, ct)))
            .ConfigureAwait(false);

        // Joined in order. Segment 0 always replays; a segment is reached only when the one before ended on a snapshot
        // that matched and restored, so each one reached has its replay.
        var (read, events, warnings) = (0L, 0L, new List<string>());
        for (var k = 0; k < segments.Length; k++)
        {
            var (segment, replay) = (segments[k], segments[k].Replay!);
            var final = k == segments.Length - 1;
            if (replay.Mismatch is not null
                || (replay.Failure is null && !final && (segments[k + 1].Replay is null
                    || !segment.EndWhole.AsSpan().SequenceEqual(segments[k + 1].StartWhole))))
            {
                // This segment's end is not the state the stream has there: the rest as one stream from this segment's start.
                return await store.ReadAsync(s => StreamFromAsync(s, segment, chain, read, events, warnings, live), ct)
                    .ConfigureAwait(false);
            }
            read += segment.Read;
            events += replay.Events;
            warnings.AddRange(replay.Warnings);
            if (replay.Failure is not null || final)
            {
                // Past a failure the stream applies nothing and compares no snapshot: later segments add only entries read.
                read += segments.Skip(k + 1).Sum(later => later.Read);
                var matches = replay.Failure is null && live is not null && segment.EndState.AsSpan().SequenceEqual(State(live));
                return Result(chain, read, events, replay, matches, warnings, live);
            }
        }
        throw new InvalidOperationException("The last segment ends the join.");
    }

    // The stream from a segment's start (its snapshot's state, or an empty ledger) to the journal's end.
    private async Task<RegistryCheck> StreamFromAsync(
        IStoreSession s, Segment segment, JournalChainResult chain, long read, long events, List<string> warnings, RegistryLedger? live)
    {
        var from = segment.Start is { } row ? (await RestoreAsync(s, row).ConfigureAwait(false)).Ledger! : new RegistryLedger();
        var tail = new Replay(from, 0);
        await foreach (var entry in s.Journal.ReadAllAsync(segment.From).WithCancellation(s.CancellationToken).ConfigureAwait(false))
        {
            read++;
            await tail.StepAsync(this, s, entry).ConfigureAwait(false);
        }
        var matches = tail.Failure is null && live is not null && tail.Ledger.Fingerprint() == live.Fingerprint();
        return Result(chain, read, events + tail.Events, tail, matches, [.. warnings, .. tail.Warnings], live);
    }

    private static RegistryCheck Result(
        JournalChainResult chain, long read, long events, Replay replay, bool matches, List<string> warnings, RegistryLedger? live) =>
        new(chain.Break is null, read, chain.Break?.Sequence, chain.Break?.Reason, events, matches, Conserved(live),
            replay.Failure?.Sequence, replay.Failure?.Reason, 1, replay.Mismatch, warnings);

    // The replay of one segment: its start restored (null when the snapshot does not restore: the stream goes on past it
    // with its own state), its entries applied up to its end, the snapshot at its end compared.
    private async Task<int> ReplaySegmentAsync(IStoreSession s, Segment segment, Action<long> report)
    {
        var start = new RegistryLedger();
        if (segment.Start is { } row)
        {
            if ((await RestoreAsync(s, row).ConfigureAwait(false)).Ledger is not { } restored)
            {
                segment.Read = await CountAsync(s, segment, report).ConfigureAwait(false);
                return 0;
            }
            start = restored;
            segment.StartWhole = Whole(restored);
        }
        var replay = new Replay(start, 0);
        var (read, unreported) = (0L, 0L);
        await foreach (var entry in s.Journal.ReadAllAsync(segment.From).WithCancellation(s.CancellationToken).ConfigureAwait(false))
        {
            if (entry.Sequence > segment.To)
            {
                break;
            }
            read++;
            await replay.StepAsync(this, s, entry).ConfigureAwait(false);
            if (++unreported == RegistryVerifyOptions.ProgressEvery)
            {
                report(unreported);
                unreported = 0;
            }
        }
        report(unreported);
        (segment.Read, segment.Replay, segment.EndState, segment.EndWhole) = (read, replay, State(replay.Ledger), Whole(replay.Ledger));
        return 0;
    }

    // A segment that cannot start from its snapshot is counted only; the stream from the segment before replays it.
    private static async Task<long> CountAsync(IStoreSession s, Segment segment, Action<long> report)
    {
        var read = 0L;
        await foreach (var entry in s.Journal.ReadAllAsync(segment.From).WithCancellation(s.CancellationToken).ConfigureAwait(false))
        {
            if (entry.Sequence > segment.To)
            {
                break;
            }
            read++;
        }
        report(read);
        return read;
    }

    // The ledger's fingerprint, hashed: a segment's end state kept in 32 bytes until the segments are joined.
    private static byte[] State(RegistryLedger ledger) => SHA256.HashData(Encoding.UTF8.GetBytes(ledger.Fingerprint()));

    // Everything the ledger holds, hashed: with the fingerprint, the idempotency keys in the retention window with their
    // times and the retention clock, which the fingerprint (and a snapshot's check) leave out. A segment starts from its
    // snapshot only where this equals the replay before it: a changed entry can leave the fingerprint as the snapshot's
    // and the keys not (a changed time that brings a later reuse of a key inside the window), and the stream, carrying
    // its own keys, then refuses the reuse that a segment from the snapshot would accept.
    private static byte[] Whole(RegistryLedger ledger)
    {
        using var body = new MemoryStream();
        RegistrySnapshotBinary.Write(body, ledger.ToState(), 0);
        return SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length));
    }

    private sealed class Segment(long from, RegistrySnapshotRow? start, long to)
    {
        public long From { get; } = from;

        public RegistrySnapshotRow? Start { get; } = start;

        public long To { get; } = to;

        public long Read { get; set; }

        public Replay? Replay { get; set; }

        public byte[]? EndState { get; set; }

        public byte[]? StartWhole { get; set; }

        public byte[]? EndWhole { get; set; }
    }
}
