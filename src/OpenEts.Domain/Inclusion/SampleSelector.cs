namespace OpenEts.Domain.Inclusion;

/// <summary>
/// Draws an aggregation's sample in one pass over its events, in any order: per stratum it keeps the events of smallest
/// <see cref="SampleSeed.Rank"/> (ties: source, then event id, ordinal), at most the stratum's share, in a bounded heap —
/// memory grows with the sample, not with the events. <see cref="Drawn"/> lists the sample by stratum, then rank.
/// </summary>
/// <typeparam name="T">What is kept of a sampled event.</typeparam>
public sealed class SampleSelector<T>
{
    private readonly SampleSeed _seed;
    private readonly long[] _shares;
    private readonly PriorityQueue<Entry, Key>[] _kept;

    /// <summary>A selector drawing <paramref name="shares"/>[i] events of stratum i (<see cref="SampleAllocation"/>).</summary>
    public SampleSelector(SampleSeed seed, IReadOnlyList<long> shares)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(shares);
        _seed = seed;
        _shares = [.. shares];
        _kept = new PriorityQueue<Entry, Key>[_shares.Length];
        for (var i = 0; i < _kept.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(_shares[i]);
            // A max-heap of the kept keys: the root is the one to give up when a smaller rank arrives.
            _kept[i] = new PriorityQueue<Entry, Key>(Comparer<Key>.Create((a, b) => b.CompareTo(a)));
        }
    }

    /// <summary>Offers one event of stratum <paramref name="stratum"/>; it is kept while its rank is among the stratum's smallest.</summary>
    public void Offer(int stratum, string source, string eventId, T item)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stratum);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(stratum, _kept.Length);
        var share = _shares[stratum];
        if (share == 0)
        {
            return;
        }
        var key = new Key(_seed.Rank(source, eventId), source, eventId);
        var heap = _kept[stratum];
        if (heap.Count < share)
        {
            heap.Enqueue(new Entry(key, item), key);
        }
        else if (heap.TryPeek(out _, out var largest) && key.CompareTo(largest) < 0)
        {
            heap.DequeueEnqueue(new Entry(key, item), key);
        }
    }

    /// <summary>The sample: stratum by stratum, each by rank, with each event's rank.</summary>
    public IReadOnlyList<(int Stratum, ulong Rank, T Item)> Drawn()
    {
        var drawn = new List<(int, ulong, T)>();
        for (var i = 0; i < _kept.Length; i++)
        {
            drawn.AddRange(_kept[i].UnorderedItems.Select(e => e.Element).Order().Select(e => (i, e.Key.Rank, e.Item)));
        }
        return drawn;
    }

    private readonly record struct Key(ulong Rank, string Source, string EventId) : IComparable<Key>
    {
        public int CompareTo(Key other)
        {
            var byRank = Rank.CompareTo(other.Rank);
            if (byRank != 0)
            {
                return byRank;
            }
            var bySource = string.CompareOrdinal(Source, other.Source);
            return bySource != 0 ? bySource : string.CompareOrdinal(EventId, other.EventId);
        }
    }

    private sealed record Entry(Key Key, T Item) : IComparable<Entry>
    {
        public int CompareTo(Entry? other) => other is null ? 1 : Key.CompareTo(other.Key);
    }
}
