using Microsoft.Extensions.Logging;
using OpenEts.Application.Journal;
using OpenEts.Application.Storage;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

// Snapshots: written every SnapshotInterval journal entries and on demand, each recorded by a journal entry with its
// SHA-256 (signed when a key is configured). A start restores the newest snapshot that checks out and replays the tail.
public sealed partial class RegistryService : ISnapshotsOnStop
{
    string ISnapshotsOnStop.SnapshotLedger => "registry";

    async Task<long?> ISnapshotsOnStop.StoreSnapshotOnStopAsync(DateTimeOffset now, CancellationToken ct) =>
        (await SnapshotOnStopAsync(now, ct).ConfigureAwait(false))?.Sequence;

    /// <summary>
    /// Stores a snapshot of the caught-up registry now (<c>ets registry snapshot</c>) and journals its hash. Returns the
    /// snapshot as stored (without its bytes).
    /// </summary>
    public Task<RegistrySnapshotRow> SnapshotAsync(DateTimeOffset now, CancellationToken ct) =>
        LockedAsync(store.WriteAsync, async s =>
        {
            await CatchUpAsync(s).ConfigureAwait(false);
            if (_break is { } broken)
            {
                throw new RegistryReadOnlyException(broken);
            }
            return await WriteSnapshotAsync(s, now).ConfigureAwait(false);
        }, keep: _ => true, ct);

    /// <summary>
    /// Journal entries after the newest snapshot from which a clean stop stores one more (<see cref="SnapshotOnStopAsync"/>):
    /// below that, replaying the tail at the next start takes milliseconds.
    /// </summary>
    public const long StopSnapshotMinimum = 1_000;

    /// <summary>
    /// Stores a snapshot when at least <see cref="StopSnapshotMinimum"/> journal entries came after the newest one, so
    /// that the next start restores it and replays nothing (a server stopping cleanly). Returns null when none was
    /// needed, or when the registry is read-only.
    /// </summary>
    public Task<RegistrySnapshotRow?> SnapshotOnStopAsync(DateTimeOffset now, CancellationToken ct) =>
        LockedAsync<RegistrySnapshotRow?>(store.WriteAsync, async s =>
        {
            await CatchUpAsync(s).ConfigureAwait(false);
            if (_break is not null || _applied - _lastSnapshot < StopSnapshotMinimum)
            {
                return null;
            }
            return await WriteSnapshotAsync(s, now).ConfigureAwait(false);
        }, keep: _ => true, ct);

    /// <summary>Every stored snapshot, newest first (without bytes).</summary>
    public Task<IReadOnlyList<RegistrySnapshotRow>> SnapshotsAsync(CancellationToken ct) =>
        store.ReadAsync(s => s.Registry.SnapshotsAsync(), ct);

    private Task<RegistrySnapshotRow> WriteSnapshotAsync(IStoreSession s, DateTimeOffset now) =>
        WriteSnapshotAsync(s, now, RegistrySnapshotFormat.Encode(_ledger.ToState(), _applied));

    // encoded: the snapshot of the ledger as it is after journal entry _applied.
    private async Task<RegistrySnapshotRow> WriteSnapshotAsync(IStoreSession s, DateTimeOffset now, (byte[] Content, string Sha256) encoded)
    {
        var covered = _applied;
        var (content, sha256) = encoded;
        var reference = new RegistrySnapshotReference(covered, sha256, RegistrySnapshotFormat.Version, null, null).SignedBy(signer);
        var entry = await s.Journal.AppendAsync(now, UserId.System.Value, RegistrySnapshotReference.Kind, "registry",
            reference.ToJson()).ConfigureAwait(false);
        var row = new RegistrySnapshotRow(covered, entry.Sequence, RegistrySnapshotFormat.Version, sha256, content, now);
        await s.Registry.SaveSnapshotAsync(row).ConfigureAwait(false);
        // Every registry entry up to the covered one is indexed (each write indexes its own); the entries after the last
        // of them are other modules' (or an earlier snapshot's reference), so the mark moves up to the snapshot, which a
        // start would otherwise take for one restored from elsewhere, past the index.
        await s.Registry.IndexAsync([], [], [], covered).ConfigureAwait(false);
        // The reference entry is not a registry event: the ledger has nothing to apply from it.
        _applied = entry.Sequence;
        _lastSnapshot = entry.Sequence;
        return row with { Content = ReadOnlyMemory<byte>.Empty };
    }

