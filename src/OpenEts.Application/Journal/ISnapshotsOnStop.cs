namespace OpenEts.Application.Journal;

/// <summary>
/// A ledger rebuilt from the journal that stores a snapshot of itself when the process stops cleanly, so that the next
/// start restores it instead of replaying the tail. A killed process skips this; its next start replays at most the
/// ledger's snapshot interval.
/// </summary>
public interface ISnapshotsOnStop
{
    /// <summary>The ledger's name in the log ("registry", "exchange").</summary>
    string SnapshotLedger { get; }

    /// <summary>
    /// Stores a snapshot when enough entries came after the newest one; returns the journal entry it covers, or null
    /// when none was needed.
    /// </summary>
    Task<long?> StoreSnapshotOnStopAsync(DateTimeOffset now, CancellationToken ct);
}
