using OpenEts.Domain.DualControl.Monitoring;

namespace OpenEts.Domain.Tests.DualControl.Monitoring;

public sealed class MonthlyAgreementTests
{
    private static MonthlyAgreement Of(long readingsMilli, long monthlyMilli) =>
        new(new DateOnly(2026, 11, 1), MeterQuantity.FromMilli(readingsMilli), MeterQuantity.FromMilli(monthlyMilli));

    [Fact]
    public void Agrees_ReadingsFivePercentUnderTheMonthlyFigure_IsTrue()
    {
        // 950 against 1 000: |950 − 1000| ÷ 1000 = 5 %, on the line.
        var a = Of(950_000, 1_000_000);

        Assert.Equal(0.05m, a.Deviation);
        Assert.True(a.Agrees);
    }

    [Fact]
    public void Agrees_ReadingsJustOverFivePercentAbove_IsFalse()
    {
        // 1 050.001 against 1 000 is 5.0001 % off.
        var a = Of(1_050_001, 1_000_000);

        Assert.False(a.Agrees);
    }

    [Fact]
    public void Agrees_ZeroMonthlyFigure_OnlyWithZeroReadings()
    {
        Assert.True(Of(0, 0).Agrees);
        Assert.False(Of(1, 0).Agrees);
    }
}
