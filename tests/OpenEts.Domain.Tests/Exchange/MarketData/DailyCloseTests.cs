using OpenEts.Domain.Exchange.MarketData;
using static OpenEts.Domain.Tests.Exchange.MarketData.Prints;

namespace OpenEts.Domain.Tests.Exchange.MarketData;

public sealed class DailyCloseTests
{
    private static readonly DateOnly Day = new(2026, 11, 30);

    [Fact]
    public void Compute_NationalWithTrades_OpensAtFirstTradeAndClosesAtVwap()
    {
        var trades = new[] { At("2026-11-30 09:31:00", 6000, 10), At("2026-11-30 14:00:00", 6400, 30) };

        var close = DailyClose.Compute(ClosingRule.NationalVwap, Day, 5800, trades);

        Assert.Equal(6000, close.OpenFen);
        Assert.Equal(6300, close.CloseFen); // (60 000 + 192 000) ÷ 40
        Assert.False(close.ReferenceKept);
    }

    [Fact]
    public void Compute_NationalWithoutTrades_KeepsThePreviousClose()
    {
        var close = DailyClose.Compute(ClosingRule.NationalVwap, Day, 5800, []);

        Assert.Equal((5800, 5800, true), (close.OpenFen, close.CloseFen, close.ReferenceKept));
    }

    [Fact]
    public void Compute_VwapBetweenTwoFen_RoundsHalfAwayFromZero()
    {
        var trades = new[] { At("2026-11-30 10:00:00", 500, 1), At("2026-11-30 10:01:00", 501, 1) };

        Assert.Equal(501, DailyClose.Compute(ClosingRule.NationalVwap, Day, 500, trades).CloseFen);
    }

    [Fact]
    public void Compute_GuangzhouDayOf100Tonnes_KeepsTheOpenAsTheClose()
    {
        var trades = new[] { At("2026-11-30 10:00:00", 1600, 60), At("2026-11-30 10:05:00", 1800, 40) };

        var close = DailyClose.Compute(ClosingRule.GuangzhouClickListing, Day, 1500, trades);

        Assert.Equal((1500, 1500, true), (close.OpenFen, close.CloseFen, close.ReferenceKept));
        Assert.Equal(100, close.Volume);
    }

    [Fact]
    public void Compute_GuangzhouDayOf101Tonnes_ClosesAtVwapAndOpensAtThePreviousClose()
    {
        var trades = new[] { At("2026-11-30 10:00:00", 1600, 61), At("2026-11-30 10:05:00", 1800, 40) };

        var close = DailyClose.Compute(ClosingRule.GuangzhouClickListing, Day, 1500, trades);

        Assert.Equal(1500, close.OpenFen);
        Assert.Equal(1679, close.CloseFen); // (97 600 + 72 000) ÷ 101 = 1 679.2
        Assert.False(close.ReferenceKept);
    }

    [Fact]
    public void Compute_TradeOnAnotherBeijingDay_Throws()
    {
        // 00:10 Beijing on 1 December is still 30 November in UTC.
        var trades = new[] { At("2026-12-01 00:10:00", 1600, 1) };

        Assert.Throws<ArgumentException>(() => DailyClose.Compute(ClosingRule.NationalVwap, Day, 1500, trades));
    }

    [Fact]
    public void NextBand_NationalTenPercent_LimitsStayInsideTheBand()
    {
        var close = DailyClose.Compute(ClosingRule.NationalVwap, Day, 4999, []);

        var band = close.NextBand(PriceBand.NationalListedPercent);

        Assert.Equal((4999, 4500, 5498), (band.ReferenceFen, band.LowerFen, band.UpperFen)); // 4 499.1 up, 5 498.9 down
        Assert.True(band.Contains(5498));
        Assert.False(band.Contains(5499));
        Assert.False(band.Contains(4499));
    }
}
