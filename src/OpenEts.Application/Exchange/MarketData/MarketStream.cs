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
    public async Task PublishAsync(string instrument, CancellationToken ct)
    {
        var topic = _topics.GetOrAdd(instrument, _ => new Topic());
        var version = Interlocked.Increment(ref topic.Version);
        if (topic.Count == 0)
        {
            return; // nobody listens: a new subscriber gets the current state when it subscribes
        }
        if (await ComputeAsync(instrument, version, ct).ConfigureAwait(false) is { } update)
        {
            topic.Broadcast(update);
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
        if (await queries.TickerAsync(instrument, ct).ConfigureAwait(false) is not { } ticker)
        {
            return null;
        }
        var day = BeijingTime.StartOf(ticker.Day);
        var trades = await queries.TradesSinceAsync(instrument, day, ct).ConfigureAwait(false);
        var minute = trades.Count == 0 ? (Bar?)null : KLines.Aggregate(trades, KLineInterval.OneMinute)[^1];
        var dayBar = trades.Count == 0 ? (Bar?)null : KLines.Aggregate(trades, KLineInterval.OneDay)[^1];
        return new MarketUpdate(instrument, version, ticker, await queries.DepthAsync(instrument, ct).ConfigureAwait(false), minute, dayBar);
    }

    private sealed class Topic
    {
        private readonly Lock _gate = new();
        private Channel<MarketUpdate>[] _inboxes = [];

        // Raised on each publish; a subscriber's first state carries the version it was computed at.
        public long Version;

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
