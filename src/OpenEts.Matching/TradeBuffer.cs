using System.Runtime.CompilerServices;

namespace OpenEts.Matching;

/// <summary>
/// Caller-owned, reusable buffer the book appends trades to. It grows only when one input makes more trades than it
/// has ever held, so after warm-up appending allocates nothing. The caller decides when to <see cref="Clear"/>.
/// </summary>
public sealed class TradeBuffer
{
    private Trade[] _items;
    private int _count;

    public TradeBuffer(int capacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _items = new Trade[capacity];
    }

    public int Count => _count;

    public ref readonly Trade this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            return ref _items[index];
        }
    }

    public ReadOnlySpan<Trade> AsSpan() => _items.AsSpan(0, _count);

    /// <summary>The trades of the last outcome: the final <paramref name="tradeCount"/> entries.</summary>
    public ReadOnlySpan<Trade> Last(int tradeCount) => _items.AsSpan(_count - tradeCount, tradeCount);

    public void Clear() => _count = 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Add(in Trade trade)
    {
        if (_count == _items.Length)
        {
            Grow();
        }

        _items[_count++] = trade;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow() => Array.Resize(ref _items, checked(_items.Length * 2));
}
