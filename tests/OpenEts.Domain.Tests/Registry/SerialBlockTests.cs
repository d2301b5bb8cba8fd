using OpenEts.Domain.Registry;
using Xunit;

namespace OpenEts.Domain.Tests.Registry;

public sealed class SerialBlockTests
{
    [Fact]
    public void Create_Valid_CountsInclusively()
    {
        var block = SerialBlock.Create(1, 1000);

        Assert.Equal(1000, block.Count);
        Assert.Equal("1-1000", block.ToString());
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(5, 4)]
    [InlineData(-1, 1)]
    public void Create_OutOfRange_Throws(long first, long last) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SerialBlock.Create(first, last));

    [Fact]
    public void SplitLowest_Part_ReturnsTakenAndRemainder()
    {
        var (taken, rest) = SerialBlock.Create(11, 20).SplitLowest(3);

        Assert.Equal(SerialBlock.Create(11, 13), taken);
        Assert.Equal(SerialBlock.Create(14, 20), rest);
    }

    [Theory]
    [InlineData(1, long.MaxValue)]
    [InlineData(long.MaxValue - 9, 10)]
    public void SplitLowest_ABlockEndingAtTheLargestSerial_TakesWithoutOverflow(long first, long count)
    {
        var block = SerialBlock.Create(first, long.MaxValue);

        var (whole, none) = block.SplitLowest(count);
        var (part, rest) = block.SplitLowest(count - 1);

        Assert.Equal((block, (SerialBlock?)null), (whole, none));
        Assert.Equal(SerialBlock.Create(first, long.MaxValue - 1), part);
        Assert.Equal(SerialBlock.Create(long.MaxValue, long.MaxValue), rest);
    }

    [Fact]
    public void SplitLowest_Whole_HasNoRemainder()
    {
        var (taken, rest) = SerialBlock.Create(11, 20).SplitLowest(10);

        Assert.Equal(SerialBlock.Create(11, 20), taken);
        Assert.Null(rest);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void SplitLowest_CountOutOfRange_Throws(long count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SerialBlock.Create(11, 20).SplitLowest(count));

    [Fact]
    public void Merge_Adjacent_JoinsEitherWay()
    {
        var low = SerialBlock.Create(1, 10);
        var high = SerialBlock.Create(11, 20);

        Assert.True(low.IsAdjacentTo(high) && high.IsAdjacentTo(low));
        Assert.Equal(SerialBlock.Create(1, 20), low.Merge(high));
        Assert.Equal(SerialBlock.Create(1, 20), high.Merge(low));
    }

    [Fact]
    public void Merge_NotAdjacent_Throws() =>
        Assert.Throws<ArgumentException>(() => SerialBlock.Create(1, 10).Merge(SerialBlock.Create(12, 20)));

    [Fact]
    public void IsAdjacentTo_AtMaxValue_DoesNotOverflow()
    {
        var top = SerialBlock.Create(long.MaxValue - 1, long.MaxValue);

        Assert.False(top.IsAdjacentTo(SerialBlock.Create(1, 2)));
        Assert.True(top.IsAdjacentTo(SerialBlock.Create(1, long.MaxValue - 2)));
    }

    [Fact]
    public void ContainsAndOverlaps_Boundaries_AreInclusive()
    {
        var block = SerialBlock.Create(10, 20);

        Assert.True(block.Contains(10) && block.Contains(20));
        Assert.False(block.Contains(9) || block.Contains(21));
        Assert.True(block.Contains(SerialBlock.Create(12, 20)));
        Assert.True(block.Overlaps(SerialBlock.Create(20, 30)));
        Assert.False(block.Overlaps(SerialBlock.Create(21, 30)));
    }

    [Fact]
    public void CompareTo_OrdersByFirstThenLast()
    {
        var a = SerialBlock.Create(1, 5);
        var b = SerialBlock.Create(1, 6);
        var c = SerialBlock.Create(2, 3);

        Assert.True(a < b && b < c && c > a && a <= b && c >= b);
        Assert.Equal([a, b, c], new[] { c, a, b }.Order());
    }

    [Fact]
    public void OfCount_PastMaxValue_Throws() =>
        Assert.Throws<OverflowException>(() => SerialBlock.OfCount(long.MaxValue, 2));
}
