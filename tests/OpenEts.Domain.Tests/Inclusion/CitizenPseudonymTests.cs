using OpenEts.Domain.Inclusion;

namespace OpenEts.Domain.Tests.Inclusion;

public sealed class CitizenPseudonymTests
{
    [Fact]
    public void FromRandom_AllZeroBytes_IsTheFirstLetterTwelveTimes() =>
        Assert.Equal("caaaaaaaaaaaa", CitizenPseudonym.FromRandom(new byte[8]).Value);

    [Fact]
    public void FromRandom_AllOneBits_IsTheLastCharacterTwelveTimes() =>
        Assert.Equal("c777777777777", CitizenPseudonym.FromRandom([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]).Value);

    [Fact]
    public void FromRandom_TopFiveBitsOne_ReadsBAndTheRestA()
    {
        // 0x08 = 0000 1000: the first 5 bits 00001 → 'b'; the next 5 bits 000 + 00 → 'a'.
        Assert.Equal("cbaaaaaaaaaaa", CitizenPseudonym.FromRandom([0x08, 0, 0, 0, 0, 0, 0, 0]).Value);
    }

    [Fact]
    public void FromRandom_LastFourBitsAreNotUsed()
    {
        // 60 bits make 12 characters; the low 4 bits of the last byte change nothing.
        Assert.Equal(CitizenPseudonym.FromRandom(new byte[8]), CitizenPseudonym.FromRandom([0, 0, 0, 0, 0, 0, 0, 0x0F]));
    }

    [Fact]
    public void FromRandom_SevenBytes_Throws() => Assert.Throws<ArgumentException>(() => CitizenPseudonym.FromRandom(new byte[7]));

    [Theory]
    [InlineData(" CAAAAAAAAAAAB ", true)]
    [InlineData("caaaaaaaaaaa", false)]
    [InlineData("caaaaaaaaaaa1", false)]
    [InlineData("daaaaaaaaaaaa", false)]
    [InlineData("citizen", false)]
    [InlineData(null, false)]
    public void TryParse_Text_AcceptsOnlyCAndTwelveBase32Characters(string? text, bool ok)
    {
        Assert.Equal(ok, CitizenPseudonym.TryParse(text, out var p));
        if (ok)
        {
            Assert.Equal("caaaaaaaaaaab", p!.Value.Value);
        }
    }
}
