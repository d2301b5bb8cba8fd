using System.Diagnostics;
using System.Diagnostics.Metrics;

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
/// <para>
/// Each writer reports its load under <paramref name="name"/> (<see cref="WriterMetrics"/>): the time it spent running
/// groups, the groups and requests it ran, and the requests waiting. The time's rate is the writer's utilisation; a
/// writer busy nearly all the time is at its capacity, and more callers only wait longer.
/// </para>
/// </remarks>
public sealed class GroupCommit<TRequest, TResult> : WriterMetrics.IWriter
{
    private readonly Func<IReadOnlyList<TRequest>, Task<IReadOnlyList<TResult>>> _runGroup;
    private readonly int _maxGroup;
    private readonly Func<TRequest, bool>? _alone;
    private readonly KeyValuePair<string, object?> _tag;
    private readonly Lock _gate = new();
    private List<Queued> _queue = [];
    private bool _draining;

    /// <param name="runGroup">Runs a group in one transaction, one result per request in order.</param>
    /// <param name="maxGroup">Requests in one group at most.</param>
    /// <param name="alone">Requests that run in a group of their own.</param>
    /// <param name="name">The writer's name in <see cref="WriterMetrics"/>.</param>
    public GroupCommit(Func<IReadOnlyList<TRequest>, Task<IReadOnlyList<TResult>>> runGroup, int maxGroup, Func<TRequest, bool>? alone = null,
        string name = "writer")
    {
        _runGroup = runGroup;
        _maxGroup = maxGroup;
        _alone = alone;
        _tag = new("writer", name);
        WriterMetrics.Track(this);
    }

    KeyValuePair<string, object?> WriterMetrics.IWriter.Tag => _tag;

    int WriterMetrics.IWriter.Waiting
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

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
        var limit = Math.Min(_queue.Count, _maxGroup);
        if (_alone is null)
        {
            return limit;
        }
        if (_alone(_queue[0].Request))
        {
            return 1;
        }
        var take = 1;
        while (take < limit && !_alone(_queue[take].Request))
        {
            take++;
        }
        return take;
    }

    private async Task RunGroupAsync(List<Queued> group)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var results = await _runGroup(group.ConvertAll(q => q.Request)).ConfigureAwait(false);
            Ran(ref started, group.Count);
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
            Ran(ref started, 1);
            group[0].Completion.SetException(e);
            return;
        }
        foreach (var queued in group)
        {
            try
            {
                var result = (await _runGroup([queued.Request]).ConfigureAwait(false))[0];
                Ran(ref started, 1);
                queued.Completion.SetResult(result);
            }
#pragma warning disable CA1031 // The exception is handed to the caller that made the request.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Ran(ref started, 1);
                queued.Completion.SetException(e);
            }
        }
    }

    // One transaction run (a group, or a request of a failed group run alone; the failed attempt's time counts with the
    // first of them), recorded before its callers are answered.
    private void Ran(ref long started, int requests)
    {
        var now = Stopwatch.GetTimestamp();
        WriterMetrics.Busy.Add(Stopwatch.GetElapsedTime(started, now).TotalSeconds, _tag);
        WriterMetrics.Groups.Add(1, _tag);
        WriterMetrics.Requests.Add(requests, _tag);
        started = now;
    }

    private sealed class Queued(TRequest request)
    {
        public TRequest Request { get; } = request;

        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>
/// The meter <c>OpenEts.Writers</c>: each group-committing writer's load, tagged <c>writer</c> (<c>exchange</c>,
/// <c>registry</c>). Watch it with <c>dotnet-counters monitor -n OpenEts.Server --counters OpenEts.Writers</c>, or any
/// OpenTelemetry exporter: <c>openets.writer.busy</c> in seconds a second is the writer's utilisation.
/// </summary>
public static class WriterMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "OpenEts.Writers";

    // Declared before the gauge that reads it, so that it exists whenever a collection asks.
    private static readonly List<WeakReference<IWriter>> Writers = [];

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Seconds spent running groups (transactions and the work in them): its rate is the writer's utilisation.</summary>
    public static readonly Counter<double> Busy = Meter.CreateCounter<double>("openets.writer.busy", "s",
        "time the writer spent running groups of requests; its rate is the writer's utilisation (1 s/s: saturated)");

    /// <summary>
    /// Transactions run: a group's, or, after a group failed and rolled back, each of its requests' run alone (the failed
    /// attempt's time counts with the first of them, not as a transaction).
    /// </summary>
    public static readonly Counter<long> Groups = Meter.CreateCounter<long>("openets.writer.groups", "{group}",
        "groups of requests run, each in one transaction (a failed group's requests then each alone)");

    /// <summary>Requests answered.</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("openets.writer.requests", "{request}",
        "requests the writer ran; requests over groups is the mean group");

    /// <summary>Requests queued and not yet taken into a group, now.</summary>
    public static readonly ObservableGauge<int> Waiting = Meter.CreateObservableGauge("openets.writer.waiting", Observe, "{request}",
        "requests waiting for the writer");

    /// <summary>A writer whose queue <see cref="Waiting"/> reports.</summary>
    public interface IWriter
    {
        /// <summary>The writer's name as a tag.</summary>
        KeyValuePair<string, object?> Tag { get; }

        /// <summary>Requests in its queue now.</summary>
        int Waiting { get; }
    }

    internal static void Track(IWriter writer)
    {
        lock (Writers)
        {
            Writers.RemoveAll(w => !w.TryGetTarget(out _));
            Writers.Add(new(writer));
        }
    }

    private static List<Measurement<int>> Observe()
    {
        lock (Writers)
        {
            var measured = new List<Measurement<int>>(Writers.Count);
            foreach (var reference in Writers)
            {
                if (reference.TryGetTarget(out var writer))
                {
                    measured.Add(new(writer.Waiting, writer.Tag));
                }
            }
            return measured;
        }
    }
}
