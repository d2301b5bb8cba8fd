using OpenEts.Domain.Journal;

namespace OpenEts.Application.Storage;

/// <summary>
/// The registry's own tables beside the journal: snapshots of the ledger's state, an index of which entries mention an
/// account (a <em>term</em>: <c>a:</c> + account number), an index of which entries name a proposal (by its number), and
/// every request's idempotency key. The journal stays the record; all of this can be rebuilt from it.
/// </summary>
public interface IRegistryData
{
    /// <summary>
    /// Adds index rows (account terms, proposals) and keys for entries up to <paramref name="indexedTo"/> and records that
    /// the index has caught up to there. A key already stored throws <see cref="StoreConflictException"/> naming
    /// <c>registry_keys</c>. Only inside <see cref="IStore.WriteAsync{T}"/>.
    /// </summary>
    Task IndexAsync(IReadOnlyList<(string Term, long Sequence)> terms, IReadOnlyList<(long Proposal, long Sequence)> proposals,
        IReadOnlyList<(string Actor, string Key, long Sequence)> keys, long indexedTo);

    /// <summary>The last journal sequence the index covers (0 for none).</summary>
    Task<long> IndexedToAsync();

    /// <summary>The journal entry of the request <paramref name="actor"/> sent with <paramref name="key"/>, or null.</summary>
    Task<JournalEntry?> FindKeyAsync(string actor, string key);

    /// <summary>The journal entries of the <paramref name="requests"/> (sender, key) the registry holds, each with its sender and key.</summary>
    Task<IReadOnlyList<KeyedEntry>> FindKeysAsync(IReadOnlyCollection<(string Actor, string Key)> requests);

    /// <summary>The journal entry at <paramref name="sequence"/>, or null.</summary>
    Task<JournalEntry?> EntryAsync(long sequence);

    /// <summary>Entries mentioning <paramref name="term"/>, oldest first, skipping <paramref name="skip"/>.</summary>
    Task<IReadOnlyList<JournalEntry>> EntriesOfAsync(string term, long skip, int take);

    /// <summary>The entries naming proposal <paramref name="proposal"/> (its proposal and its decision), oldest first.</summary>
    Task<IReadOnlyList<JournalEntry>> ProposalEntriesAsync(long proposal);

    /// <summary>How many entries mention <paramref name="term"/>.</summary>
    Task<long> CountOfAsync(string term);

    /// <summary>Stores a snapshot (replacing one of the same sequence). Only inside <see cref="IStore.WriteAsync{T}"/>.</summary>
    Task SaveSnapshotAsync(RegistrySnapshotRow snapshot);

    /// <summary>Every snapshot, newest first, without its content.</summary>
    Task<IReadOnlyList<RegistrySnapshotRow>> SnapshotsAsync();

    /// <summary>The stored bytes of the snapshot at <paramref name="sequence"/>, or null.</summary>
    Task<byte[]?> SnapshotContentAsync(long sequence);
}
