using OpenEts.Domain.Exchange;

namespace OpenEts.Domain.Tests.Exchange;

public sealed class OneWayAuctionCheckTests
{
    // 2026-11-25 17:30 in Beijing.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    private static readonly Instrument AllDay = Instrument.Gdea(2017, 2_000, TradingCalendar.AllDay.Name);

    private static readonly OneWayAuctionTerms Terms = new(10_000, 1_609, 1_000, Now, Now.AddHours(1), AuctionPricing.Uniform);

    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public void CheckAnnouncement_ClosingBeyondTheMaximumWindow_IsAuctionWindowTooLongOnCloses() =>
        Assert.Equal((ExchangeRule.AuctionWindowTooLong, "closes"), OneWayAuctionCheck.CheckAnnouncement(AllDay, false, null, Now, Week,
            Terms with { Closes = new DateTimeOffset(9999, 12, 31, 15, 59, 0, TimeSpan.Zero) }) is { } r ? (r.Rule, r.Field) : default);

    [Fact]
    public void CheckAnnouncement_ClosingAtTheMaximumWindow_Passes() =>
        Assert.Null(OneWayAuctionCheck.CheckAnnouncement(AllDay, false, null, Now, Week, Terms with { Closes = Now + Week }));

    [Fact]
    public void CheckAnnouncement_OpeningInThePast_IsAuctionOpensBeforeNowOnOpens() =>
        Assert.Equal((ExchangeRule.AuctionOpensBeforeNow, "opens"), OneWayAuctionCheck.CheckAnnouncement(AllDay, false, null, Now, Week,
            Terms with { Opens = Now.AddHours(-1) }) is { } r ? (r.Rule, r.Field) : default);

    [Fact]
    public void CheckAnnouncement_AfterTheDaysEndOfDay_IsDayClosed() =>
        Assert.Equal(ExchangeRule.DayClosed,
            OneWayAuctionCheck.CheckAnnouncement(AllDay, false, new DateOnly(2026, 11, 25), Now, Week, Terms)?.Rule);

    [Fact]
    public void CheckAnnouncement_TermsInsideTheHours_Pass() =>
        Assert.Null(OneWayAuctionCheck.CheckAnnouncement(AllDay, false, null, Now, Week, Terms));

    [Fact]
    public void CheckAnnouncement_WindowOutsideTheNationalHours_IsAuctionWindow()
    {
        // 17:30–18:30 Beijing time: after the national market's 15:00 close.
        var national = Instrument.Gdea(2017, 2_000, TradingCalendar.National.Name);

        Assert.Equal(ExchangeRule.AuctionWindow, OneWayAuctionCheck.CheckAnnouncement(national, false, null, Now, Week, Terms)!.Rule);
    }

    [Fact]
    public void CheckAnnouncement_MinimumBidAboveTheQuantity_IsAuctionMinimumBid() =>
        Assert.Equal((ExchangeRule.AuctionMinimumBid, "minimumBid"),
            OneWayAuctionCheck.CheckAnnouncement(AllDay, false, null, Now, Week, Terms with { MinimumBid = 20_000 }) is { } r ? (r.Rule, r.Field) : default);

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
