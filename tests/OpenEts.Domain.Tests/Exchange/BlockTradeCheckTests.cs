using OpenEts.Domain.Exchange;
using OpenEts.Domain.Exchange.MarketData;

namespace OpenEts.Domain.Tests.Exchange;

public sealed class BlockTradeCheckTests
{
    // 2026-11-25 17:30 in Beijing; the reference is 20.00 yuan.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    private static readonly Instrument Gdea = Instrument.Gdea(2017, 2_000, TradingCalendar.AllDay.Name);

    [Theory]
    [InlineData(1_400L)]
    [InlineData(2_600L)]
    [InlineData(2_000L)]
    public void Check_PriceWithinThirtyPercentAndAtLeastTheMinimum_Passes(long priceFen) =>
        Assert.Null(BlockTradeCheck.Check(Gdea, false, null, Now, priceFen, BlockTradeCheck.MinimumTonnes));

    [Theory]
    [InlineData(1_399L)]
    [InlineData(2_601L)]
    public void Check_PriceOutsideThirtyPercentOfTheReference_IsBlockTradeBand(long priceFen)
    {
        var refusal = BlockTradeCheck.Check(Gdea, false, null, Now, priceFen, BlockTradeCheck.MinimumTonnes);

        Assert.Equal((ExchangeRule.BlockTradeBand, "price"), (refusal!.Rule, refusal.Field));
        Assert.Contains("14.00–26.00", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BelowTheMinimum_IsBlockTradeSizeAndTheMinimumIsTheFirstSizeTheBookRefuses()
    {
        var refusal = BlockTradeCheck.Check(Gdea, false, null, Now, 2_000, Instrument.NationalMaxOrderTonnes);

        Assert.Equal(ExchangeRule.BlockTradeSize, refusal!.Rule);
        Assert.Equal(Instrument.NationalMaxOrderTonnes + 1, BlockTradeCheck.MinimumTonnes);
    }

    [Fact]
    public void Check_DayClosedOrHalted_NamesThoseRulesBeforeTheTerms()
    {
        Assert.Equal(ExchangeRule.DayClosed, BlockTradeCheck.Check(Gdea, false, new DateOnly(2026, 11, 25), Now, 1, 1)!.Rule);
        Assert.Equal(ExchangeRule.InstrumentHalted, BlockTradeCheck.Check(Gdea, true, null, Now, 1, 1)!.Rule);
    }

    [Fact]
    public void Band_IsTheNationalBlockPercentAroundTheReference()
    {
        Assert.Equal(new PriceBand(2_000, 1_400, 2_600), BlockTradeCheck.Band(Gdea));
        Assert.Equal(30, PriceBand.NationalBlockPercent);
    }

    [Theory]
    [InlineData(10, 0)]   // 10:00 Beijing: the listed market is open, block trades are not
    [InlineData(15, 0)]   // 15:00: the block session has closed
    public void Check_NationalCalendarOutsideTheBlockSession_IsBlockTradeHours(int hour, int minute)
    {
        var national = Instrument.Gdea(2017, 2_000, TradingCalendar.National.Name);
        var at = new DateTimeOffset(2026, 11, 25, hour, minute, 0, TradingCalendar.Beijing);

        var refusal = BlockTradeCheck.Check(national, false, null, at, 2_000, BlockTradeCheck.MinimumTonnes);

        Assert.Equal((ExchangeRule.BlockTradeHours, "instrument"), (refusal!.Rule, refusal.Field));
        Assert.Contains("13:00–15:00", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(13, 0)]
    [InlineData(14, 59)]
    public void Check_NationalCalendarInsideTheBlockSession_Passes(int hour, int minute)
    {
        var national = Instrument.Gdea(2017, 2_000, TradingCalendar.National.Name);
        var at = new DateTimeOffset(2026, 11, 25, hour, minute, 0, TradingCalendar.Beijing);

        Assert.Null(BlockTradeCheck.Check(national, false, null, at, 2_000, BlockTradeCheck.MinimumTonnes));
    }
}
