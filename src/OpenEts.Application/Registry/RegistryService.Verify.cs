using System.IO.Compression;
using System.Text.Json;
using OpenEts.Application.Storage;
using OpenEts.Domain.Journal;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

// Verification as a stream, in memory bounded by the registry's live state: the hash chain one entry at a time, the
// replay into a fresh ledger (which forgets keys and decided proposals like the live one), and every snapshot met on the
// way compared with the replay at its entry.
public sealed partial class RegistryService
{
    /// <summary>
    /// Recomputes the journal's hash chain, replays every registry event into a fresh ledger and compares it with the
    /// live one (and with every snapshot on the way), and checks that every class's units are conserved.
    /// </summary>
    /// <remarks>
    /// Never throws for a bad journal: an entry whose event cannot be read or does not fit is named in
    /// <see cref="RegistryCheck.ReplayFailedAt"/>, and a registry that cannot be loaded at all counts as not matching.
    /// </remarks>
    public Task<RegistryCheck> VerifyAsync(CancellationToken ct) => VerifyAsync(new RegistryVerifyOptions(), ct);

    /// <summary>The check of <see cref="VerifyAsync(CancellationToken)"/>, from genesis, a checkpoint or the newest snapshot.</summary>
    public async Task<RegistryCheck> VerifyAsync(RegistryVerifyOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        RegistryLedger? live;
        try
        {
            live = await QueryAsync((l, _) => l, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // The journal no longer loads: the registry is unusable until the journal is repaired.
            live = null;
        }
        return options.Parallel
            ? await VerifyInSegmentsAsync(options, live, ct).ConfigureAwait(false)
            : await store.ReadAsync(s => VerifyInAsync(s, options, live), ct).ConfigureAwait(false);
    }

    private async Task<RegistryCheck> VerifyInAsync(IStoreSession s, RegistryVerifyOptions options, RegistryLedger? live)
    {
        var last = (await s.Journal.PageAsync(new JournalFilter(), 0, 1).ConfigureAwait(false)) is [var head, ..] ? head.Sequence : 0;
        var run = await StartAsync(s, options).ConfigureAwait(false);
        if (run.Problem is { } problem)
        {
            return new RegistryCheck(false, 0, run.From, problem, 0, false, false, CheckedFrom: run.From);
        }
        var (replay, chain) = (new Replay(run.Ledger!, run.Events), run.Chain!);
        var (checkedBefore, read) = (run.Checked, 0L);
        await foreach (var entry in s.Journal.ReadAllAsync(run.From).WithCancellation(s.CancellationToken).ConfigureAwait(false))
        {
            // Past a break in the chain the replay goes on: it names the first entry that does not replay, if any.
            chain.Add(entry);
            read++;
            await replay.StepAsync(this, s, entry).ConfigureAwait(false);
            var done = checkedBefore + read;
            if (done % RegistryVerifyOptions.ProgressEvery == 0)
            {
                options.Progress?.Invoke(done, last);
            }
            if (options.Checkpoint is { } keep && replay.Failure is null && chain.Break is null && read % options.CheckpointEvery == 0)
            {
                keep(EncodeCheckpoint(new Checkpoint(chain.Last.Sequence, chain.Last.Hash, done, replay.Events, replay.Ledger.ToState())));
            }
        }
        options.Progress?.Invoke(checkedBefore + read, last);
        var broken = chain.Break ?? (chain.Last.Sequence < last && run.From <= last
            ? new Domain.Journal.JournalBreak(chain.Last.Sequence + 1, "the journal ends before its newest entry")
            : null);
        var failure = replay.Failure;
        var matches = failure is null && live is not null && replay.Ledger.Fingerprint() == live.Fingerprint();
        return new RegistryCheck(broken is null, checkedBefore + read, broken?.Sequence, broken?.Reason, replay.Events,
            matches, Conserved(live), failure?.Sequence, failure?.Reason, run.From, replay.Mismatch, replay.Warnings);
    }

    private static bool Conserved(RegistryLedger? live) =>
        live is not null && live.IssuedClasses.All(c => live.TotalHeld(c) == live.TotalIssued(c));

    // The replay of verification, one entry at a time: a registry event is applied (the first that does not read or fit
    // is the failure, and nothing is applied after it), and a snapshot met on the way is compared with the replay at its
    // entry (until the first failure or mismatch).
    private sealed class Replay(RegistryLedger ledger, long events)
    {
        public RegistryLedger Ledger { get; } = ledger;

        public long Events { get; private set; } = events;

        public (long Sequence, string Reason)? Failure { get; private set; }

        public long? Mismatch { get; private set; }

        public List<string> Warnings { get; } = [];

        public async Task StepAsync(RegistryService service, IStoreSession s, JournalEntry entry)
        {
            if (Failure is null && entry.Kind.StartsWith(KindPrefix, StringComparison.Ordinal))
            {
                Events++;
                try
                {
                    Ledger.Apply(RegistryEventJson.Deserialize(entry.Payload));
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException
                    or NotSupportedException or OverflowException)
                {
                    Failure = (entry.Sequence, e.Message);
                }
            }
            else if (Failure is null && Mismatch is null && entry.Kind == RegistrySnapshotReference.Kind)
            {
                Mismatch = await service.CheckSnapshotAsync(s, entry, Ledger, Warnings).ConfigureAwait(false);
            }
        }
    }

    private sealed record Start(
        long From, RegistryLedger? Ledger, JournalChainCheck? Chain, long Checked, long Events, string? Problem = null);

    // Where the run begins: entry 1 with an empty ledger, a checkpoint, or the newest snapshot that checks out.
    private async Task<Start> StartAsync(IStoreSession s, RegistryVerifyOptions options)
    {
        if (options.Resume is { } resume)
        {
            if (DecodeCheckpoint(resume) is not { } c)
            {
                return new Start(1, null, null, 0, 0, "the checkpoint does not read");
            }
            return new Start(c.Sequence + 1, RegistryLedger.FromState(c.State), new JournalChainCheck(c.Sequence, c.Hash),
                c.Checked, c.Events);
        }
        if (!options.FromSnapshot)
        {
            return new Start(1, new RegistryLedger(), new JournalChainCheck(), 0, 0);
        }
        foreach (var row in await s.Registry.SnapshotsAsync().ConfigureAwait(false))
        {
            var (ledger, _) = await RestoreAsync(s, row).ConfigureAwait(false);
            if (ledger is null || await s.Registry.EntryAsync(row.Sequence).ConfigureAwait(false) is not { } covered)
            {
                continue;
            }
            if (!covered.HashMatches())
            {
                return new Start(row.Sequence, null, null, 0, 0, "content does not match its hash (the row was changed)");
            }
            return new Start(row.Sequence + 1, ledger, new JournalChainCheck(covered.Sequence, covered.Hash), 0, 0);
        }
        return new Start(1, new RegistryLedger(), new JournalChainCheck(), 0, 0);
    }

    // A snapshot met in the stream: it must read and give the replay's state at its entry. One that does not read is a
    // warning (a start skips it too); one that reads but differs is a failure.
    private async Task<long?> CheckSnapshotAsync(IStoreSession s, JournalEntry entry, RegistryLedger replayed, List<string> warnings)
    {
        if (RegistrySnapshotReference.TryRead(entry.Payload) is not { } reference)
        {
            warnings.Add($"journal entry {entry.Sequence} records no readable snapshot");
            return null;
        }
        var rows = await s.Registry.SnapshotsAsync().ConfigureAwait(false);
        if (rows.FirstOrDefault(r => r.Sequence == reference.Sequence && r.ReferenceSequence == entry.Sequence) is not { } row)
        {
            warnings.Add($"the snapshot of entry {reference.Sequence} is no longer stored");
            return null;
        }
        var (ledger, problem) = await RestoreAsync(s, row).ConfigureAwait(false);
        if (ledger is null)
        {
            warnings.Add($"the snapshot of entry {reference.Sequence} is skipped: {problem}");
            return null;
        }
        return ledger.Fingerprint() == replayed.Fingerprint() ? null : reference.Sequence;
    }

    private sealed record Checkpoint(long Sequence, string Hash, long Checked, long Events, RegistryLedgerState State);

    private static byte[] EncodeCheckpoint(Checkpoint checkpoint)
    {
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(brotli, checkpoint, RegistryEventJson.Options);
        }
        return compressed.ToArray();
    }

    private static Checkpoint? DecodeCheckpoint(byte[] bytes)
    {
        try
        {
            using var input = new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress);
            return JsonSerializer.Deserialize<Checkpoint>(input, RegistryEventJson.Options);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
        {
            return null;
        }
    }
}
