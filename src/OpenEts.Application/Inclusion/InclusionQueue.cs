using OpenEts.Application.Storage;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// The inclusion queue in the platform's own database (the server's <c>--inclusion-queue</c>): the partner API stores
/// each batch's checked actions as one row (<see cref="QueuedBatch"/>) and answers <see cref="ActionStatus.Queued"/> once
/// that row is committed; <see cref="InclusionQueueWorker"/> records them through <see cref="RecordActions"/> and then
/// deletes the row. The row is written beside the serialised writers (<see cref="IStore.WriteBesideAsync{T}"/>), so taking
/// a batch in never waits for a recording in progress: on PostgreSQL intake and recording run side by side. Unlike a
/// stream, the queue keeps no de-duplication window: every action is answered queued, and a repeat is found by
/// <see cref="RecordActions"/>' (source, event id) key when it is recorded.
/// </summary>
public sealed class InclusionQueue(IStore store, TimeProvider clock) : IInclusionEventLog, IDisposable
{
    private readonly SemaphoreSlim _added = new(0, 1);

    /// <summary>How long a partner is asked to wait before sending a batch refused <c>QueueFull</c> again.</summary>
    public static readonly TimeSpan RetryWhenFull = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most actions the queue holds: past it a batch is refused <c>QueueFull</c> (the partner API answers 503 with
    /// Retry-After) rather than the queue growing without bound while the recording lags. Two million actions are about
    /// 250 MB of payload and, at the recording rate measured on two cores (docs/inclusion.md), a few minutes of work
    /// [UNCONFIRMED: chosen, not tuned].
    /// </summary>
    public long MaxActions { get; init; } = 2_000_000;

    /// <inheritdoc/>
    public async Task<string?> FullAsync(int actions, CancellationToken ct)
    {
        var (_, waiting) = await DepthAsync(ct).ConfigureAwait(false);
        return waiting + actions <= MaxActions ? null
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the queue holds {waiting} actions waiting to be recorded, and takes at most {MaxActions}: send the batch again later");
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<bool>> AppendAsync(long partnerId, string programme, IReadOnlyList<RecordActions.Item> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count > 0)
        {
            var batch = new QueuedBatch(0, clock.GetUtcNow(), partnerId, programme, items.Count, QueuedActions.Write(items));
            await store.WriteBesideAsync(s => s.Inclusion.EnqueueActionsAsync(batch), ct).ConfigureAwait(false);
            Signal();
        }
        return new bool[items.Count];
    }

    /// <summary>Waits until a batch is added in this process, or <paramref name="timeout"/> passes (another process may add).</summary>
    public async Task WaitForBatchAsync(TimeSpan timeout, CancellationToken ct) =>
        await _added.WaitAsync(timeout, ct).ConfigureAwait(false);

    /// <summary>
    /// How many batches, and actions in them, wait: completed with a <see cref="QueueDepth"/> for those who oversee the
    /// programmes, forbidden for anyone else.
    /// </summary>
    public async Task<InclusionCommandOutcome> DepthForAsync(Identity.Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!InclusionRoles.Overseers.Contains(actor.Role))
        {
            return new InclusionCommandOutcome.Forbidden(InclusionRoles.Overseers);
        }
        var (batches, actions) = await DepthAsync(ct).ConfigureAwait(false);
        return new InclusionCommandOutcome.Completed(new QueueDepth(batches, actions));
    }

    /// <summary>How many batches, and actions in them, wait.</summary>
    public Task<(long Batches, long Actions)> DepthAsync(CancellationToken ct) =>
        store.ReadAsync(s => s.Inclusion.QueueDepthAsync(), ct);

    public void Dispose() => _added.Dispose();

    private void Signal()
    {
        try
        {
            _added.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the worker wakes once for any number of batches.
        }
    }
}
