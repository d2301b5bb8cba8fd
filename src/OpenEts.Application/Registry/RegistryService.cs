using System.Text.Json;
using OpenEts.Application.Storage;
using OpenEts.Domain.Journal;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>
/// The carbon registry (注册登记系统) on the shared journal, event-sourced: a <see cref="RegistryLedger"/> in memory,
/// rebuilt from the journal's <c>registry.*</c> entries. Every request runs in one write transaction: catch up with the
/// journal, ask the ledger, and journal the event it raised in the same transaction. One instance per store
/// (a singleton); requests and reads are serialised on the in-memory ledger.
/// </summary>
/// <remarks>
/// When a write transaction fails after the ledger changed in memory, the ledger is dropped and rebuilt from the
/// journal on the next call, so memory never runs ahead of the database.
/// </remarks>
public sealed partial class RegistryService(IStore store) : IDisposable
{
    /// <summary>The journal kind prefix of every registry event.</summary>
    public const string KindPrefix = "registry.";

    private readonly SemaphoreSlim _lock = new(1, 1);
    private RegistryLedger _ledger = new();
    private List<RegistryRecord> _records = [];
    private long _applied;
    private volatile JournalBreak? _break;

    /// <summary>
    /// The first journal entry that does not replay, once one was met (null while the journal replays). It stays until
    /// the process restarts: the registry is then read-only, reads show the state before that entry, and every write
    /// throws <see cref="RegistryReadOnlyException"/>.
    /// </summary>
    public JournalBreak? Break => _break;

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

    private async Task<(IReadOnlyList<RegistryOutcome> Outcomes, int? Refused)> RunAsync(
        DateTimeOffset now, IReadOnlyList<Func<RegistryLedger, RegistryOutcome>> requests, bool allOrNothing,
        Action<int>? progress, CancellationToken ct)
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
            var raised = new List<RegistryEvent>(_ledger.ExpireProposals(now));
            var results = new List<RegistryOutcome>(requests.Count);
            for (var i = 0; i < requests.Count; i++)
            {
                var result = requests[i](_ledger);
                results.Add(result);
                progress?.Invoke(i + 1);
                if (result is RegistryOutcome.Completed { Duplicate: false } completed)
                {
                    raised.Add(completed.Event);
                }
                else if (allOrNothing && result is RegistryOutcome.Rejected)
                {
                    // Nothing has been written yet (events are appended at the end), so the transaction commits
                    // empty; the ledger already applied the earlier requests in memory and is rebuilt below.
                    refused = i;
                    return results;
                }
            }
            await AppendAsync(s, raised).ConfigureAwait(false);
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

    /// <summary>Reads the caught-up registry: <paramref name="query"/> gets the ledger and every registry event so far.</summary>
    public Task<T> QueryAsync<T>(Func<RegistryLedger, IReadOnlyList<RegistryRecord>, T> query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        return LockedAsync(store.ReadAsync, async s =>
        {
            await CatchUpAsync(s).ConfigureAwait(false);
            return query(_ledger, _records);
        }, keep: _ => true, ct);
    }

