using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using OpenEts.Domain.Exchange.MarketData;

namespace OpenEts.Application.Exchange.MarketData;

/// <summary>
/// Live market data for server-sent events: the exchange calls <see cref="PublishAsync"/> after a change to an
/// instrument (a trade, an order resting or leaving the book, a halt); the update is computed once and handed to every
/// subscriber of the instrument. A subscriber that falls behind skips to the newest update (each holds at most one
/// waiting), so a slow reader never holds up the others or the exchange.
/// </summary>
public sealed class MarketStream(MarketDataQueries queries)
{
    private readonly ConcurrentDictionary<string, Topic> _topics = new(StringComparer.Ordinal);

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
    public async Task PublishAsync(string instrument, CancellationToken ct)
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
    /// The instrument's updates: the current state at once, then one after each <see cref="PublishAsync"/>, until
    /// <paramref name="ct"/> ends the subscription. Empty when the instrument is not listed.
    /// </summary>
    public async IAsyncEnumerable<MarketUpdate> SubscribeAsync(string instrument, [EnumeratorCancellation] CancellationToken ct)
    {
        var topic = _topics.GetOrAdd(instrument, _ => new Topic());
        var inbox = Channel.CreateBounded<MarketUpdate>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = false,
        });
        topic.Add(inbox);
        try
        {
            if (await ComputeAsync(instrument, Volatile.Read(ref topic.Version), ct).ConfigureAwait(false) is not { } first)
            {
                yield break;
            }
            yield return first;
            var seen = first.Version;
            while (await inbox.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                while (inbox.Reader.TryRead(out var update))
                {
                    if (update.Version > seen)
                    {
                        seen = update.Version;
                        yield return update;
                    }
                }
            }
        }
        finally
        {
            topic.Remove(inbox);
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

    private sealed class Topic
    {
        private readonly Lock _gate = new();
        private Channel<MarketUpdate>[] _inboxes = [];

        // Raised on each publish; a subscriber's first state carries the version it was computed at.
        public long Version;

        // 1 while a publish has a change not yet computed; 1 while a computation runs (at most one per instrument).
        public int Dirty;
        public int Running;

        public int Count => Volatile.Read(ref _inboxes).Length;

        public void Add(Channel<MarketUpdate> inbox)
        {
            lock (_gate)
            {
                _inboxes = [.. _inboxes, inbox];
            }
        }

        public void Remove(Channel<MarketUpdate> inbox)
        {
            lock (_gate)
            {
                _inboxes = [.. _inboxes.Where(i => i != inbox)];
            }
        }

        public void Broadcast(MarketUpdate update)
        {
            foreach (var inbox in Volatile.Read(ref _inboxes))
            {
                inbox.Writer.TryWrite(update);
            }
        }
    }
}
