namespace OpenEts.Application.Registry;

/// <summary>
/// The registry's self-check: the journal's hash chain recomputed, and the registry events replayed from scratch and
/// compared with the live registry.
/// </summary>
/// <param name="ChainIntact">True when every journal entry's hash is right and links to the one before.</param>
/// <param name="EntriesChecked">Journal entries whose hashes were recomputed.</param>
/// <param name="FirstBadSequence">The first entry that breaks the chain, or null.</param>
/// <param name="ChainReason">Why that entry breaks the chain, or null.</param>
/// <param name="RegistryEvents">Registry events replayed.</param>
/// <param name="ReplayMatches">True when the replayed registry equals the live one (accounts, holdings, proposals).</param>
/// <param name="Conserved">True when, for every class, units held across all accounts equal units issued.</param>
/// <param name="ReplayFailedAt">The journal entry whose registry event could not be read or did not fit, or null.</param>
/// <param name="ReplayReason">Why that entry could not be replayed, or null.</param>
public sealed record RegistryCheck(
    bool ChainIntact, long EntriesChecked, long? FirstBadSequence, string? ChainReason,
    long RegistryEvents, bool ReplayMatches, bool Conserved, long? ReplayFailedAt = null, string? ReplayReason = null)
{
    /// <summary>True when all three checks pass.</summary>
    public bool Intact => ChainIntact && ReplayMatches && Conserved;
}
