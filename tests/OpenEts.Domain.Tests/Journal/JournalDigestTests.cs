using System.Security.Cryptography;
using OpenEts.Domain.Journal;
using Xunit;

namespace OpenEts.Domain.Tests.Journal;

public sealed class JournalDigestTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 9, 0, 0, 123, TimeSpan.FromHours(8));

    private static JournalEntry Head() =>
        JournalEntry.Create(42, At, "regulator", "registry.units.issued", "GD-ISSUE", "{}", JournalEntry.GenesisHash);

    [Fact]
    public void Sign_ThenIsSignedBy_VerifiesWithTheSameKeyOnly()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var digest = JournalDigest.Sign(Head(), At, key);

        Assert.Equal((42L, Head().Hash), (digest.Sequence, digest.Hash));
        Assert.True(digest.IsSignedBy(key));
        Assert.False(digest.IsSignedBy(other));
    }

    [Fact]
    public void IsSignedBy_AfterTheHashOrSequenceChanged_IsFalse()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var digest = JournalDigest.Sign(Head(), At, key);

        Assert.False((digest with { Hash = new string('a', 64) }).IsSignedBy(key));
        Assert.False((digest with { Sequence = 43 }).IsSignedBy(key));
        Assert.False((digest with { Signature = "not base64!" }).IsSignedBy(key));
    }

    [Fact]
    public void SignedText_IsStableAcrossOffsets()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var digest = JournalDigest.Sign(Head(), At, key);

        Assert.Equal($"openets-journal-digest/1\n42\n{Head().Hash}\n2026-11-30T01:00:00.123Z", digest.SignedText);
    }

    [Fact]
    public void DigestCheck_WithAFailingDigest_BoundsTheFirstChangedEntry()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var d10 = JournalDigest.Sign(Head() with { Sequence = 10, Hash = "h10" }, At, key);
        var d20 = JournalDigest.Sign(Head() with { Sequence = 20, Hash = "h20" }, At, key);
        var d30 = JournalDigest.Sign(Head() with { Sequence = 30, Hash = "h30" }, At, key);

        var check = DigestCheck.Run([d30, d10, d20], seq => seq == 10 ? "h10" : "changed", d => d.IsSignedBy(key));

        Assert.Equal(3, check.Checked);
        Assert.Equal((11L, 20L), (check.FirstChangedFrom, check.FirstChangedTo));
    }
}
