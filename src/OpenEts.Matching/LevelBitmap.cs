using System.Numerics;

namespace OpenEts.Matching;

/// <summary>One bit per price level (set = level has orders), so the next best level is found a word at a time.</summary>
internal sealed class LevelBitmap
{
    private readonly ulong[] _words;

    public LevelBitmap(int levelCount) => _words = new ulong[(levelCount + 63) >> 6];

    public void Set(int index) => _words[index >> 6] |= 1UL << (index & 63);

    public void Clear(int index) => _words[index >> 6] &= ~(1UL << (index & 63));

    /// <summary>Lowest set index ≥ <paramref name="from"/>, or <see cref="int.MaxValue"/>.</summary>
    public int NextAtOrAbove(int from)
    {
        int w = from >> 6;
        if (w >= _words.Length)
        {
            return int.MaxValue;
        }

        ulong bits = _words[w] & (ulong.MaxValue << (from & 63));
        while (bits == 0)
        {
            if (++w == _words.Length)
            {
                return int.MaxValue;
            }

            bits = _words[w];
        }

        return (w << 6) + BitOperations.TrailingZeroCount(bits);
    }

    /// <summary>Highest set index ≤ <paramref name="from"/>, or -1.</summary>
    public int PrevAtOrBelow(int from)
    {
        if (from < 0)
        {
            return -1;
        }

        int w = from >> 6;
        ulong bits = _words[w] & (ulong.MaxValue >> (63 - (from & 63)));
        while (bits == 0)
        {
            if (--w < 0)
            {
                return -1;
            }

            bits = _words[w];
        }

        return (w << 6) + 63 - BitOperations.LeadingZeroCount(bits);
    }
}
