using OpenEts.Application.Identity;
using OpenEts.Application.Storage;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// Records the inclusion queue (<see cref="InclusionQueue"/>): claims the oldest batches no other worker holds (up to
/// <see cref="Take"/> actions, for <see cref="Lease"/>), records runs of consecutive batches of one partner and programme through <see cref="RecordActions"/> as
/// that partner — in the order they arrived, each run in one transaction of at most <see cref="InclusionLimits.MaxBatch"/>
/// actions — and then deletes the batches it read. At least once: a worker that stops between a recording's commit and
/// the delete leaves those batches to be claimed again once its claim runs out, and the store's (source, event id) key then answers their actions
/// as duplicates, so every action counts once. A batch refused as a whole (its partner or programme gone) would be refused
/// again on every read: it is deleted and reported, not retried for ever.
/// </summary>
public sealed class InclusionQueueWorker(InclusionQueue queue, InclusionCommandHandler handler, IStore store, TimeProvider clock)
{
    private readonly PartnerRecorder _recorder = new(handler, store);

    /// <summary>This worker's name in its claims: another worker leaves its batches alone until the claim runs out.</summary>
    public string Name { get; } = string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}");

    /// <summary>
    /// How long a claim holds: a worker records and deletes what it claimed well within it (a claim is at most
    /// <see cref="Take"/> actions, about a second of recording); past it, the worker is taken for dead and another
    /// worker records the batches (the store's key answering whatever was recorded already as duplicates).
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The most actions read from the queue at a time.</summary>
    public int Take { get; init; } = InclusionLimits.MaxBatch;

    /// <summary>How long an idle worker waits for a batch added by another process before it looks again.</summary>
    public TimeSpan Idle { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Actions recorded (counted, duplicate or refused one by one by the use case) since the worker started; not those of batches refused as a whole.</summary>
    public long Applied { get; private set; }

    /// <summary>Told of each batch refused as a whole: its id, partner, programme, actions and the rule.</summary>
    public event Action<QueuedBatch, string>? Refused;

    /// <summary>Records until <paramref name="ct"/> is cancelled; a failure (the store) ends it, leaving the queue as it was.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (await DrainOnceAsync(ct).ConfigureAwait(false) == 0)
                {
                    await queue.WaitForBatchAsync(Idle, ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped: what was read and not yet deleted is read again by the next worker.
        }
    }

    /// <summary>
    /// Records the whole queue now, for an operator (<c>ets inclusion queue --drain</c>, when no server records it): only
    /// a regulator may: completed with a <see cref="QueueDrained"/>, forbidden for anyone else. Batches another worker
    /// has claimed are left to it. <paramref name="progress"/> is told the actions taken from the queue so far.
    /// </summary>
    public async Task<InclusionCommandOutcome> DrainAsync(Actor actor, Action<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!InclusionRoles.Regulators.Contains(actor.Role))
        {
            return new InclusionCommandOutcome.Forbidden(InclusionRoles.Regulators);
        }
        var refused = 0;
        void Count(QueuedBatch batch, string rule) => refused++;
        Refused += Count;
        try
        {
            var (applied, taken) = (Applied, 0L);
            int once;
            while ((once = await DrainOnceAsync(ct).ConfigureAwait(false)) > 0)
            {
                taken += once;
                progress?.Invoke(taken);
            }
            var (left, _) = await queue.DepthAsync(ct).ConfigureAwait(false);
            return new InclusionCommandOutcome.Completed(new QueueDrained(Applied - applied, refused, left));
        }
        finally
        {
            Refused -= Count;
        }
    }

    /// <summary>
    /// Records the oldest batches once (see the class); returns how many actions they held (recorded, or in batches
    /// refused as a whole), 0 when there was nothing to claim.
    /// </summary>
    public async Task<int> DrainOnceAsync(CancellationToken ct)
    {
        // An empty queue is seen by a read; the claim is a write (on SQLite it would take the database's one writer).
        if ((await store.ReadAsync(s => s.Inclusion.QueueDepthAsync(), ct).ConfigureAwait(false)).Batches == 0)
        {
            return 0;
        }
        var now = clock.GetUtcNow();
        var batches = await store.WriteBesideAsync(s => s.Inclusion.ClaimQueuedAsync(Name, Take, now, now + Lease), ct).ConfigureAwait(false);
        var actions = 0;
        var start = 0;
        while (start < batches.Count)
        {
            // A run: consecutive batches of one partner and programme, up to MaxBatch actions (one batch at least).
            var end = start + 1;
            var size = batches[start].Actions;
            while (end < batches.Count && batches[end].PartnerId == batches[start].PartnerId
                && string.Equals(batches[end].Programme, batches[start].Programme, StringComparison.Ordinal)
                && size + batches[end].Actions <= InclusionLimits.MaxBatch)
            {
                size += batches[end].Actions;
                end++;
            }
            Applied += await RecordAsync(batches, start, end, ct).ConfigureAwait(false);
            actions += size;
            start = end;
        }
        if (batches.Count > 0)
        {
            await store.WriteBesideAsync(async s =>
            {
                await s.Inclusion.DeleteQueuedAsync([.. batches.Select(b => b.Id)]).ConfigureAwait(false);
                return 0;
            }, ct).ConfigureAwait(false);
        }
        return actions;
    }

    private async Task<int> RecordAsync(IReadOnlyList<QueuedBatch> batches, int start, int end, CancellationToken ct)
    {
        var first = batches[start];
        var forms = new List<RecordActions.ActionForm>(first.Actions);
        for (var i = start; i < end; i++)
        {
            if (QueuedActions.Read(batches[i].Payload) is { } read)
            {
                forms.AddRange(read);
            }
            else
            {
                Refused?.Invoke(batches[i], "Unreadable");
            }
        }
        if (forms.Count == 0)
        {
            return 0;
        }
        var refusal = await _recorder.RecordAsync(first.PartnerId, first.Programme, forms, ct).ConfigureAwait(false);
        if (refusal is not null)
        {
            for (var i = start; i < end; i++)
            {
                Refused?.Invoke(batches[i], refusal);
            }
            return 0;
        }
        return forms.Count;
    }
}