    /// <summary>
    /// Recomputes the journal's hash chain, replays every registry event into a fresh ledger and compares it with the
    /// live one, and checks that every class's units are conserved.
    /// </summary>
    /// <remarks>
    /// Never throws for a bad journal: an entry whose event cannot be read or does not fit is named in
    /// <see cref="RegistryCheck.ReplayFailedAt"/>, and a registry that cannot be loaded at all counts as not matching.
    /// </remarks>
    public Task<RegistryCheck> VerifyAsync(CancellationToken ct) =>
        LockedAsync(store.ReadAsync, async s =>
        {
            RegistryLedger? live;
            try
            {
                await CatchUpAsync(s).ConfigureAwait(false);
                live = _ledger;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                // The journal no longer loads: the registry is unusable until the journal is repaired.
                Reset();
                live = null;
            }
            var entries = new List<JournalEntry>();
            var replayed = new RegistryLedger();
            var events = 0L;
            (long Sequence, string Reason)? failure = null;
            await foreach (var entry in s.Journal.ReadAllAsync(1).WithCancellation(ct).ConfigureAwait(false))
            {
                entries.Add(entry);
                if (failure is not null || !entry.Kind.StartsWith(KindPrefix, StringComparison.Ordinal))
                {
                    continue;
                }
                events++;
                try
                {
                    replayed.Apply(RegistryEventJson.Deserialize(entry.Payload));
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException)
                {
                    failure = (entry.Sequence, e.Message);
                }
            }
            var broken = JournalVerifier.FindFirstBreak(entries);
            var matches = failure is null && live is not null && replayed.Fingerprint() == live.Fingerprint();
            var conserved = live is not null && live.IssuedClasses.All(c => live.TotalHeld(c) == live.TotalIssued(c));
            return new RegistryCheck(broken is null, entries.Count, broken?.Sequence, broken?.Reason, events,
                matches, conserved, failure?.Sequence, failure?.Reason);
        }, keep: _ => true, ct);

    /// <summary>True when <paramref name="e"/> touches <paramref name="account"/> (as source, destination or subject).</summary>
    public static bool Involves(RegistryEvent e, AccountNumber account, RegistryLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Facts(ledger).Accounts.Contains(account);
    }

    public void Dispose() => _lock.Dispose();

    // Runs one read or write on the caught-up ledger, one caller at a time. When the call fails (or keep says the run
    // must not stay, as for a refused all-or-nothing batch), the in-memory ledger is dropped and rebuilt from the
    // journal on the next call, so memory never runs ahead of the database.
    private async Task<T> LockedAsync<T>(
        Func<Func<IStoreSession, Task<T>>, CancellationToken, Task<T>> transaction, Func<IStoreSession, Task<T>> work,
        Func<T, bool> keep, CancellationToken ct)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        var kept = false;
        try
        {
            var result = await transaction(work, ct).ConfigureAwait(false);
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

    // Applies the journal's new entries. At the first one that does not replay it records the break, rebuilds the
    // ledger from the entries before it (Apply may have half-done the refused one) and stops there, then and on every
    // later call: the registry stays readable as it was before that entry.
    private async Task CatchUpAsync(IStoreSession s)
    {
        await foreach (var entry in s.Journal.ReadAllAsync(_applied + 1).WithCancellation(s.CancellationToken).ConfigureAwait(false))
        {
            if (_break is { } known && entry.Sequence >= known.Sequence)
            {
                return;
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
                    _ledger = new RegistryLedger();
                    foreach (var record in _records)
                    {
                        _ledger.Apply(record.Event);
                    }
                    return;
                }
                _records.Add(new RegistryRecord(entry.Sequence, e));
            }
            _applied = entry.Sequence;
        }
    }

    private async Task AppendAsync(IStoreSession s, List<RegistryEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }
        var rows = new (DateTimeOffset, string, string, string, string)[events.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var e = events[i];
            rows[i] = (e.At, e.Actor.Value, RegistryEventJson.KindOf(e), Subject(e),
                RegistryEventJson.Serialize(e));
        }
        var entries = await s.Journal.AppendManyAsync(rows).ConfigureAwait(false);
        for (var i = 0; i < entries.Count; i++)
        {
            _records.Add(new RegistryRecord(entries[i].Sequence, events[i]));
        }
        _applied = entries[^1].Sequence;
    }

    // The journal subject is the one account the event is about (RegistryEventFacts.Subject), so the audit log's subject
    // filter finds an account's own acts. (One account rather than the pair also keeps the journal's subject index to
    // about one key per account, which measurably speeds up journalling: see docs/registry.md.)
    private string Subject(RegistryEvent e) => e.Facts(_ledger).Subject?.Value ?? "";

    // Drops the in-memory registry; the next call replays it from the journal.
    private void Reset()
    {
        _ledger = new RegistryLedger();
        _records = [];
        _applied = 0;
    }
}
