using System.Diagnostics;

namespace OpenEts.Bench.Matching;

/// <summary>Preallocated histogram of per-input latencies in nanoseconds (1 ns buckets up to 1 ms, then overflow).</summary>
internal sealed class LatencyHistogram
{
    private const int Buckets = 1_000_000;
    private readonly long[] _counts = new long[Buckets + 1];
    private readonly double _nsPerTick = 1e9 / Stopwatch.Frequency;
    private long _total;

    public void Record(long ticks)
    {
        long ns = (long)(ticks * _nsPerTick);
        _counts[ns >= Buckets ? Buckets : ns]++;
        _total++;
    }

    /// <summary>Latency in ns at quantile <paramref name="q"/> (0..1); the overflow bucket reads as 1 ms.</summary>
    public long Percentile(double q)
    {
        long rank = (long)Math.Ceiling(q * _total);
        long seen = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return i;
            }
        }

        return Buckets;
    }
}
