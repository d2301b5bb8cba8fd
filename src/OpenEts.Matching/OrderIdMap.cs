using System.Numerics;
using System.Runtime.CompilerServices;

namespace OpenEts.Matching;

/// <summary>
/// Open-addressing map from order id (&gt; 0) to order slot: linear probing, backward-shift deletion (no tombstones),
/// load kept at or below 1/2, key and value side by side so a lookup touches one cache line. It only grows, so after
/// warm-up inserts and removes allocate nothing.
/// </summary>
/// <remarks>
/// The hash keeps the low 8 bits of the id and scrambles only the bits above them. Ids handed out in sequence (as a
/// gateway does) land in neighbouring slots of the same page, so a book of millions of orders is built with cache and
/// TLB locality instead of one miss per order; ids far apart are spread over the table. The cost: ids in a small
/// power-of-two stride use only part of each page and probe longer.
/// </remarks>
internal sealed class OrderIdMap
{
    private Entry[] _entries;
    private int _mask;
    private int _pageBits;
    private int _count;

    /// <summary>
    /// The smallest table: 32 768 entries (512 KiB). A book at the default capacity then probes as briefly as one
    /// presized for thousands of orders; at a small table's edge (load near 1/2, ids spread over millions) linear
    /// probes grew long and cost a fifth of the throughput (docs/matching.md, "Default capacity").
    /// </summary>
    public const int MinimumEntries = 1 << 15;

    public OrderIdMap(int capacity)
    {
        int size = Math.Max(MinimumEntries, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity) * 2));
        _entries = NewEntries(size);
        _mask = size - 1;
        _pageBits = PageBitsFor(size);
    }

    private static int PageBitsFor(int size) => Math.Max(1, BitOperations.Log2((uint)size) - PageBits);

    public int Count => _count;

    private const int PageBits = 8;

    // Low 8 bits of the id pick the slot within a 256-entry (4 KiB) page; the rest picks the page through a
    // multiplication by an odd constant, which is a bijection modulo the page count, so consecutive ids never collide.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(long key)
    {
        unchecked
        {
            ulong k = (ulong)key;
            ulong page = k >> PageBits;
            page ^= page >> _pageBits;
            return (int)(((k & 0xFF) | (page * 0x9E3779B97F4A7C15UL << PageBits)) & (uint)_mask);
        }
    }

    /// <summary>Slot of <paramref name="key"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Get(long key)
    {
        Entry[] entries = _entries;
        int i = Home(key);
        while (true)
        {
            ref Entry e = ref entries[i];
            if (e.Key == key)
            {
                return e.Value;
            }

            if (e.Key == 0)
            {
                return -1;
            }

            i = (i + 1) & _mask;
        }
    }

    /// <summary>Adds a key known to be absent.</summary>
    public void Add(long key, int value)
    {
        if ((_count + 1) * 2 > _entries.Length)
        {
            Grow();
        }

        Insert(_entries, key, value);
        _count++;
    }

    private void Insert(Entry[] entries, long key, int value)
    {
        int i = Home(key);
        while (entries[i].Key != 0)
        {
            i = (i + 1) & _mask;
        }

        entries[i] = new Entry { Key = key, Value = value };
    }

    public void Remove(long key)
    {
        Entry[] entries = _entries;
        int i = Home(key);
        while (entries[i].Key != key)
        {
            if (entries[i].Key == 0)
            {
                return;
            }

            i = (i + 1) & _mask;
        }

        // Backward-shift: pull later members of the probe run into the hole when their home allows it.
        int hole = i;
        int j = i;
        while (true)
        {
            j = (j + 1) & _mask;
            long k = entries[j].Key;
            if (k == 0)
            {
                break;
            }

            int home = Home(k);
            bool movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable)
            {
                entries[hole] = entries[j];
                hole = j;
            }
        }

        entries[hole].Key = 0;
        _count--;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        Entry[] old = _entries;
        int size = checked(old.Length * 2);
        _entries = NewEntries(size);
        _mask = size - 1;
        _pageBits = PageBitsFor(size);
        foreach (Entry e in old)
        {
            if (e.Key != 0)
            {
                Insert(_entries, e.Key, e.Value);
            }
        }
    }

    private static Entry[] NewEntries(int size)
    {
        var entries = new Entry[size];
        Pages.Touch(entries);
        return entries;
    }

    private struct Entry
    {
        public long Key;
        public int Value;
    }
}
