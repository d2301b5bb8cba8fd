using OpenEts.Domain.Exchange.MarketData;
using static OpenEts.Domain.Tests.Exchange.MarketData.Prints;

namespace OpenEts.Domain.Tests.Exchange.MarketData;

public sealed class KLinesTests
{
    [Fact]
    public void Aggregate_OneMinute_GroupsTradesByMinuteWithOpenHighLowCloseAndVolume()
    {
        var trades = new[]
        {
            At("2026-11-30 09:30:05", 6000, 10),
            At("2026-11-30 09:30:40", 6100, 5),
            At("2026-11-30 09:30:59", 5900, 1),
            At("2026-11-30 09:32:00", 6050, 7),
        };

        var bars = KLines.Aggregate(trades, KLineInterval.OneMinute);

        Assert.Equal(2, bars.Count);
        Assert.Equal(new Bar(DateTimeOffset.Parse("2026-11-30T09:30:00+08:00", System.Globalization.CultureInfo.InvariantCulture),
            6000, 6100, 5900, 5900, 16, (6000 * 10) + (6100 * 5) + 5900, 3), bars[0]);
        Assert.Equal(DateTimeOffset.Parse("2026-11-30T09:32:00+08:00", System.Globalization.CultureInfo.InvariantCulture), bars[1].Start);
        Assert.Equal(7, bars[1].Volume);
    }

    [Fact]
    public void Aggregate_OneDay_CutsDaysAtBeijingMidnightNotUtc()
    {
        // 23:30 Beijing on the 30th is 15:30 UTC the same day; 00:30 Beijing on 1 December is still 30 November in UTC.
        var trades = new[] { At("2026-11-30 23:30:00", 5000, 1), At("2026-12-01 00:30:00", 5100, 2) };

        var bars = KLines.Aggregate(trades, KLineInterval.OneDay);

        Assert.Equal(2, bars.Count);
        Assert.Equal(new DateOnly(2026, 11, 30), BeijingTime.TradingDay(bars[0].Start));
        Assert.Equal(new DateOnly(2026, 12, 1), BeijingTime.TradingDay(bars[1].Start));
        Assert.Equal(TimeSpan.FromHours(8), bars[1].Start.Offset);
        Assert.Equal(TimeSpan.Zero, bars[1].Start.TimeOfDay);
    }

    [Fact]
    public void Aggregate_TradeEarlierThanTheOneBefore_Throws()
    {
        var trades = new[] { At("2026-11-30 10:00:00", 5000, 1), At("2026-11-30 09:59:00", 5000, 1) };

        Assert.Throws<ArgumentException>(() => KLines.Aggregate(trades, KLineInterval.OneMinute));
    }

    [Fact]
    public void Builder_FirstTradeOfNextMinute_HandsBackTheClosedBar()
    {
        var builder = new KLineBuilder(KLineInterval.OneMinute);

        Assert.Null(builder.Add(At("2026-11-30 10:00:01", 5000, 3)));
        var closed = builder.Add(At("2026-11-30 10:01:00", 5200, 1));

        Assert.Equal(3, closed?.Volume);
        Assert.Equal(5200, builder.Current?.CloseFen);
    }
}
