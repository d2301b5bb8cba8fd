using OpenEts.Domain.Exchange;
using OpenEts.Matching;

namespace OpenEts.Domain.Tests.Exchange;

public sealed class ListingCheckTests
{
    // 2026-11-25 17:30 in Beijing; the reference is 20.00 yuan, so the band is 18.00–22.00.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    private static readonly Instrument Gdea = Instrument.Gdea(2017, 2_000, TradingCalendar.AllDay.Name);

    [Fact]
    public void CheckListing_TermsOfAnOrderWithAMinimumUpToTheQuantity_Passes() =>
        Assert.Null(ListingCheck.CheckListing(Gdea, false, null, Now, Side.Sell, 2_000, 1_000, 1_000));

    [Fact]
    public void CheckListing_PriceOutsideTheBand_IsPriceBandLikeAnOrder() =>
        Assert.Equal(ExchangeRule.PriceBand, ListingCheck.CheckListing(Gdea, false, null, Now, Side.Buy, 2_201, 1_000, 1)!.Rule);

    [Theory]
    [InlineData(0L)]
    [InlineData(1_001L)]
    public void CheckListing_MinimumOfNothingOrAboveTheQuantity_IsMinimumTake(long minimum)
    {
        var refusal = ListingCheck.CheckListing(Gdea, false, null, Now, Side.Sell, 2_000, 1_000, minimum);

        Assert.Equal((ExchangeRule.MinimumTake, "minimumTake"), (refusal!.Rule, refusal.Field));
    }

    [Fact]
    public void CheckListing_OnADayItsEndOfDayClosed_IsDayClosed() =>
        Assert.Equal(ExchangeRule.DayClosed, ListingCheck.CheckListing(Gdea, false, new DateOnly(2026, 11, 25), Now, Side.Sell, 2_000, 10, 1)!.Rule);

    [Theory]
    [InlineData(600L, 500L, 100L, ExchangeRule.MinimumTake)]
    [InlineData(600L, 500L, 700L, ExchangeRule.ListingQuantity)]
    [InlineData(600L, 500L, 0L, ExchangeRule.Lot)]
    public void CheckTake_TooSmallTooLargeOrNothing_IsRefusedNamingTheRule(long left, long minimum, long take, ExchangeRule rule) =>
        Assert.Equal(rule, ListingCheck.CheckTake(Gdea, left, minimum, take)!.Rule);

    [Theory]
    [InlineData(600L, 500L, 500L)]
    [InlineData(300L, 500L, 300L)] // below the minimum, but all that is left
    public void CheckTake_AtLeastTheMinimumOrAllThatIsLeft_Passes(long left, long minimum, long take) =>
        Assert.Null(ListingCheck.CheckTake(Gdea, left, minimum, take));

    [Fact]
    public void IsBest_Sells_TheLowestPriceThenTheEarliest()
    {
        (long, long)[] open = [(1, 2_100), (2, 2_000), (3, 2_000)];

        Assert.Equal([false, true, false], open.Select(c => ListingCheck.IsBest(Side.Sell, c, open)));
    }

    [Fact]
    public void IsBest_Buys_TheHighestPriceThenTheEarliest()
    {
        (long, long)[] open = [(4, 1_900), (5, 2_000), (6, 1_950)];

        Assert.Equal([false, true, false], open.Select(c => ListingCheck.IsBest(Side.Buy, c, open)));
    }
}
