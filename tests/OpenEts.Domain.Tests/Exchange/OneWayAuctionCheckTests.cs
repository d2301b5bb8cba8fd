using OpenEts.Domain.Exchange;

namespace OpenEts.Domain.Tests.Exchange;

public sealed class OneWayAuctionCheckTests
{
    // 2026-11-25 17:30 in Beijing.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    private static readonly Instrument AllDay = Instrument.Gdea(2017, 2_000, TradingCalendar.AllDay.Name);

    private static readonly OneWayAuctionTerms Terms = new(10_000, 1_609, 1_000, Now, Now.AddHours(1), AuctionPricing.Uniform);

    [Fact]
    public void CheckAnnouncement_TermsInsideTheHours_Pass() =>
        Assert.Null(OneWayAuctionCheck.CheckAnnouncement(AllDay, false, Now, Terms));

    [Fact]
    public void CheckAnnouncement_WindowOutsideTheNationalHours_IsAuctionWindow()
    {
        // 17:30–18:30 Beijing time: after the national market's 15:00 close.
        var national = Instrument.Gdea(2017, 2_000, TradingCalendar.National.Name);

        Assert.Equal(ExchangeRule.AuctionWindow, OneWayAuctionCheck.CheckAnnouncement(national, false, Now, Terms)!.Rule);
    }

    [Fact]
    public void CheckAnnouncement_MinimumBidAboveTheQuantity_IsAuctionMinimumBid() =>
        Assert.Equal((ExchangeRule.AuctionMinimumBid, "minimumBid"),
            OneWayAuctionCheck.CheckAnnouncement(AllDay, false, Now, Terms with { MinimumBid = 20_000 }) is { } r ? (r.Rule, r.Field) : default);

    [Theory]
    [InlineData(-1, 1_609L, 1_000L, ExchangeRule.AuctionWindow)]
    [InlineData(61, 1_609L, 1_000L, ExchangeRule.AuctionWindow)]
    [InlineData(10, 1_608L, 1_000L, ExchangeRule.AuctionReserve)]
    [InlineData(10, 1_609L, 999L, ExchangeRule.AuctionMinimumBid)]
    [InlineData(10, 1_609L, 10_001L, ExchangeRule.AuctionMinimumBid)]
    public void CheckBid_OutsideTheWindowBelowTheReserveOrTheMinimum_IsRefusedNamingTheRule(int minutes, long priceFen, long quantity, ExchangeRule rule) =>
        Assert.Equal(rule, OneWayAuctionCheck.CheckBid(AllDay, false, Now.AddMinutes(minutes), Terms, priceFen, quantity)!.Rule);

    [Fact]
    public void CheckBid_AtTheReserveAndTheMinimumInsideTheWindow_Passes() =>
        Assert.Null(OneWayAuctionCheck.CheckBid(AllDay, false, Now.AddMinutes(59), Terms, 1_609, 1_000));
}
