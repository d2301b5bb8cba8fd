using Xunit;
using OpenEts.Domain.Quantities;

namespace OpenEts.Domain.Tests.Quantities;

public sealed class AllowanceCountTests
{
    [Fact]
    public void Default_IsZero()
    {
        Assert.Equal(AllowanceCount.Zero, default);
        Assert.Equal(0, default(AllowanceCount).Value);
    }

    [Fact]
    public void From_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AllowanceCount.From(-1));

    [Fact]
    public void Add_PastMaxValue_Throws() =>
        Assert.Throws<OverflowException>(() => AllowanceCount.From(long.MaxValue) + AllowanceCount.From(1));

    [Fact]
    public void Subtract_BelowZero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AllowanceCount.From(1) - AllowanceCount.From(2));

    [Fact]
    public void Operators_OrderByValue()
    {
        var one = AllowanceCount.From(1);
        var two = AllowanceCount.From(2);

        Assert.True(one < two && two > one && one <= two && two >= one);
        Assert.Equal(AllowanceCount.From(3), one + two);
        Assert.Equal(-1, one.CompareTo(two));
        Assert.Equal("2", two.ToString());
    }
}
