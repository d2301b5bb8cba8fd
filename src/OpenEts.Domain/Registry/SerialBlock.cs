using System.Globalization;

namespace OpenEts.Domain.Registry;

/// <summary>
/// A run of consecutive unit serial numbers within one <see cref="UnitClass"/>, <see cref="First"/> to
/// <see cref="Last"/> inclusive, as the EU Union Registry and Verra hold units.
/// </summary>
/// <remarks>Serials start at 1 in each class; <c>First ≤ Last</c>. <c>default</c> (0–0) is not a valid block.</remarks>
public readonly record struct SerialBlock : IComparable<SerialBlock>
{
    private SerialBlock(long first, long last)
    {
        First = first;
        Last = last;
    }

    /// <summary>The first serial in the block, at least 1.</summary>
    public long First { get; }

    /// <summary>The last serial in the block, at least <see cref="First"/>.</summary>
    public long Last { get; }

    /// <summary>How many units (tonnes) the block holds, at least 1.</summary>
    public long Count => checked(Last - First + 1);

    /// <summary>A block from <paramref name="first"/> to <paramref name="last"/> inclusive; throws if not 1 ≤ first ≤ last.</summary>
    public static SerialBlock Create(long first, long last)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(first, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(last, first);
        return new SerialBlock(first, last);
    }

    /// <summary>The <paramref name="count"/> serials starting at <paramref name="first"/>.</summary>
    public static SerialBlock OfCount(long first, long count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(first, 1);
        return Create(first, checked(first - 1 + count));
    }

    /// <summary>True when <paramref name="serial"/> is in the block.</summary>
    public bool Contains(long serial) => serial >= First && serial <= Last;

    /// <summary>True when every serial of <paramref name="other"/> is in this block.</summary>
    public bool Contains(SerialBlock other) => other.First >= First && other.Last <= Last;

    /// <summary>True when the two blocks share a serial.</summary>
    public bool Overlaps(SerialBlock other) => First <= other.Last && other.First <= Last;

    /// <summary>True when <paramref name="other"/> starts right after this block ends, or ends right before it starts.</summary>
    public bool IsAdjacentTo(SerialBlock other) =>
        (Last < long.MaxValue && Last + 1 == other.First) || (other.Last < long.MaxValue && other.Last + 1 == First);

    /// <summary>Joins two adjacent blocks into one; throws when they are not adjacent.</summary>
    public SerialBlock Merge(SerialBlock other)
    {
        if (!IsAdjacentTo(other))
        {
            throw new ArgumentException($"Blocks {this} and {other} are not adjacent.", nameof(other));
        }
        return new SerialBlock(Math.Min(First, other.First), Math.Max(Last, other.Last));
    }

    /// <summary>
    /// Splits off the lowest <paramref name="count"/> serials. <c>Remainder</c> is null when the whole block is taken.
    /// Throws unless 1 ≤ count ≤ <see cref="Count"/>.
    /// </summary>
    public (SerialBlock Taken, SerialBlock? Remainder) SplitLowest(long count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        var taken = new SerialBlock(First, First - 1 + count); // First - 1 first: First + count overflows for a block ending at long.MaxValue
        return count == Count ? (taken, null) : (taken, new SerialBlock(First + count, Last));
    }

    /// <summary>Orders by <see cref="First"/>, then <see cref="Last"/>.</summary>
    public int CompareTo(SerialBlock other)
    {
        var byFirst = First.CompareTo(other.First);
        return byFirst != 0 ? byFirst : Last.CompareTo(other.Last);
    }

    /// <summary><c>first-last</c>, e.g. <c>1-1000</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{First}-{Last}");

    public static bool operator <(SerialBlock left, SerialBlock right) => left.CompareTo(right) < 0;

    public static bool operator <=(SerialBlock left, SerialBlock right) => left.CompareTo(right) <= 0;

    public static bool operator >(SerialBlock left, SerialBlock right) => left.CompareTo(right) > 0;

    public static bool operator >=(SerialBlock left, SerialBlock right) => left.CompareTo(right) >= 0;
}
