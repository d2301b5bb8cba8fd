using OpenEts.Domain.Registry;
using Xunit;

namespace OpenEts.Domain.Tests.Registry;

public sealed class BufferShareTests
{
    [Theory]
    [InlineData(1000, 20, 200)]
    [InlineData(1001, 20, 201)] // 200.2 rounds up
    [InlineData(7, 12.5, 1)] // 0.875 rounds up
    [InlineData(10, 0, 0)]
    [InlineData(333, 33.33, 111)] // 110.9889 rounds up
    public void WithheldFrom_Percent_RoundsUpToWholeTonnes(long verified, double percent, long withheld)
    {
        Assert.True(BufferShare.TryOfPercent((decimal)percent, out var share, out _));

        Assert.Equal(withheld, share.WithheldFrom(verified));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(-1)]
    [InlineData(10.125)]
    public void TryOfPercent_OutOfRangeOrTooPrecise_SaysWhy(double percent)
    {
        Assert.False(BufferShare.TryOfPercent((decimal)percent, out _, out var reason));
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Fact]
    public void TryOfPercent_TrailingZeros_AreTheSameShare()
    {
        Assert.True(BufferShare.TryOfPercent(20.50m, out var a, out _));
        Assert.True(BufferShare.TryOfPercent(20.5m, out var b, out _));

        Assert.Equal(a.ToString(), b.ToString());
        Assert.Equal("20.5%", a.ToString());
    }

    [Fact]
    public void WithheldFrom_Tonnes_IsThatQuantity()
    {
        Assert.True(BufferShare.TryOfTonnes(500, out var share, out _));

        Assert.Equal(500, share.WithheldFrom(10_000));
        Assert.True(default(BufferShare).IsNone);
        Assert.Equal(0, default(BufferShare).WithheldFrom(10_000));
    }
}