    // Restores the newest snapshot that checks out (skipping, with a warning, each one that does not), then replays the
    // journal after it, indexing any registry entry the index does not cover yet.
    private async Task<long> LoadAsync(IStoreSession s)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _ledger = new RegistryLedger();
        _applied = 0;
        RestoredFrom = null;
        var indexedTo = await s.Registry.IndexedToAsync().ConfigureAwait(false);
        var snapshots = await s.Registry.SnapshotsAsync().ConfigureAwait(false);
        _lastSnapshot = snapshots.Count > 0 ? snapshots[0].ReferenceSequence : 0;
        foreach (var row in snapshots)
        {
            // A snapshot past the index (restored from elsewhere) would leave entries unindexed, and one at or after a
            // known break cannot be right.
            if ((row.Sequence > indexedTo && await HasRegistryEntriesAsync(s, indexedTo, row.Sequence).ConfigureAwait(false))
                || (_break is { } b && row.Sequence >= b.Sequence))
            {
                continue;
            }
            var (ledger, problem) = await RestoreAsync(s, row).ConfigureAwait(false);
            if (ledger is not null)
            {
                _ledger = ledger;
                _applied = row.Sequence;
                RestoredFrom = row.Sequence;
                break;
            }
            if (log is not null)
            {
                LogSnapshotSkipped(log, row.Sequence, problem);
            }
        }
        var restored = clock.Elapsed;
        await CatchUpAsync(s, indexAfter: indexedTo).ConfigureAwait(false);
        if (log is not null)
        {
            LogLoaded(log, RestoredFrom ?? 0, (long)restored.TotalMilliseconds, _applied - (RestoredFrom ?? 0),
                (long)clock.Elapsed.TotalMilliseconds);
        }
        return _applied;
    }

    // Whether any registry entry lies in (after, upTo]: none for a snapshot written before the index mark moved with it,
    // when only other modules' entries followed the last registry write.
    private static async Task<bool> HasRegistryEntriesAsync(IStoreSession s, long after, long upTo)
    {
        await foreach (var entry in s.Journal.ReadAllAsync(after + 1).WithCancellation(s.CancellationToken).ConfigureAwait(false))
        {
            if (entry.Sequence > upTo)
            {
                return false;
            }
            if (entry.Kind.StartsWith(KindPrefix, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Checks one stored snapshot against the journal entry that recorded it (sequence, SHA-256, signature when this
    /// service has the key) and reads it. Returns the restored ledger, or null with the reason it was refused.
    /// </summary>
    internal async Task<(RegistryLedger? Ledger, string Problem)> RestoreAsync(IStoreSession s, RegistrySnapshotRow row)
    {
        var entry = await s.Registry.EntryAsync(row.ReferenceSequence).ConfigureAwait(false);
        if (entry is null || entry.Kind != RegistrySnapshotReference.Kind
            || RegistrySnapshotReference.TryRead(entry.Payload) is not { } reference)
        {
            return (null, $"journal entry {row.ReferenceSequence} does not record it");
        }
        if (reference.Sequence != row.Sequence)
        {
            return (null, $"journal entry {row.ReferenceSequence} records a snapshot of entry {reference.Sequence}");
        }
        if (signer is not null && reference.Signature is { } signature && reference.KeyId == signer.KeyId
            && !signer.Verifies(reference.SignedText, signature))
        {
            return (null, "its signature does not verify");
        }
        var content = await s.Registry.SnapshotContentAsync(row.Sequence).ConfigureAwait(false);
        if (content is null)
        {
            return (null, "its content is missing");
        }
        if (!RegistrySnapshotFormat.TryDecode(content, reference.Sha256, row.Sequence, out var state, out var reason))
        {
            return (null, reason);
        }
        try
        {
            return (RegistryLedger.FromState(state!), "");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NullReferenceException
            or KeyNotFoundException)
        {
            return (null, "its state does not hang together: " + e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Registry loaded from the snapshot of journal entry {Snapshot} (0: none) in {RestoreMs} ms, then {Replayed} journal entries after it; {TotalMs} ms in all")]
    private static partial void LogLoaded(ILogger logger, long snapshot, long restoreMs, long replayed, long totalMs);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Registry snapshot of journal entry {Sequence} skipped: {Problem}; falling back to the one before it")]
    private static partial void LogSnapshotSkipped(ILogger logger, long sequence, string problem);
}
