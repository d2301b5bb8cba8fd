using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using OpenEts.Domain.Journal;

namespace OpenEts.Domain.Tests.Journal;

public sealed class JournalChainCheckTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    // The chain hash as first specified: the fields joined by line feeds, hashed as one UTF-8 string.
    private static string AsSpecified(long sequence, DateTimeOffset at, string actor, string kind, string subject, string payload,
        string previous) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            sequence.ToString(CultureInfo.InvariantCulture),
            at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            actor, kind, subject, payload, previous))));

    [Fact]
    public void ComputeHash_OfAnyFields_IsTheSpecifiedTextsHash() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300),
            Prop.ForAll(Arb.From(
                from sequence in Gen.Choose(1, int.MaxValue)
                from seconds in Gen.Choose(-1_000_000, 1_000_000)
                from actor in Gen.Elements("regulator", "监管员", "", "a\nb")
                from length in Gen.Choose(0, 3000)
                select (sequence, seconds, actor, length)),
                c =>
                {
                    var (sequence, seconds, actor, length) = c;
                    var at = T0.AddSeconds(seconds).AddMilliseconds(seconds % 1000);
                    var payload = "{\"note\":\"" + new string('碳', length / 3) + new string('x', length % 7) + "\"}";
                    var expected = AsSpecified(sequence, at, actor, "registry.units.issued", "GD-HOLD-01", payload, JournalEntry.GenesisHash);
                    Span<byte> hex = stackalloc byte[64];
                    JournalEntry.ComputeHash(sequence, at.ToUnixTimeMilliseconds(), Encoding.UTF8.GetBytes(actor),
                        "registry.units.issued"u8, "GD-HOLD-01"u8, Encoding.UTF8.GetBytes(payload),
                        Encoding.UTF8.GetBytes(JournalEntry.GenesisHash), hex);

                    Assert.Equal(expected,
                        JournalEntry.ComputeHash(sequence, at, actor, "registry.units.issued", "GD-HOLD-01", payload, JournalEntry.GenesisHash));
                    Assert.Equal(expected, Encoding.ASCII.GetString(hex));
                }));

    [Fact]
    public void ComputeHash_BeforeTheUnixEpochAndInYearOne_FormatsTheTimeAsSpecified()
    {
        foreach (var at in new[] { new DateTimeOffset(1969, 12, 31, 23, 59, 59, 999, TimeSpan.Zero), DateTimeOffset.MinValue,
            new DateTimeOffset(9999, 12, 31, 23, 59, 59, 999, TimeSpan.Zero), new DateTimeOffset(2026, 3, 1, 7, 5, 3, 20, TimeSpan.FromHours(8)) })
        {
            Assert.Equal(AsSpecified(7, at, "a", "k", "s", "{}", "p"), JournalEntry.ComputeHash(7, at, "a", "k", "s", "{}", "p"));
        }
    }

    [Fact]
    public void Add_StoredBytes_BreaksWhereEntriesBreak()
    {
        var chain = new List<JournalEntry>();
        var previous = JournalEntry.GenesisHash;
        for (var i = 1; i <= 12; i++)
        {
            var e = JournalEntry.Create(i, T0.AddSeconds(i), "regulator", "entity.created", $"S{i}", $$"""{"n":{{i}}}""", previous);
            chain.Add(e);
            previous = e.Hash;
        }
        chain[6] = chain[6] with { Payload = """{"n":999}""" };

        var fromEntries = new JournalChainCheck();
        var fromBytes = new JournalChainCheck();
        foreach (var e in chain)
        {
            fromEntries.Add(e);
            fromBytes.Add(new JournalEntryBytes(e.Sequence, e.At.ToUnixTimeMilliseconds(), Encoding.UTF8.GetBytes(e.Actor),
                Encoding.UTF8.GetBytes(e.Kind), Encoding.UTF8.GetBytes(e.Subject), Encoding.UTF8.GetBytes(e.Payload),
                Encoding.UTF8.GetBytes(e.PreviousHash), Encoding.UTF8.GetBytes(e.Hash)));
        }

        Assert.Equal(new JournalBreak(7, "content does not match its hash (the row was changed)"), fromBytes.Break);
        Assert.Equal(fromEntries.Break, fromBytes.Break);
        Assert.Equal((6L, chain[5].Hash), fromBytes.Last);
        Assert.Equal(7, fromBytes.Checked);
    }

    [Fact]
    public void Segment_TakesItsFirstPreviousHashAsItIs_AndKeepsIt()
    {
        var first = JournalEntry.Create(5, T0, "a", "k", "s", "{}", new string('7', 64));
        var second = JournalEntry.Create(6, T0, "a", "k", "s", "{}", first.Hash);
        var segment = JournalChainCheck.Segment(4);

        Assert.True(segment.Add(first));
        Assert.True(segment.Add(second));
        Assert.Equal(new string('7', 64), segment.FirstPreviousHash);
        Assert.Equal((6L, second.Hash), segment.Last);
    }
}
