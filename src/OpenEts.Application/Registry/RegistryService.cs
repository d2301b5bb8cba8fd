using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OpenEts.Application.Journal;
using OpenEts.Application.Storage;
using OpenEts.Domain.Journal;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>
/// The carbon registry (注册登记系统) on the shared journal, event-sourced: a <see cref="RegistryLedger"/> in memory,
/// restored from the newest valid snapshot and the journal's <c>registry.*</c> entries after it. Every request runs in
/// one write transaction: catch up with the journal, ask the ledger, and journal the event it raised in the same
/// transaction, with its index rows (account history, idempotency key). One instance per store (a singleton); requests
/// and reads are serialised on the in-memory ledger.
/// </summary>
/// <remarks>
/// When a write transaction fails after the ledger changed in memory, the ledger is dropped and restored again on the
/// next call, so memory never runs ahead of the database. Memory holds live state only: history is read from storage,
/// and idempotency keys and decided proposals leave memory after <see cref="RegistryLedger.RetentionWindow"/>.
/// </remarks>
public sealed partial class RegistryService(IStore store, JournalSigner? signer = null, ILogger<RegistryService>? log = null)
    : IDisposable
{
    /// <summary>The journal kind prefix of every registry event.</summary>
    public const string KindPrefix = "registry.";

    /// <summary>
    /// Journal entries between automatic snapshots, by default: what a killed process replays at most at its next start
    /// (plus the batch that crossed the mark), against one snapshot written per interval (docs/registry.md).
    /// </summary>
    public const long DefaultSnapshotInterval = 50_000;

    private readonly SemaphoreSlim _lock = new(1, 1);
    // The write path's buffers, reused from batch to batch (writes run one at a time, under _lock).
    private readonly JournalBatch _batch = new();
    private readonly ArrayBufferWriter<byte> _json = new(1024);
    private readonly Utf8JsonWriter _jsonWriter = new(Stream.Null, RegistryEventJson.WriterOptions);
    // Each account's index term ("a:" + number), made once per account.
    private readonly Dictionary<AccountNumber, string> _accountTerms = [];
    private RegistryLedger _ledger = new();
    private long _applied;
    private bool _loaded;

    // False while the first load runs in a read transaction: meeting an entry the index does not cover then means the
    // load must run again in a write transaction (IndexBehind), which happens once, on a journal older than the index.
    private bool _mayIndex = true;
    private long _lastSnapshot;
    private volatile JournalBreak? _break;

    /// <summary>
    /// The first journal entry that does not replay, once one was met (null while the journal replays). It stays until
    /// the process restarts: the registry is then read-only, reads show the state before that entry, and every write
    /// throws <see cref="RegistryReadOnlyException"/>.
    /// </summary>
    public JournalBreak? Break => _break;

    /// <summary>
    /// Journal entries after which a write also stores a snapshot (<see cref="DefaultSnapshotInterval"/>); 0 writes
    /// none automatically (<see cref="SnapshotAsync"/> still does).
    /// </summary>
    public long SnapshotInterval { get; init; } = DefaultSnapshotInterval;

    /// <summary>The journal entry covered by the snapshot this process last restored from; null when it replayed from genesis.</summary>
    public long? RestoredFrom { get; private set; }

    /// <summary>The registry's user id for a platform user: the login name.</summary>
    public static UserId UserOf(string userName) => UserId.From(userName);

    /// <summary>
    /// Runs <paramref name="requests"/> in order in ONE write transaction, each as <see cref="ExecuteAsync"/> would:
    /// each is accepted or rejected on its own (a rejected one changes nothing), and the events of the completed ones
    /// are journalled together at the end. Due proposals are expired once, before the first request (a proposal made
    /// within the batch cannot fall due at the same <paramref name="now"/>). Returns one outcome per request.
    /// </summary>
    /// <remarks>If any request throws, or the commit fails, nothing of the batch is stored.</remarks>
    public async Task<IReadOnlyList<RegistryOutcome>> ExecuteBatchAsync(
        DateTimeOffset now, IReadOnlyList<Func<RegistryLedger, RegistryOutcome>> requests, CancellationToken ct) =>
        (await RunAsync(now, requests, allOrNothing: false, progress: null, ct).ConfigureAwait(false)).Outcomes;

    /// <summary>
    /// Runs <paramref name="requests"/> in order in ONE write transaction, all or nothing: at the first refusal the run
    /// stops and nothing of it is stored (not even the requests before it); otherwise all are stored together.
    /// Duplicates (a key already used for the same request) count as done. <paramref name="progress"/> is told how many
    /// requests have run so far.
    /// </summary>
    public async Task<RegistryBatchResult> ExecuteAllOrNothingAsync(
        DateTimeOffset now, IReadOnlyList<Func<RegistryLedger, RegistryOutcome>> requests, Action<int>? progress,
        CancellationToken ct)
    {
        var (outcomes, refused) = await RunAsync(now, requests, allOrNothing: true, progress, ct).ConfigureAwait(false);
        return new RegistryBatchResult(outcomes, refused);
    }

    // Keys older than the window are not in memory. Each run first assumes every key it does not know is new: a request
    // refused with such a key runs again once its key is looked up in storage (a refusal changes nothing); one that
    // completes is refused by storage's primary key on (actor, key) if the key is old, and the whole run is then repeated
    // (on a ledger restored afresh) looking up every unknown key in storage, so the old key answers as a duplicate.
    // Fresh keys, the common case, cost no lookup at all.
    private async Task<(IReadOnlyList<RegistryOutcome> Outcomes, int? Refused)> RunAsync(
        DateTimeOffset now, IReadOnlyList<Func<RegistryLedger, RegistryOutcome>> requests, bool allOrNothing,
        Action<int>? progress, CancellationToken ct)
    {
        try
        {
            return await RunOnceAsync(now, requests, allOrNothing, progress, lookUpKeys: false, ct).ConfigureAwait(false);
        }
        catch (StoreConflictException e) when (e.Constraint.Contains("registry_keys", StringComparison.Ordinal))
        {
            return await RunOnceAsync(now, requests, allOrNothing, progress, lookUpKeys: true, ct).ConfigureAwait(false);
        }
    }

    private async Task<(IReadOnlyList<RegistryOutcome> Outcomes, int? Refused)> RunOnceAsync(
        DateTimeOffset now, IReadOnlyList<Func<RegistryLedger, RegistryOutcome>> requests, bool allOrNothing,
        Action<int>? progress, bool lookUpKeys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(requests);
        int? refused = null;
        var outcomes = await LockedAsync(store.WriteAsync, async s =>
        {
            refused = null;
            await CatchUpAsync(s).ConfigureAwait(false);
            if (_break is { } broken)
            {
                throw new RegistryReadOnlyException(broken);
            }
            (UserId Sender, IdempotencyKey Key)? missed = null;
            _ledger.RequestArchive = lookUpKeys
                ? (sender, key) => StoredRequest(s, sender, key)
                : (sender, key) =>
                {
                    missed = (sender, key);
                    return null;
                };
            var raised = new List<RegistryEvent>(_ledger.ExpireProposals(now));
            var results = new List<RegistryOutcome>(requests.Count);
            for (var i = 0; i < requests.Count; i++)
            {
                missed = null;
                var result = requests[i](_ledger);
                if (result is RegistryOutcome.Rejected && missed is { } m
                    && await s.Registry.FindKeyAsync(m.Sender.Value, m.Key.Value!).ConfigureAwait(false) is { } stored)
                {
                    // A refusal changes nothing, so the request can run again, now knowing its key's older request.
                    var earlier = RegistryEventJson.Deserialize(stored.Payload);
                    var lookup = _ledger.RequestArchive;
                    _ledger.RequestArchive = (sender, key) => sender == m.Sender && key == m.Key ? earlier : null;
                    result = requests[i](_ledger);
                    _ledger.RequestArchive = lookup;
                }
                results.Add(result);
                progress?.Invoke(i + 1);
                if (result is RegistryOutcome.Completed { Duplicate: false } completed)
                {
                    raised.Add(completed.Event);
                }
                else if (allOrNothing && result is RegistryOutcome.Rejected)
                {
                    // Nothing has been written yet (events are appended at the end), so the transaction commits
                    // empty; the ledger already applied the earlier requests in memory and is restored below.
                    refused = i;
                    return results;
                }
            }
            _ledger.RequestArchive = null;
            await AppendAsync(s, raised, now).ConfigureAwait(false);
            return results;
        }, keep: _ => refused is null, ct).ConfigureAwait(false);
        return (outcomes, refused);
    }

    /// <summary>
    /// Expires and journals every pending proposal due at <paramref name="now"/> without waiting for the next request
    /// (the server runs this every minute, so pages never offer a proposal that is already past its expiry). Returns
    /// how many were due.
    /// </summary>
    public async Task<int> ExpireDueProposalsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = await QueryAsync((l, _) => l.Proposals.Count(p => p.State == ProposalState.Pending && p.ExpiresAt <= now), ct)
            .ConfigureAwait(false);
        if (due > 0)
        {
            await ExecuteBatchAsync(now, [], ct).ConfigureAwait(false);
        }
        return due;
    }

    /// <summary>
    /// Reads the caught-up registry: <paramref name="query"/> gets the ledger and every registry event so far. The
    /// events are read from storage, all of them, only when the query touches the list: prefer
    /// <see cref="HistoryAsync"/>, which reads one account's history a page at a time.
    /// </summary>
    public Task<T> QueryAsync<T>(Func<RegistryLedger, IReadOnlyList<RegistryRecord>, T> query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        return LockedAsync(store.ReadAsync, async s =>
        {
            await CatchUpAsync(s).ConfigureAwait(false);
            return query(_ledger, new StoredRecords(s, _applied));
        }, keep: _ => true, ct);
    }

    /// <summary>True when <paramref name="e"/> touches <paramref name="account"/> (as source, destination or subject).</summary>
    public static bool Involves(RegistryEvent e, AccountNumber account, RegistryLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Facts(ledger).Accounts.Contains(account);
    }

    public void Dispose()
    {
        _lock.Dispose();
        _jsonWriter.Dispose();
    }

    // Runs one read or write on the caught-up ledger, one caller at a time; the first call restores the ledger, in a
    // read transaction (other modules call the registry from inside their own write transaction, and a second writer
    // there would wait for the first: SQLite's lock, PostgreSQL's advisory lock), and only when the journal holds
    // registry entries the index does not cover yet (a journal older than the index) again in a write transaction. When the call fails (or keep
    // says the run must not stay, as for a refused all-or-nothing batch), the in-memory ledger is dropped and restored
    // on the next call, so memory never runs ahead of the database.
    private async Task<T> LockedAsync<T>(
        Func<Func<IStoreSession, Task<T>>, CancellationToken, Task<T>> transaction, Func<IStoreSession, Task<T>> work,
        Func<T, bool> keep, CancellationToken ct)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        var kept = false;
        try
        {
            if (!_loaded)
            {
                try
                {
                    _mayIndex = false;
                    await store.ReadAsync(LoadAsync, ct).ConfigureAwait(false);
                }
                catch (IndexBehindException)
                {
                    _mayIndex = true;
                    await store.WriteAsync(LoadAsync, ct).ConfigureAwait(false);
                }
                finally
                {
                    _mayIndex = true;
                }
                _loaded = true;
            }
            var result = await transaction(async s =>
            {
                _ledger.ProposalArchive = id => StoredProposal(s, id);
                try
                {
                    return await work(s).ConfigureAwait(false);
                }
                finally
                {
                    _ledger.ProposalArchive = null;
                    _ledger.RequestArchive = null;
                }
            }, ct).ConfigureAwait(false);
            kept = keep(result);
            return result;
        }
        finally
        {
            if (!kept)
            {
                Reset();
            }
            _lock.Release();
        }
    }

    // Applies the journal's new entries. At the first one that does not replay it records the break, restores the
    // ledger to the entry before it (Apply may have half-done the refused one) and stops there, then and on every
    // later call: the registry stays readable as it was before that entry. indexAfter: index the registry entries after
    // this sequence on the way (a journal older than the index, on first start).
    private async Task CatchUpAsync(IStoreSession s, long? indexAfter = null)
    {
        if (await CatchUpFromBytesAsync(s, indexAfter).ConfigureAwait(false))
        {
            return;
        }
        var index = new IndexRows();
        await foreach (var entry in s.Journal.ReadAllAsync(_applied + 1).WithCancellation(s.CancellationToken).ConfigureAwait(false))
        {
            if (_break is { } known && entry.Sequence >= known.Sequence)
            {
                break;
            }
            if (entry.Kind.StartsWith(KindPrefix, StringComparison.Ordinal))
            {
                RegistryEvent e;
                try
                {
                    e = RegistryEventJson.Deserialize(entry.Payload);
                    _ledger.Apply(e);
                }
                catch (Exception failure) when (failure is JsonException or InvalidOperationException or ArgumentException
                    or NotSupportedException or OverflowException)
                {
                    _break = new JournalBreak(entry.Sequence, failure.Message);
                    await FlushIndexAsync(s, index, _applied, indexAfter).ConfigureAwait(false);
                    await LoadAsync(s).ConfigureAwait(false);
                    return;
                }
                if (indexAfter is { } after && entry.Sequence > after)
                {
                    if (!_mayIndex)
                    {
                        throw new IndexBehindException();
                    }
                    AddIndexRows(e, e.Facts(_ledger), entry.Sequence, index);
                    if (index.Terms.Count >= 50_000)
                    {
                        await FlushIndexAsync(s, index, entry.Sequence, indexAfter).ConfigureAwait(false);
                    }
                }
            }
            _applied = entry.Sequence;
        }
        await FlushIndexAsync(s, index, _applied, indexAfter).ConfigureAwait(false);
    }

    // The common case of CatchUpAsync, read from the stored bytes (kind and payload only, no entry objects): applies the
    // entries after _applied up to the head, or up to a known break. Stops, leaving the rest to the general loop, at a
    // registry entry the index does not cover yet (indexAfter). Returns true when there is nothing left for that loop.
    private async Task<bool> CatchUpFromBytesAsync(IStoreSession s, long? indexAfter)
    {
        var unindexed = false;
        (long Sequence, string Reason)? failed = null;
        await s.Journal.ReadPayloadsAsync(_applied + 1, (sequence, kind, payload) =>
        {
            if (_break is { } known && sequence >= known.Sequence)
            {
                return false;
            }
            if (kind.StartsWith("registry."u8))
            {
                if (indexAfter is { } after && sequence > after)
                {
                    unindexed = true;
                    return false;
                }
                try
                {
                    _ledger.Apply(RegistryEventJson.Deserialize(payload));
                }
                catch (Exception failure) when (failure is JsonException or InvalidOperationException or ArgumentException
                    or NotSupportedException or OverflowException)
                {
                    failed = (sequence, failure.Message);
                    return false;
                }
            }
            _applied = sequence;
            return true;
        }).ConfigureAwait(false);
        if (failed is { } f)
        {
            // As the general loop: Apply may have half-done the refused entry, so the ledger is restored up to before it.
            _break = new JournalBreak(f.Sequence, f.Reason);
            await LoadAsync(s).ConfigureAwait(false);
        }
        return !unindexed;
    }

    private async Task FlushIndexAsync(IStoreSession s, IndexRows index, long upTo, long? indexAfter)
    {
        // In the read-only first load nothing needs indexing (IndexBehind otherwise): the mark moves with the next write.
        if (indexAfter is not { } after || upTo <= after || !_mayIndex)
        {
            return;
        }
        await s.Registry.IndexAsync(index.Terms, index.Proposals, index.Keys, upTo).ConfigureAwait(false);
        index.Terms.Clear();
        index.Proposals.Clear();
        index.Keys.Clear();
    }

    // The index rows of events: each account an event touches ("a:" + number), its proposal (by number), and its key.
    private sealed class IndexRows(int capacity = 0)
    {
        public List<(string Term, long Sequence)> Terms { get; } = new(2 * capacity);

        public List<(long Proposal, long Sequence)> Proposals { get; } = new(capacity);

        public List<(string Actor, string Key, long Sequence)> Keys { get; } = new(capacity);
    }

    private void AddIndexRows(RegistryEvent e, RegistryEventFacts facts, long sequence, IndexRows index)
    {
        var accounts = facts.Accounts;
        for (var i = 0; i < accounts.Count; i++)
        {
            if (!Seen(accounts, i))
            {
                index.Terms.Add((AccountTerm(accounts[i]), sequence));
            }
        }
        if (facts.Proposal is { } proposal)
        {
            index.Proposals.Add((proposal.Value, sequence));
        }
        if (e.Key is { } key)
        {
            index.Keys.Add((e.Actor.Value, key.Value!, sequence));
        }
    }

    // True when accounts[i] already came earlier in the list (an event names two or three accounts at most).
    private static bool Seen(IReadOnlyList<AccountNumber> accounts, int i)
    {
        for (var j = 0; j < i; j++)
        {
            if (accounts[j] == accounts[i])
            {
                return true;
            }
        }
        return false;
    }

    private string AccountTerm(AccountNumber account)
    {
        if (!_accountTerms.TryGetValue(account, out var term))
        {
            term = "a:" + account.Value;
            _accountTerms.Add(account, term);
        }
        return term;
    }

    // Journals the batch's events with their index rows, and (with snapshotAt) stores a snapshot after them when one is
    // due. The work that
    // needs no database runs on another core while this thread stores: the events' UTF-8 JSON and their hash chain
    // (from the journal's tail, read first) while the index rows are inserted, and the snapshot's encoding while the
    // journal rows are. Every ledger read happens here before the others start, and they all finish before this returns
    // or throws, so the ledger and the write buffers are never used by two threads at once.
    private async Task AppendAsync(IStoreSession s, List<RegistryEvent> events, DateTimeOffset? snapshotAt)
    {
        if (events.Count == 0)
        {
            if (snapshotAt is { } at && SnapshotDue(_applied))
            {
                await WriteSnapshotAsync(s, at).ConfigureAwait(false);
            }
            return;
        }
        // Each event's facts once: its subject for the journal row, its accounts and proposal for the index rows.
        var facts = new RegistryEventFacts[events.Count];
        for (var i = 0; i < facts.Length; i++)
        {
            facts[i] = events[i].Facts(_ledger);
        }
        var (tail, tailHash) = await s.Journal.TailAsync().ConfigureAwait(false);
        var first = tail + 1;
        var last = tail + events.Count;
        var state = snapshotAt is not null && SnapshotDue(last) ? _ledger.ToState() : null;
        Task written;
        if (events.Count < ConcurrentBatchMinimum)
        {
            WriteBatch(events, facts, first, tailHash);
            written = Task.CompletedTask;
        }
        else
        {
            written = Task.Run(() => WriteBatch(events, facts, first, tailHash));
        }
        var encoded = state is null ? null : Task.Run(() => RegistrySnapshotFormat.Encode(state, last));
        var finished = false;
        try
        {
            var index = new IndexRows(events.Count);
            for (var i = 0; i < events.Count; i++)
            {
                AddIndexRows(events[i], facts[i], first + i, index);
            }
            await s.Registry.IndexAsync(index.Terms, index.Proposals, index.Keys, last).ConfigureAwait(false);
            await written.ConfigureAwait(false);
            if (await s.Journal.AppendBatchAsync(_batch).ConfigureAwait(false) != last)
            {
                throw new InvalidOperationException("The journal's tail moved while the registry appended its batch.");
            }
            _applied = last;
            if (encoded is not null)
            {
                await WriteSnapshotAsync(s, snapshotAt.GetValueOrDefault(), await encoded.ConfigureAwait(false)).ConfigureAwait(false);
            }
            finished = true;
        }
        finally
        {
            if (!finished)
            {
                // The failure that got here is the one the caller sees; the helpers only have to be done with the buffers.
                await written.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (encoded is not null)
                {
                    await ((Task)encoded).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
        }
    }

    // The events as UTF-8 JSON into the reused batch, hashed as the journal will store them after tailHash.
    private void WriteBatch(List<RegistryEvent> events, RegistryEventFacts[] facts, long first, string tailHash)
    {
        _batch.Clear();
        for (var i = 0; i < facts.Length; i++)
        {
            var e = events[i];
            _json.ResetWrittenCount();
            _jsonWriter.Reset(_json);
            RegistryEventJson.Write(_jsonWriter, e);
            _jsonWriter.Flush();
            _batch.Add(e.At, e.Actor.Value, RegistryEventJson.KindOf(e), Subject(facts[i]), _json.WrittenSpan);
        }
        _batch.Chain(first, tailHash);
    }

    // Below this many events a batch is written on this thread: a handoff would cost more than it saves.
    private const int ConcurrentBatchMinimum = 256;

    private bool SnapshotDue(long applied) => SnapshotInterval > 0 && applied - _lastSnapshot >= SnapshotInterval;

    // The journal subject is the one account the event is about (RegistryEventFacts.Subject), so the audit log's subject
    // filter finds an account's own acts. (One account rather than the pair also keeps the journal's subject index to
    // about one key per account, which measurably speeds up journalling: see docs/registry.md.)
    private static string Subject(RegistryEventFacts facts) => facts.Subject?.Value ?? "";

    // Drops the in-memory registry; the next call restores it.
    private void Reset()
    {
        _ledger = new RegistryLedger();
        _applied = 0;
        _loaded = false;
    }
}

/// <summary>The first load met registry entries the index does not cover, in a read transaction: it must index them in a write.</summary>
internal sealed class IndexBehindException : Exception
{
    public IndexBehindException()
        : base("the registry index is behind the journal")
    {
    }

    public IndexBehindException(string message)
        : base(message)
    {
    }

    public IndexBehindException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
