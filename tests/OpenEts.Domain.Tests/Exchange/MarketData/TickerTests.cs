using OpenEts.Domain.Exchange.MarketData;
using static OpenEts.Domain.Tests.Exchange.MarketData.Prints;

namespace OpenEts.Domain.Tests.Exchange.MarketData;

public sealed class TickerTests
{
    [Fact]
    public void From_TradesOfTodayAndYesterday_CountsTodayOnlyAgainstThePreviousClose()
    {
        var trades = new[]
        {
            At("2026-11-29 14:59:00", 9999, 500),
            At("2026-11-30 09:30:00", 6000, 10),
            At("2026-11-30 10:00:00", 6300, 20),
            At("2026-11-30 11:00:00", 6200, 5),
        };

        var ticker = Ticker.From("CEA-2026", new DateOnly(2026, 11, 30), 6000, trades);

        Assert.Equal((6200L, 200L, 3.33m), (ticker.LastFen!.Value, ticker.ChangeFen!.Value, ticker.ChangePercent!.Value));
        Assert.Equal((6000L, 6300L, 6000L), (ticker.OpenFen!.Value, ticker.HighFen!.Value, ticker.LowFen!.Value));
        Assert.Equal(35, ticker.Volume);
        Assert.Equal((6000 * 10) + (6300 * 20) + (6200 * 5), ticker.TurnoverFen);
    }

    [Theory]
    [InlineData(6035, "0.35")]
    [InlineData(5880, "-1.20")]
    [InlineData(6000, "0.00")]
    public void Change_IsTheChangeInYuanToTheFen_NegativeWhenThePriceFell(long lastFen, string yuan)
    {
        var ticker = Ticker.From("CEA-2026", new DateOnly(2026, 11, 30), 6000, [At("2026-11-30 09:30:00", lastFen, 10)]);

        Assert.Equal(yuan, ticker.Change!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void From_NoTradeToday_HasNoLastPriceNorChange()
    {
        var ticker = Ticker.From("CEA-2026", new DateOnly(2026, 11, 30), 6000, []);

        Assert.Null(ticker.LastFen);
        Assert.Null(ticker.ChangePercent);
        Assert.Null(ticker.Change);
        Assert.Equal(0, ticker.Volume);
    }

    [Fact]
    public void From_WithBlockTrades_CountsThemAsBlockVolumeOnlyNotAsTheLastPrice()
    {
        var trades = new[] { At("2026-11-30 09:30:00", 6000, 10) };
        var blocks = new[] { At("2026-11-29 14:00:00", 5000, 900_000), At("2026-11-30 13:30:00", 7000, 100_000) };

        var ticker = Ticker.From("CEA-2026", new DateOnly(2026, 11, 30), 6000, trades, blocks);

        Assert.Equal((6000L, 10L, 1), (ticker.LastFen!.Value, ticker.Volume, ticker.Trades));
        Assert.Equal((100_000L, 7000L * 100_000), (ticker.BlockVolume, ticker.BlockTurnoverFen));
    }
}
