using System.Collections;
using OpenEts.Application.Storage;
using OpenEts.Domain.Journal;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

// What the ledger no longer keeps in memory, read back from storage: requests and decided proposals older than the
// retention window, and history. The ledger's lookups are synchronous (it is pure and runs inside the transaction),
// so these wait on the session; on SQLite the reads complete synchronously anyway, and they are rare: a key lookup
// only on a retried run, a proposal lookup only for a decision older than the window.
public sealed partial class RegistryService
{
    /// <summary>
    /// One page of an account's history (the registry events touching it that pass <paramref name="filter"/>), oldest
    /// first, read from storage through the account index: memory holds one page, whatever the history's length.
    /// </summary>
    public Task<IReadOnlyList<RegistryHistoryRow>> HistoryAsync(
        AccountNumber account, RegistryHistoryFilter? filter, long skip, int take, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        return LockedAsync(store.ReadAsync, async s =>
        {
            await CatchUpAsync(s).ConfigureAwait(false);
            return await HistoryPageAsync(s, account, filter, skip, take).ConfigureAwait(false);
        }, keep: _ => true, ct);
    }

    private async Task<IReadOnlyList<RegistryHistoryRow>> HistoryPageAsync(
        IStoreSession s, AccountNumber account, RegistryHistoryFilter? filter, long skip, int take)
    {
        const int Chunk = 1000;
        var rows = new List<RegistryHistoryRow>();
        var matched = 0L;
        for (var offset = 0L; ; offset += Chunk)
        {
            var entries = await s.Registry.EntriesOfAsync(AccountTerm(account), offset, Chunk).ConfigureAwait(false);
            foreach (var entry in entries)
            {
                // Entries past the ledger (a writer committed after this read began) or at a break are not shown.
                if (entry.Sequence > _applied || !entry.Kind.StartsWith(KindPrefix, StringComparison.Ordinal))
                {
                    continue;
                }
                var e = RegistryEventJson.Deserialize(entry.Payload);
                if (filter is not null && !filter.Matches(e, _ledger))
                {
                    continue;
                }
                if (matched++ >= skip)
                {
                    rows.Add(RegistryHistoryRow.Of(_ledger, new RegistryRecord(entry.Sequence, e), account));
                    if (rows.Count == take)
                    {
                        return rows;
                    }
                }
            }
            if (entries.Count < Chunk)
            {
                return rows;
            }
        }
    }

    /// <summary>
    /// The event a stored registry request raised, found by its sender and idempotency key in storage's key index, read in
    /// the session <paramref name="s"/> of a transaction the caller already holds (another module's
    /// <see cref="WriteTogetherAsync{T}"/>: the exchange's end of day reads each trade's delivery this way); null when no
    /// such request was stored. Requests of the caller's own, not yet committed transaction are not there.
    /// </summary>
    public static async Task<RegistryEvent?> StoredRequestAsync(IStoreSession s, UserId sender, IdempotencyKey key)
    {
        ArgumentNullException.ThrowIfNull(s);
        return await s.Registry.FindKeyAsync(sender.Value, key.Value!).ConfigureAwait(false) is { } entry
            && entry.Kind.StartsWith(KindPrefix, StringComparison.Ordinal)
            ? RegistryEventJson.Deserialize(entry.Payload)
            : null;
    }

    /// <summary>
    /// The registry's events for many requests at once, read in batches: each by its sender and key; a request the registry
    /// does not hold is absent.
    /// </summary>
    public static async Task<IReadOnlyDictionary<(string Sender, string Key), RegistryEvent>> StoredRequestsAsync(
        IStoreSession s, IReadOnlyCollection<(UserId Sender, IdempotencyKey Key)> requests)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(requests);
        var found = new Dictionary<(string, string), RegistryEvent>();
        foreach (var k in await s.Registry.FindKeysAsync([.. requests.Select(r => (r.Sender.Value, r.Key.Value!))]).ConfigureAwait(false))
        {
            if (k.Entry.Kind.StartsWith(KindPrefix, StringComparison.Ordinal))
            {
                found[(k.Actor, k.Key)] = RegistryEventJson.Deserialize(k.Entry.Payload);
            }
        }
        return found;
    }

    private static RegistryEvent? StoredRequest(IStoreSession s, UserId sender, IdempotencyKey key) =>
        s.Registry.FindKeyAsync(sender.Value, key.Value!).GetAwaiter().GetResult() is { } entry
            ? RegistryEventJson.Deserialize(entry.Payload)
            : null;

    // A decided proposal as the ledger had it: from the entry that proposed it and the one that decided it.
    private static TransferProposal? StoredProposal(IStoreSession s, ProposalId id)
    {
        var entries = s.Registry.ProposalEntriesAsync(id.Value).GetAwaiter().GetResult();
        TransferProposal? proposal = null;
        foreach (var entry in entries)
        {
            switch (RegistryEventJson.Deserialize(entry.Payload))
            {
                case TransferProposed p:
                    proposal = new TransferProposal(p.Proposal, p.From, p.To, p.Class, p.Quantity.Value, p.Actor, p.At,
                        p.ExpiresAt, ProposalState.Pending, null, null, []);
                    break;
                case UnitsTransferred t when proposal is not null:
                    proposal = proposal with { State = ProposalState.Executed, DecidedBy = t.Actor, DecidedAt = t.At, Blocks = t.Blocks };
                    break;
                case TransferRejected r when proposal is not null:
                    proposal = proposal with { State = ProposalState.Rejected, DecidedBy = r.Actor, DecidedAt = r.At };
                    break;
                case ProposalExpired x when proposal is not null:
                    proposal = proposal with { State = ProposalState.Expired, DecidedBy = x.Actor, DecidedAt = x.At };
                    break;
                default:
                    break;
            }
        }
        return proposal;
    }

    // Every registry event up to the ledger, read from storage the first time a query touches the list (and only
    // then): the old QueryAsync contract, kept for callers that still want the whole history at once.
    private sealed class StoredRecords(IStoreSession session, long upTo) : IReadOnlyList<RegistryRecord>
    {
        private List<RegistryRecord>? _records;

        public int Count => Records.Count;

        public RegistryRecord this[int index] => Records[index];

        public IEnumerator<RegistryRecord> GetEnumerator() => Records.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private List<RegistryRecord> Records => _records ??= Read();

        private List<RegistryRecord> Read()
        {
            var records = new List<RegistryRecord>();
            var reader = session.Journal.ReadAllAsync(1).GetAsyncEnumerator(session.CancellationToken);
            try
            {
                while (reader.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                {
                    JournalEntry entry = reader.Current;
                    if (entry.Sequence > upTo)
                    {
                        break;
                    }
                    if (entry.Kind.StartsWith(KindPrefix, StringComparison.Ordinal))
                    {
                        records.Add(new RegistryRecord(entry.Sequence, RegistryEventJson.Deserialize(entry.Payload)));
                    }
                }
            }
            finally
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            return records;
        }
    }
}
