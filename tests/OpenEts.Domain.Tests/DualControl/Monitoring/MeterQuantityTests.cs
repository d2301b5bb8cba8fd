using OpenEts.Domain.DualControl.Monitoring;

namespace OpenEts.Domain.Tests.DualControl.Monitoring;

public sealed class MeterQuantityTests
{
    [Fact]
    public void TryCreate_ThreeDecimals_KeepsThousandths()
    {
        Assert.True(MeterQuantity.TryCreate(12.345m, out var q, out _));
        Assert.Equal(12_345, q.Milli);
        Assert.Equal(12.345m, q.Value);
    }

    [Fact]
    public void TryCreate_NegativeOrTooFine_IsRefusedWithAReason()
    {
        Assert.False(MeterQuantity.TryCreate(-1m, out _, out var negative));
        Assert.False(MeterQuantity.TryCreate(0.0001m, out _, out var fine));
        Assert.Contains("negative", negative, StringComparison.Ordinal);
        Assert.Contains("0.001", fine, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_PastLongMax_Throws()
    {
        Assert.Throws<OverflowException>(() => MeterQuantity.FromMilli(long.MaxValue) + MeterQuantity.FromMilli(1));
    }

    [Fact]
    public void Default_IsZeroAndOrdersFirst()
    {
        Assert.Equal(MeterQuantity.Zero, default);
        Assert.True(MeterQuantity.FromMilli(1) > default(MeterQuantity));
    }
}
