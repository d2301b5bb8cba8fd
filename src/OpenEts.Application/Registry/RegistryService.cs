using System.Globalization;
using System.Text;
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
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        var done = false;
        int? refused = null;
        try
        {
            var outcomes = await store.WriteAsync(async s =>
            {
                refused = null;
                await CatchUpAsync(s).ConfigureAwait(false);
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
            }, ct).ConfigureAwait(false);
            done = refused is null;
            return (outcomes, refused);
        }
        finally
        {
            if (!done)
            {
                Reset();
            }
            _lock.Release();
        }
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
    public async Task<T> QueryAsync<T>(Func<RegistryLedger, IReadOnlyList<RegistryRecord>, T> query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        var done = false;
        try
        {
            var result = await store.ReadAsync(async s =>
            {
                await CatchUpAsync(s).ConfigureAwait(false);
                return query(_ledger, _records);
            }, ct).ConfigureAwait(false);
            done = true;
            return result;
        }
        finally
        {
            if (!done)
            {
                Reset();
            }
            _lock.Release();
        }
    }

    /// <summary>
    /// Recomputes the journal's hash chain, replays every registry event into a fresh ledger and compares it with the
    /// live one, and checks that every class's units are conserved.
    /// </summary>
    /// <remarks>
    /// Never throws for a bad journal: an entry whose event cannot be read or does not fit is named in
    /// <see cref="RegistryCheck.ReplayFailedAt"/>, and a registry that cannot be loaded at all counts as not matching.
    /// </remarks>
    public async Task<RegistryCheck> VerifyAsync(CancellationToken ct)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        var done = false;
        try
        {
            var check = await store.ReadAsync(async s =>
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
                var matches = failure is null && live is not null && Fingerprint(replayed) == Fingerprint(live);
                var conserved = live is not null && live.IssuedClasses.All(c => live.TotalHeld(c) == live.TotalIssued(c));
                return new RegistryCheck(broken is null, entries.Count, broken?.Sequence, broken?.Reason, events,
                    matches, conserved, failure?.Sequence, failure?.Reason);
            }, ct).ConfigureAwait(false);
            done = true;
            return check;
        }
        finally
        {
            if (!done)
            {
                Reset();
            }
            _lock.Release();
        }
    }

    /// <summary>True when <paramref name="e"/> touches <paramref name="account"/> (as source, destination or subject).</summary>
    public static bool Involves(RegistryEvent e, AccountNumber account, RegistryLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return Accounts(e, ledger).Contains(account);
    }

    /// <summary>Every account an event names, directly or through its proposal.</summary>
    public static IReadOnlyList<AccountNumber> Accounts(RegistryEvent e, RegistryLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return e switch
        {
            IUnitMovement m => [m.From, m.To],
            TransferProposed p => [p.From, p.To],
            TransferRejected r => Proposal(ledger, r.Proposal),
            ProposalExpired x => Proposal(ledger, x.Proposal),
            RegistryInitialised i => [i.Issuance, i.Surrender, i.Cancellation],
            AccountOpened o => [o.Account],
            AccountStateChanged c => [c.Account],
            RepresentativeAdded a => [a.Account],
            RepresentativeRemoved r => [r.Account],
            UnitsIssued i => [i.Account],
            _ => [],
        };
    }

    public void Dispose() => _lock.Dispose();

    private static AccountNumber[] Proposal(RegistryLedger ledger, ProposalId id) =>
        ledger.FindProposal(id) is { } p ? [p.From, p.To] : [];

    private async Task<T> QueryAsyncWithSession<T>(Func<IStoreSession, RegistryLedger, Task<T>> query, CancellationToken ct)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        var done = false;
        try
        {
            var result = await store.ReadAsync(async s =>
            {
                await CatchUpAsync(s).ConfigureAwait(false);
                return await query(s, _ledger).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
            done = true;
            return result;
        }
        finally
        {
            if (!done)
            {
                Reset();
            }
            _lock.Release();
        }
    }

    private async Task CatchUpAsync(IStoreSession s)
    {
        await foreach (var entry in s.Journal.ReadAllAsync(_applied + 1).WithCancellation(s.CancellationToken).ConfigureAwait(false))
        {
            if (entry.Kind.StartsWith(KindPrefix, StringComparison.Ordinal))
            {
                var e = RegistryEventJson.Deserialize(entry.Payload);
                _ledger.Apply(e);
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

    // The journal subject is the one account the event is about, so the audit log's subject filter finds an account's
    // own acts: the source of a transfer, proposal, surrender, cancellation or correction, the receiver of an
    // allocation, the account opened or changed. (One account rather than the pair also keeps the journal's subject
    // index to about one key per account, which measurably speeds up journalling: see docs/registry.md.)
    private string Subject(RegistryEvent e) => e switch
    {
        UnitsAllocated a => a.To.Value,
        IUnitMovement m => m.From.Value,
        TransferProposed p => p.From.Value,
        TransferRejected or ProposalExpired => Accounts(e, _ledger) is [var from, ..] ? from.Value : "",
        RegistryInitialised i => i.Issuance.Value,
        _ => Accounts(e, _ledger) is [var only, ..] ? only.Value : "",
    };

    // Drops the in-memory registry; the next call replays it from the journal.
    private void Reset()
    {
        _ledger = new RegistryLedger();
        _records = [];
        _applied = 0;
    }

    // Everything the registry holds, as text, for comparing two ledgers.
    private static string Fingerprint(RegistryLedger ledger)
    {
        var text = new StringBuilder();
        foreach (var a in ledger.Accounts)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"A {a.Number} {a.Kind} {a.State} {a.HolderName} {string.Join(',', a.Representatives)} {a.OpenedAt:O}\n");
            foreach (var h in ledger.HoldingsOf(a.Number))
            {
                text.Append(CultureInfo.InvariantCulture, $"H {h.Class} {h.Total.Value} {string.Join(',', h.Blocks)}\n");
            }
        }
        foreach (var c in ledger.IssuedClasses)
        {
            text.Append(CultureInfo.InvariantCulture, $"C {c} {ledger.TotalIssued(c).Value}\n");
        }
        foreach (var p in ledger.Proposals)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"P {p.Id} {p.From} {p.To} {p.Class} {p.Quantity} {p.State} {p.DecidedBy} {string.Join(',', p.Blocks)}\n");
        }
        return text.ToString();
    }
}
