using OpenEts.Domain.Cash;

namespace OpenEts.Domain.Tests.Cash;

public sealed class YuanTests
{
    [Theory]
    [InlineData("0.001")]
    [InlineData("12.345")]
    [InlineData("-0.01")]
    public void TryCreate_FractionOfAFenOrNegative_IsRefused(string text)
    {
        Assert.False(Yuan.TryCreate(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture), out _, out var reason));
        Assert.NotEmpty(reason);
    }

    [Fact]
    public void Times_PriceInFenTimesTonnes_IsExact()
    {
        // 16.09 元/t × 250 000 t = 4 022 500.00 元 (guangdong.md §1.6's reserve, half its volume).
        Assert.Equal(4_022_500.00m, Yuan.Times(Yuan.From(16.09m), 250_000).Value);
    }

    [Fact]
    public void Fen_OfAnAmount_IsTheWholeNumberOfFen()
    {
        Assert.Equal(123_456L, Yuan.From(1234.56m).Fen);
        Assert.Equal(Yuan.From(1234.56m), Yuan.FromFen(123_456));
    }

    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(1L, "0.01")]
    [InlineData(150L, "1.50")]
    [InlineData(160_900L, "1609.00")]
    [InlineData(4_294_967_296L, "42949672.96")]
    [InlineData(100_000_000_000_000_000L, "1000000000000000.00")]
    public void FromFen_AnyWholeNumberOfFen_IsTheAmountToTwoDecimalsAndBack(long fen, string shown)
    {
        var yuan = Yuan.FromFen(fen);
        Assert.Equal(shown, yuan.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Yuan.From(fen / 100m), yuan);
        Assert.Equal(fen, yuan.Fen);
    }

    [Fact]
    public void FromFen_AboveTheLargestAmountOrNegative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Yuan.FromFen(100_000_000_000_000_001L));
        Assert.Throws<ArgumentOutOfRangeException>(() => Yuan.FromFen(-1));
    }

    [Fact]
    public void Subtract_BelowZero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Yuan.From(1m) - Yuan.From(1.01m));

    [Fact]
    public void TryCreatePositive_Zero_IsRefused() => Assert.False(Yuan.TryCreatePositive(0m, out _, out _));
}
