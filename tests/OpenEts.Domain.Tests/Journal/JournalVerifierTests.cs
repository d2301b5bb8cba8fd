using OpenEts.Domain.Journal;

namespace OpenEts.Domain.Tests.Journal;

public sealed class JournalVerifierTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private static List<JournalEntry> Chain(int n)
    {
        var list = new List<JournalEntry>();
        var previous = JournalEntry.GenesisHash;
        for (var i = 1; i <= n; i++)
        {
            var e = JournalEntry.Create(i, T0.AddSeconds(i), "regulator", "entity.created", $"S{i}", $$"""{"n":{{i}}}""", previous);
            list.Add(e);
            previous = e.Hash;
        }
        return list;
    }

    [Fact]
    public void FindFirstBreak_WithIntactChain_ReturnsNull() => Assert.Null(JournalVerifier.FindFirstBreak(Chain(20)));

    [Fact]
    public void FindFirstBreak_WhenPayloadChanged_NamesThatEntry()
    {
        var chain = Chain(20);
        chain[6] = chain[6] with { Payload = """{"n":999}""" };

        Assert.Equal(7, JournalVerifier.FindFirstBreak(chain)!.Sequence);
    }

    [Fact]
    public void FindFirstBreak_WhenEntryRemoved_NamesTheGap()
    {
        var chain = Chain(10);
        chain.RemoveAt(4);

        Assert.Equal(5, JournalVerifier.FindFirstBreak(chain)!.Sequence);
    }

    [Fact]
    public void FindFirstBreak_WhenEntryRehashedAfterChange_NamesTheNextEntry()
    {
        var chain = Chain(10);
        var e = chain[2];
        chain[2] = JournalEntry.Create(e.Sequence, e.At, "intruder", e.Kind, e.Subject, e.Payload, e.PreviousHash);

        Assert.Equal(4, JournalVerifier.FindFirstBreak(chain)!.Sequence);
    }

    [Fact]
    public void Create_TruncatesTimeToMilliseconds_SoStoredEntriesVerify()
    {
        var e = JournalEntry.Create(1, T0.AddTicks(12345), "a", "k", "s", "{}", JournalEntry.GenesisHash);

        Assert.Equal(0, e.At.Ticks % TimeSpan.TicksPerMillisecond);
        Assert.True(e.HashMatches());
    }
}
