namespace OpenEts.Application.Storage;

/// <summary>
/// Group commit for one writer: requests that arrive while a write is in progress wait in a queue, and the next write runs
/// all of them in one transaction (one commit), each caller answered once that commit is done. A lone caller pays nothing
/// extra; many concurrent callers (the API under load) share the cost of each commit instead of queueing for one commit
/// each. The registry's single requests and the exchange's orders both go through it.
/// </summary>
/// <remarks>
/// <para>
/// <c>runGroup</c> runs a group in ONE transaction and returns one result per request, in order. When it throws for a
/// group of more than one, nothing of the group may have been stored (the transaction rolled back, and the writer restored
/// its memory): each request then runs alone, so that a request that throws, or a failure of the database, reaches only
/// the callers it belongs to.
/// </para>
/// <para>
/// <c>alone</c> names requests that never share a transaction (they run in a group of their own, in their turn): a
/// request whose refusal is not cheap to take back, or one that changes what a group reads once.
/// </para>
/// </remarks>
public sealed class GroupCommit<TRequest, TResult>(
    Func<IReadOnlyList<TRequest>, Task<IReadOnlyList<TResult>>> runGroup, int maxGroup, Func<TRequest, bool>? alone = null)
{
    private readonly Lock _gate = new();
    private List<Queued> _queue = [];
    private bool _draining;

    /// <summary>
    /// Queues <paramref name="request"/> and waits for its result. Cancelling <paramref name="ct"/> stops the wait, not the
    /// request: a request already queued may still run (repeat it with the same idempotency key to learn its outcome).
    /// </summary>
    public Task<TResult> RunAsync(TRequest request, CancellationToken ct)
    {
        var queued = new Queued(request);
        bool lead;
        lock (_gate)
        {
            _queue.Add(queued);
            lead = !_draining;
            _draining = true;
        }
        if (lead)
        {
            // On the pool, not inline: on SQLite the whole write completes synchronously, so an inline drain would keep
            // this caller draining other callers' requests for as long as they keep coming.
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }
        return queued.Completion.Task.WaitAsync(ct);
    }

    /// <summary>
    /// Queues <paramref name="requests"/> one after another, with nothing of another caller's between them, and waits for
    /// each one's result (in order): they share transactions as far as <c>maxGroup</c> and <c>alone</c> allow, and each
    /// result is the one the request would have had queued singly in that place.
    /// </summary>
    public Task<TResult[]> RunManyAsync(IReadOnlyList<TRequest> requests, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return Task.FromResult(Array.Empty<TResult>());
        }
        var queued = new Queued[requests.Count];
        for (var i = 0; i < queued.Length; i++)
        {
            queued[i] = new Queued(requests[i]);
        }
        bool lead;
        lock (_gate)
        {
            _queue.AddRange(queued);
            lead = !_draining;
            _draining = true;
        }
        if (lead)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }
        return Task.WhenAll(Array.ConvertAll(queued, q => q.Completion.Task)).WaitAsync(ct);
    }

    // Runs queued requests, a group at a time, until the queue is empty.
    private async Task DrainAsync()
    {
        while (true)
        {
            List<Queued> group;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _draining = false;
                    return;
                }
                var take = Take();
                if (take == _queue.Count)
                {
                    group = _queue;
                    _queue = [];
                }
                else
                {
                    group = _queue.GetRange(0, take);
                    _queue.RemoveRange(0, take);
                }
            }
            await RunGroupAsync(group).ConfigureAwait(false);
        }
    }

    // How many requests from the head of the queue share the next transaction: at most maxGroup, and a request that runs
    // alone only by itself.
    private int Take()
    {
        var limit = Math.Min(_queue.Count, maxGroup);
        if (alone is null)
        {
            return limit;
        }
        if (alone(_queue[0].Request))
        {
            return 1;
        }
        var take = 1;
        while (take < limit && !alone(_queue[take].Request))
        {
            take++;
        }
        return take;
    }

    private async Task RunGroupAsync(List<Queued> group)
    {
        try
        {
            var results = await runGroup(group.ConvertAll(q => q.Request)).ConfigureAwait(false);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Completion.SetResult(results[i]);
            }
            return;
        }
#pragma warning disable CA1031 // Any failure of the shared transaction is retried request by request below.
        catch (Exception) when (group.Count > 1)
#pragma warning restore CA1031
        {
            // Nothing of the group was stored; run each alone (below).
        }
        catch (Exception e)
        {
            group[0].Completion.SetException(e);
            return;
        }
        foreach (var queued in group)
        {
            try
            {
                queued.Completion.SetResult((await runGroup([queued.Request]).ConfigureAwait(false))[0]);
            }
#pragma warning disable CA1031 // The exception is handed to the caller that made the request.
            catch (Exception e)
#pragma warning restore CA1031
            {
                queued.Completion.SetException(e);
            }
        }
    }

    private sealed class Queued(TRequest request)
    {
        public TRequest Request { get; } = request;

        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
