using OpenEts.Domain.Inclusion;

namespace OpenEts.Domain.Tests.Inclusion;

public sealed class SampleDrawTests
{
    private static readonly SampleSeed Seed = SampleSeed.Of("guangdong-tanpuhui", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30),
        12_345_678_901, 2_000, 12_345, 7);

    [Fact]
    public void CanonicalText_Aggregation_ListsEveryPublishedFigureInOrder() =>
        Assert.Equal("phcer-sample/1|guangdong-tanpuhui|2026-11-01|2026-11-30|12345678901|2000|12345|7",
            SampleSeed.CanonicalText("guangdong-tanpuhui", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), 12_345_678_901, 2_000, 12_345, 7));

    [Fact]
    public void Of_SameAggregation_GivesTheSameSeedAndAnotherFigureAnotherSeed()
    {
        var again = SampleSeed.Of("guangdong-tanpuhui", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), 12_345_678_901, 2_000, 12_345, 7);
        var other = SampleSeed.Of("guangdong-tanpuhui", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), 12_345_678_902, 2_000, 12_345, 7);

        Assert.Equal(Seed.Hex, again.Hex);
        Assert.NotEqual(Seed.Hex, other.Hex);
        Assert.Equal(64, Seed.Hex.Length);
        Assert.Equal(Seed.Hex, SampleSeed.FromHex(Seed.Hex).Hex);
    }

    [Fact]
    public void Rank_IsTheFirstEightBytesOfTheSeededHash()
    {
        var bytes = Seed.Bytes.Concat("p7/gate-12"u8.ToArray()).Append((byte)0x1F).Concat("t-1"u8.ToArray()).ToArray();
        var expected = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(System.Security.Cryptography.SHA256.HashData(bytes));

        Assert.Equal(expected, Seed.Rank("p7/gate-12", "t-1"));
    }

    [Fact]
    public void Drawn_EventsOfferedInAnyOrder_AreTheSameSample()
    {
        var events = Enumerable.Range(0, 2_000).Select(i => (Stratum: i % 3, Source: $"s{i % 7}", Id: $"e{i}")).ToList();
        var shares = SampleAllocation.Proportional(SamplingPlan.Default.SizeFor(events.Count), [667, 667, 666]);

        var forward = Draw(events, shares);
        var backward = Draw(Enumerable.Reverse(events), shares);
        var shuffled = Draw(events.OrderBy(e => e.Id.GetHashCode(StringComparison.Ordinal)), shares);

        Assert.Equal(forward, backward);
        Assert.Equal(forward, shuffled);
        // 2 000 events: ⌈384.16 / (1 + 383.16 / 2 000)⌉ = ⌈322.39⌉ = 323, split 108 / 108 / 107 by largest remainder.
        Assert.Equal(323, forward.Count);
        Assert.Equal([108L, 108L, 107L], shares);
    }

    [Fact]
    public void Drawn_IsTheSmallestRanksOfEachStratum()
    {
        var events = Enumerable.Range(0, 50).Select(i => (Stratum: 0, Source: "src", Id: $"e{i}")).ToList();

        var drawn = Draw(events, [5]);

        var expected = events.Select(e => e.Id).OrderBy(id => Seed.Rank("src", id)).Take(5).ToList();
        Assert.Equal(expected, drawn);
    }

    [Fact]
    public void Drawn_AnotherSeed_DrawsAnotherSample()
    {
        var events = Enumerable.Range(0, 1_000).Select(i => (Stratum: 0, Source: "src", Id: $"e{i}")).ToList();
        var other = SampleSeed.Of("guangdong-tanpuhui", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), 1, 1, 1, 8);

        Assert.NotEqual(Draw(events, [20]), Draw(events, [20], other));
    }

    [Fact]
    public void Proportional_SmallStratum_GetsAtLeastOneEvent()
    {
        // 100 of 10 000 events: 9 900 → 99, 99 → 0.99 → 1 by the largest remainder, 1 → 0.01 → raised to 1.
        Assert.Equal([99L, 1L, 1L], SampleAllocation.Proportional(100, [9_900, 99, 1]));
    }

    [Fact]
    public void Proportional_EmptyStratum_GetsNone() =>
        Assert.Equal([10L, 0L], SampleAllocation.Proportional(10, [50, 0]));

    [Fact]
    public void PseudonymOf_SameCitizen_IsStableWithinAnAggregationOnly()
    {
        var other = SampleSeed.Of("guangdong-tanpuhui", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), 1, 1, 1, 8);

        Assert.Equal(Seed.PseudonymOf(42), Seed.PseudonymOf(42));
        Assert.NotEqual(Seed.PseudonymOf(42), Seed.PseudonymOf(43));
        Assert.NotEqual(Seed.PseudonymOf(42), other.PseudonymOf(42));
    }

    private static List<string> Draw(IEnumerable<(int Stratum, string Source, string Id)> events, IReadOnlyList<long> shares, SampleSeed? seed = null)
    {
        var selector = new SampleSelector<string>(seed ?? Seed, shares);
        foreach (var e in events)
        {
            selector.Offer(e.Stratum, e.Source, e.Id, e.Id);
        }
        return [.. selector.Drawn().Select(d => d.Item)];
    }
}
