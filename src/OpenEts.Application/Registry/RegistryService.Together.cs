using OpenEts.Application.Storage;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

// One write transaction shared with another module: the exchange settles units and cash together, or not at all.
public sealed partial class RegistryService
{
    /// <summary>
    /// Runs <paramref name="work"/> in ONE write transaction that the registry opens: the work gets the session (for its
    /// own tables, the cash ledger and the journal) and a function that runs one registry request on the caught-up ledger
    /// (after expiring due proposals). The registry's events are journalled at the end, in the same transaction, so
    /// everything the work wrote and every request it ran commit together, or — when the work throws — nothing does (the
    /// in-memory ledger is then restored from storage on the next call).
    /// </summary>
    /// <remarks>
    /// The work must not open another write transaction (it would wait for this one). Idempotency keys older than the
    /// retention window are not looked up: a reused old key fails the whole transaction on storage's key index, so
    /// callers use keys that are new (the exchange's are its order and trade numbers).
    /// </remarks>
    public Task<T> WriteTogetherAsync<T>(
        DateTimeOffset now, Func<IStoreSession, Func<Func<RegistryLedger, RegistryOutcome>, RegistryOutcome>, Task<T>> work,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        return LockedAsync(store.WriteAsync, async s =>
        {
            await CatchUpAsync(s).ConfigureAwait(false);
            if (_break is { } broken)
            {
                throw new RegistryReadOnlyException(broken);
            }
            var raised = new List<RegistryEvent>(_ledger.ExpireProposals(now));
            RegistryOutcome Run(Func<RegistryLedger, RegistryOutcome> request)
            {
                var outcome = request(_ledger);
                if (outcome is RegistryOutcome.Completed { Duplicate: false } completed)
                {
                    raised.Add(completed.Event);
                }
                return outcome;
            }
            var result = await work(s, Run).ConfigureAwait(false);
            await AppendAsync(s, raised, snapshotAt: null).ConfigureAwait(false);
            return result;
        }, keep: _ => true, ct);
    }
}
