using System.Numerics;
using System.Runtime.CompilerServices;

namespace OpenEts.Matching;

/// <summary>
/// Open-addressing map from order id (&gt; 0) to order slot: linear probing, backward-shift deletion (no tombstones),
/// load kept at or below 1/2. It only grows, so after warm-up inserts and removes allocate nothing.
/// </summary>
internal sealed class OrderIdMap
{
    private long[] _keys;
    private int[] _values;
    private int _mask;
    private int _shift;
    private int _count;

    public OrderIdMap(int capacity)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity) * 2);
        _keys = new long[size];
        _values = new int[size];
        _mask = size - 1;
        _shift = 64 - BitOperations.Log2((uint)size);
    }

    public int Count => _count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(long key) => unchecked((int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift));

    /// <summary>Slot of <paramref name="key"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Get(long key)
    {
        long[] keys = _keys;
        int i = Home(key);
        while (true)
        {
            long k = keys[i];
            if (k == key)
            {
                return _values[i];
            }

            if (k == 0)
            {
                return -1;
            }

            i = (i + 1) & _mask;
        }
    }

    /// <summary>Adds a key known to be absent.</summary>
    public void Add(long key, int value)
    {
        if ((_count + 1) * 2 > _keys.Length)
        {
            Grow();
        }

        Insert(_keys, _values, key, value);
        _count++;
    }

    private void Insert(long[] keys, int[] values, long key, int value)
    {
        int i = Home(key);
        while (keys[i] != 0)
        {
            i = (i + 1) & _mask;
        }

        keys[i] = key;
        values[i] = value;
    }

    public void Remove(long key)
    {
        long[] keys = _keys;
        int i = Home(key);
        while (keys[i] != key)
        {
            if (keys[i] == 0)
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
            long k = keys[j];
            if (k == 0)
            {
                break;
            }

            int home = Home(k);
            bool movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable)
            {
                keys[hole] = k;
                _values[hole] = _values[j];
                hole = j;
            }
        }

        keys[hole] = 0;
        _count--;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        long[] oldKeys = _keys;
        int[] oldValues = _values;
        int size = checked(oldKeys.Length * 2);
        _keys = new long[size];
        _values = new int[size];
        _mask = size - 1;
        _shift = 64 - BitOperations.Log2((uint)size);
        for (int i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] != 0)
            {
                Insert(_keys, _values, oldKeys[i], oldValues[i]);
            }
        }
    }
}
