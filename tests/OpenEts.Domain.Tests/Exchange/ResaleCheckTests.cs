using OpenEts.Domain.Exchange;

namespace OpenEts.Domain.Tests.Exchange;

public sealed class ResaleCheckTests
{
    private static readonly DateOnly Day = new(2026, 11, 25);

    private static readonly Instrument Off = Instrument.Gdea(2017, 2_000, TradingCalendar.AllDay.Name);

    private static readonly Instrument On = Off with { ResaleNextDay = true };

    [Fact]
    public void Check_RuleOn_AllowsWhatWasHeldBeforeAndRefusesTodaysPurchaseNamingTheRule()
    {
        var refusal = ResaleCheck.Check(On, held: 612, boughtToday: 600, quantity: 13, Day);

        Assert.Null(ResaleCheck.Check(On, held: 612, boughtToday: 600, quantity: 12, Day));
        Assert.NotNull(refusal);
        Assert.Equal((ExchangeRule.ResaleNextDay, "quantity"), (refusal.Rule, refusal.Field));
        Assert.Equal("GDEA-2017 is T+1: the 600 t bought on 2026-11-25 cannot be sold before the next trading day; 12 t can be sold today",
            refusal.Message);
    }

    [Fact]
    public void Check_RuleOff_OrNothingBoughtToday_AllowsAnything()
    {
        Assert.Null(ResaleCheck.Check(Off, held: 600, boughtToday: 600, quantity: 600, Day));
        Assert.Null(ResaleCheck.Check(On, held: 600, boughtToday: 0, quantity: 600, Day));
    }

    [Fact]
    public void Sellable_UnitsGoneSinceTheyWereBought_CountAgainstTheOlderUnitsFirst()
    {
        // Bought 600 today, then 100 left the account: the 500 left are all today's, nothing may be sold.
        Assert.Equal(0L, ResaleCheck.Sellable(held: 500, boughtToday: 600));
        Assert.Null(ResaleCheck.Check(On, held: 500, boughtToday: 600, quantity: 0, Day));
        Assert.NotNull(ResaleCheck.Check(On, held: 500, boughtToday: 600, quantity: 1, Day));
    }
}
