using System.Text;

namespace OpenEts.Streaming.Inclusion;

/// <summary>
/// Which shard a citizen's events go to: FNV-1a (32 bits) of the citizen's user name in UTF-8, modulo the shard count.
/// Stable across processes and machines (unlike <see cref="string.GetHashCode()"/>), so every publisher sends a citizen's
/// events to the same subject and one worker sees them in order.
/// </summary>
public static class InclusionSubjects
{
    /// <summary>The shard, 0 ≤ shard &lt; <paramref name="shards"/>.</summary>
    public static int ShardOf(string citizen, int shards)
    {
        ArgumentNullException.ThrowIfNull(citizen);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        var hash = 2166136261u;
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(citizen) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(citizen, buffer)] : Encoding.UTF8.GetBytes(citizen);
        foreach (var b in bytes)
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }
        return (int)(hash % (uint)shards);
    }
}
