using OpenEts.Domain.Exchange;
using OpenEts.Matching;

namespace OpenEts.Domain.Tests.Exchange;

public sealed class PreTradeCheckTests
{
    // 2026-11-25 17:30 in Beijing.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    private static readonly Instrument Gdea = Instrument.Gdea(2017, 2_000, TradingCalendar.AllDay.Name);

    private static readonly OrderTerms Buy = new(Side.Buy, OrderType.Limit, 2_000, 100);

    [Fact]
    public void Check_DayAlreadyClosedByItsEndOfDay_RefusesAsDayClosedNamingTheDay()
    {
        var refusal = PreTradeCheck.Check(Gdea, halted: false, closedThrough: new DateOnly(2026, 11, 25), Now, Buy);

        Assert.NotNull(refusal);
        Assert.Equal((ExchangeRule.DayClosed, "instrument"), (refusal.Rule, refusal.Field));
        Assert.Contains("GDEA-2017's trading day 2026-11-25 is closed", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DayAfterTheLastClosedOne_Passes()
    {
        Assert.Null(PreTradeCheck.Check(Gdea, halted: false, closedThrough: new DateOnly(2026, 11, 24), Now, Buy));
        Assert.Null(PreTradeCheck.Check(Gdea, halted: false, closedThrough: null, Now, Buy));
    }

    [Fact]
    public void DayClosed_NextBeijingDayBeginsAtMidnightBeijingTime_NotUtc()
    {
        var closed = new DateOnly(2026, 11, 25);

        // 15:59 UTC on the 25th is 23:59 in Beijing (still the closed day); 16:00 UTC is midnight, the 26th.
        Assert.NotNull(PreTradeCheck.DayClosed("GDEA-2017", closed, new DateTimeOffset(2026, 11, 25, 15, 59, 0, TimeSpan.Zero)));
        Assert.Null(PreTradeCheck.DayClosed("GDEA-2017", closed, new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Check_HaltedAndClosed_NamesTheHaltFirst()
    {
        var refusal = PreTradeCheck.Check(Gdea, halted: true, closedThrough: new DateOnly(2026, 11, 25), Now, Buy);

        Assert.Equal(ExchangeRule.InstrumentHalted, refusal!.Rule);
    }
}
