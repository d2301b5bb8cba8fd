namespace OpenEts.Application.Registry;

/// <summary>What <see cref="RegistryService.VerifyAsync(CancellationToken)"/> found.</summary>
/// <param name="ChainIntact">True when every entry checked chains to the one before it and matches its hash.</param>
/// <param name="EntriesChecked">How many journal entries the hash chain check read (this run, plus a resumed run's).</param>
/// <param name="FirstBadSequence">The first entry that breaks the chain; null when intact.</param>
/// <param name="ChainReason">Why it breaks; null when intact.</param>
/// <param name="RegistryEvents">How many registry events were replayed.</param>
/// <param name="ReplayMatches">True when the replay gives exactly the live registry.</param>
/// <param name="Conserved">True when, for every class, the units held equal the units issued.</param>
/// <param name="ReplayFailedAt">The first entry whose event cannot be read or does not fit; null when none.</param>
/// <param name="ReplayReason">Why it does not replay; null when it does.</param>
/// <param name="CheckedFrom">The first entry checked: 1 for a full check, the entry after the snapshot with --from-snapshot.</param>
/// <param name="SnapshotMismatchAt">A snapshot (by the entry it covers) that reads but differs from the replay; null when none.</param>
/// <param name="SnapshotWarnings">Snapshots that do not read (skipped at start too), each with its reason.</param>
public sealed record RegistryCheck(
    bool ChainIntact, long EntriesChecked, long? FirstBadSequence, string? ChainReason,
    long RegistryEvents, bool ReplayMatches, bool Conserved, long? ReplayFailedAt = null, string? ReplayReason = null,
    long CheckedFrom = 1, long? SnapshotMismatchAt = null, IReadOnlyList<string>? SnapshotWarnings = null)
{
    /// <summary>True when the chain is intact, the replay matches, units are conserved and every snapshot that reads matches.</summary>
    public bool Intact => ChainIntact && ReplayMatches && Conserved && SnapshotMismatchAt is null;
}
