using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

// Group commit: single requests that arrive while a write is in progress wait in a queue, and the next write runs all
// of them in one transaction (one journal append, one commit). A lone caller pays nothing extra; many concurrent
// callers (the API under load) share the cost of each commit instead of queueing for one commit each.
public sealed partial class RegistryService
{
    // Requests per transaction at most, so that one commit never holds a caller for long.
    private const int MaxGroup = 1000;

    private readonly Lock _queueGate = new();
    private List<QueuedRequest> _queue = [];
    private bool _draining;

    /// <summary>
    /// Runs one registry request: <paramref name="request"/> is called with the caught-up ledger (after expiring due
    /// proposals) and must call exactly one request method. A completed, non-duplicate outcome is journalled before
    /// this returns. Requests from concurrent callers may share one transaction; each is still accepted or rejected on
    /// its own, and one that throws fails only its own caller.
    /// </summary>
    /// <remarks>
    /// Cancelling <paramref name="ct"/> stops the wait, not the request: a request already queued may still be
    /// executed. Repeat it with the same idempotency key to learn its outcome.
    /// </remarks>
    public Task<RegistryOutcome> ExecuteAsync(
        DateTimeOffset now, Func<RegistryLedger, RegistryOutcome> request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var queued = new QueuedRequest(now, request);
        bool lead;
        lock (_queueGate)
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

    // Runs queued requests, a group at a time, until the queue is empty.
    private async Task DrainAsync()
    {
        while (true)
        {
            List<QueuedRequest> group;
            lock (_queueGate)
            {
                if (_queue.Count == 0)
                {
                    _draining = false;
                    return;
                }
                if (_queue.Count <= MaxGroup)
                {
                    group = _queue;
                    _queue = [];
                }
                else
                {
                    group = _queue.GetRange(0, MaxGroup);
                    _queue.RemoveRange(0, MaxGroup);
                }
            }
            await RunGroupAsync(group).ConfigureAwait(false);
        }
    }

    private async Task RunGroupAsync(List<QueuedRequest> group)
    {
        try
        {
            var earliest = group.Min(q => q.Now);
            var outcomes = (await RunAsync(earliest, group.ConvertAll(q => q.Request), allOrNothing: false, progress: null,
                CancellationToken.None).ConfigureAwait(false)).Outcomes;
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Completion.SetResult(outcomes[i]);
            }
            return;
        }
#pragma warning disable CA1031 // Any failure of the shared transaction is retried request by request below.
        catch (Exception) when (group.Count > 1)
#pragma warning restore CA1031
        {
            // Nothing of the group was stored and the ledger was rebuilt; run each alone so that a request that throws,
            // or a failure of the database, reaches only the callers it belongs to.
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
                var outcomes = (await RunAsync(queued.Now, [queued.Request], allOrNothing: false, progress: null,
                    CancellationToken.None).ConfigureAwait(false)).Outcomes;
                queued.Completion.SetResult(outcomes[0]);
            }
#pragma warning disable CA1031 // The exception is handed to the caller that made the request.
            catch (Exception e)
#pragma warning restore CA1031
            {
                queued.Completion.SetException(e);
            }
        }
    }

    private sealed class QueuedRequest(DateTimeOffset now, Func<RegistryLedger, RegistryOutcome> request)
    {
        public DateTimeOffset Now { get; } = now;

        public Func<RegistryLedger, RegistryOutcome> Request { get; } = request;

        public TaskCompletionSource<RegistryOutcome> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
