using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenEts.Domain.Exchange.MarketData;

namespace OpenEts.Application.Exchange.MarketData;

/// <summary>
/// Live market data for server-sent events: the exchange calls <see cref="PublishAsync"/> after a change to an
/// instrument (a trade, an order resting or leaving the book, a halt); the update is computed once and offered to every
/// subscriber of the instrument (<see cref="IMarketSubscriber"/>), which takes it without waiting for its client: a
/// subscriber that falls behind skips to the newest update, so a slow reader never holds up the others or the exchange.
/// </summary>
/// <remarks>
/// Live data's promise is every subscriber within 50 ms of the trade (docs/exchange.md): an update offered later than
/// <see cref="Late"/> after its change is logged as a warning, with the part spent before the publish began (waiting
/// for a thread), at most one warning every <see cref="WarnEveryMs"/> ms with the count of late updates since the last
/// one, so that a saturated server does not also flood its log.
/// </remarks>
public sealed partial class MarketStream(MarketDataQueries queries, ILogger<MarketStream>? log = null)
{
    private static readonly TimeSpan Late = TimeSpan.FromMilliseconds(50);
    private const long WarnEveryMs = 10_000;

    private readonly ConcurrentDictionary<string, Topic> _topics = new(StringComparer.Ordinal);
    private long _lastWarning = long.MinValue / 2;
    private int _late;

    /// <summary>How many subscribers are listening, over all instruments.</summary>
    public int Subscribers => _topics.Values.Sum(t => t.Count);

    /// <summary>
    /// Computes <paramref name="instrument"/>'s update and sends it to its subscribers. Does nothing for an instrument
    /// that is not listed.
    /// </summary>
    /// <remarks>
    /// One computation at a time per instrument: a change that arrives while one runs is folded into one more pass,
    /// which reads the state after every change so far. A burst of changes thus costs a few computations, not one each,
    /// and every subscriber still ends on the state after the last change.
    /// </remarks>
    public Task PublishAsync(string instrument, CancellationToken ct) => PublishAsync(instrument, Stopwatch.GetTimestamp(), ct);

    /// <summary>
    /// As <see cref="PublishAsync(string, CancellationToken)"/>, for a change made at <paramref name="changedAt"/> (a
    /// <see cref="Stopwatch"/> timestamp): an update offered later than 50 ms after it is logged.
    /// </summary>
    public async Task PublishAsync(string instrument, long changedAt, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await PublishNowAsync(instrument, ct).ConfigureAwait(false);
        if (log is not null && Stopwatch.GetElapsedTime(changedAt) is var offered && offered > Late)
        {
            Interlocked.Increment(ref _late);
            var now = Environment.TickCount64;
            var last = Volatile.Read(ref _lastWarning);
            if (now - last >= WarnEveryMs && Interlocked.CompareExchange(ref _lastWarning, now, last) == last)
            {
                LogLate(log, instrument, offered.TotalMilliseconds, Stopwatch.GetElapsedTime(changedAt, started).TotalMilliseconds,
                    Interlocked.Exchange(ref _late, 0));
            }
        }
    }

    private async Task PublishNowAsync(string instrument, CancellationToken ct)
    {
        var topic = _topics.GetOrAdd(instrument, _ => new Topic());
        Interlocked.Increment(ref topic.Version);
        if (topic.Count == 0)
        {
            return; // nobody listens: a new subscriber gets the current state when it subscribes
        }
        Volatile.Write(ref topic.Dirty, 1);
        while (Interlocked.CompareExchange(ref topic.Running, 1, 0) == 0)
        {
            try
            {
                while (Interlocked.Exchange(ref topic.Dirty, 0) == 1)
                {
                    // Read before the state: the update is at least as new as this version.
                    var version = Volatile.Read(ref topic.Version);
                    if (await ComputeAsync(instrument, version, ct).ConfigureAwait(false) is { } update)
                    {
                        topic.Broadcast(update);
                    }
                }
            }
            finally
            {
                Volatile.Write(ref topic.Running, 0);
            }
            // A change marked between the last pass and the release found the computation running and left it to us.
            if (Volatile.Read(ref topic.Dirty) == 0)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="subscriber"/> to <paramref name="instrument"/>'s subscribers and computes the state it starts
    /// from; null (and nothing added) when the instrument is not listed.
    /// </summary>
    /// <remarks>
    /// The subscriber is added before the state is read, so no change is lost between the two: an update published
    /// meanwhile is offered to it, and may be newer than <see cref="MarketSubscription.First"/> (compare versions).
    /// </remarks>
    public async Task<MarketSubscription?> SubscribeAsync(string instrument, IMarketSubscriber subscriber, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var topic = _topics.GetOrAdd(instrument, _ => new Topic());
        topic.Add(subscriber);
        MarketSubscription? subscription = null;
        try
        {
            if (await ComputeAsync(instrument, Volatile.Read(ref topic.Version), ct).ConfigureAwait(false) is { } first)
            {
                subscription = new MarketSubscription(first, () => topic.Remove(subscriber));
            }
            return subscription;
        }
        finally
        {
            if (subscription is null)
            {
                topic.Remove(subscriber);
            }
        }
    }

    private async Task<MarketUpdate?> ComputeAsync(string instrument, long version, CancellationToken ct)
    {
        if (await queries.LiveAsync(instrument, ct).ConfigureAwait(false) is not { } live)
        {
            return null;
        }
        return new MarketUpdate(instrument, version, live.Ticker, await queries.DepthAsync(instrument, ct).ConfigureAwait(false),
            live.Minute, live.Day);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Live market data for {Instrument} offered {Offered:F1} ms after the change, {Waited:F1} ms of it waiting for a thread ({Late} updates later than 50 ms since the last such warning)")]
    private static partial void LogLate(ILogger logger, string instrument, double offered, double waited, int late);

    private sealed class Topic
    {
        // Subscribers offered an update by one thread: past this many, the rest go in slices to the thread pool, so that
        // both cores share a large fan-out, while each slice costs one work item, not one per subscriber.
        private const int Slice = 128;

        private readonly Lock _gate = new();
        private IMarketSubscriber[] _subscribers = [];

        // Raised on each publish; a subscriber's first state carries the version it was computed at.
        public long Version;

        // 1 while a publish has a change not yet computed; 1 while a computation runs (at most one per instrument).
        public int Dirty;
        public int Running;

        public int Count => Volatile.Read(ref _subscribers).Length;

        public void Add(IMarketSubscriber subscriber)
        {
            lock (_gate)
            {
                _subscribers = [.. _subscribers, subscriber];
            }
        }

        public void Remove(IMarketSubscriber subscriber)
        {
            lock (_gate)
            {
                _subscribers = Array.FindAll(_subscribers, s => s != subscriber);
            }
        }

        public void Broadcast(MarketUpdate update)
        {
            var subscribers = Volatile.Read(ref _subscribers);
            for (var start = Slice; start < subscribers.Length; start += Slice)
            {
                ThreadPool.UnsafeQueueUserWorkItem(new Offering(subscribers, start, update), preferLocal: false);
            }
            Offer(subscribers, 0, update);
        }

        private static void Offer(IMarketSubscriber[] subscribers, int start, MarketUpdate update)
        {
            var end = Math.Min(subscribers.Length, start + Slice);
            for (var i = start; i < end; i++)
            {
                subscribers[i].Offer(update);
            }
        }

        private sealed class Offering(IMarketSubscriber[] subscribers, int start, MarketUpdate update) : IThreadPoolWorkItem
        {
            public void Execute() => Offer(subscribers, start, update);
        }
    }
}
