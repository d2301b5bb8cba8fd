
namespace OpenEts.Domain.Exchange;

/// <summary>
/// The rules of a one-way auction (单向竞价): one seller offers a quantity with a reserve price and a bidding window; members
/// bid a price and a quantity inside the window; at the close the bids are ranked (<see cref="OneWayAuctionClearing"/>).
/// </summary>
/// <remarks>
/// Sources: trading.md §5.1 names 单向竞价 as a national mode whose hours are "announced separately" [confirmed]; nothing more
/// about it was found. The bid rules follow Guangdong's allowance auctions (guangdong.md §1.6, [confirmed] for those): a
/// reserve that is the lowest valid bid, a minimum bid (1 000 t there), bid prices not capped (so no price band applies
/// here). Applying them to the exchange's one-way auctions is [UNCONFIRMED]. Guangdong's bids cannot be withdrawn and one
/// bidder may bid for at most 50 % of the volume; here bids can be withdrawn before the close and there is no bidder
/// limit, as the exchange's task states ([UNCONFIRMED] against the sources).
/// </remarks>
public static class OneWayAuctionCheck
{
    /// <summary>
    /// How far before now a window may open: the pages pick whole minutes, so an opening typed as the current minute is
    /// taken as now.
    /// </summary>
    public static readonly TimeSpan OpensTolerance = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The first rule an announcement at <paramref name="now"/> breaks, or null. The window opens now or later (within
    /// <see cref="OpensTolerance"/>) and closes at most <paramref name="maxWindow"/> after now, since the seller's units
    /// stay frozen until the close; nothing is announced on a trading day whose end of day has run
    /// (<paramref name="closedThrough"/>, <see cref="PreTradeCheck.DayClosed"/>).
    /// </summary>
    public static PreTradeRefusal? CheckAnnouncement(
        Instrument instrument, bool halted, DateOnly? closedThrough, DateTimeOffset now, TimeSpan maxWindow, OneWayAuctionTerms terms)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(terms);
        if (halted)
        {
            return new(ExchangeRule.InstrumentHalted, "instrument", $"{instrument.Code} is halted");
        }
        if (PreTradeCheck.DayClosed(instrument.Code, closedThrough, now) is { } closed)
        {
            return closed;
        }
        if (CheckPrice(instrument, terms.ReservePriceFen, "reservePrice") is { } price)
        {
            return price;
        }
        if (terms.Quantity <= 0 || terms.Quantity % instrument.LotTonnes != 0)
        {
            return PreTradeRefusal.Of(ExchangeRule.Lot, "quantity", $"the quantity must be a positive multiple of the lot, {instrument.LotTonnes} t");
        }
        if (terms.MinimumBid <= 0 || terms.MinimumBid % instrument.LotTonnes != 0 || terms.MinimumBid > terms.Quantity)
        {
            return PreTradeRefusal.Of(ExchangeRule.AuctionMinimumBid, "minimumBid",
                $"the minimum bid must be a positive multiple of the lot, {instrument.LotTonnes} t, and at most the quantity, {terms.Quantity} t");
        }
        if (terms.Opens < now - OpensTolerance)
        {
            return new(ExchangeRule.AuctionOpensBeforeNow, "opens", "the bidding window must open now or later, not in the past");
        }
        if (terms.Closes <= terms.Opens || terms.Closes <= now)
        {
            return new(ExchangeRule.AuctionWindow, "closes", "the bidding window must close after it opens and after now");
        }
        if (terms.Closes > now + maxWindow)
        {
            return PreTradeRefusal.Of(ExchangeRule.AuctionWindowTooLong, "closes",
                $"the bidding window must close within {maxWindow.TotalDays:0.##} days of its announcement, by {(now + maxWindow).ToOffset(TradingCalendar.Beijing):yyyy-MM-dd HH:mm} Beijing time");
        }
        var calendar = instrument.TradingCalendar;
        return calendar.IsOpen(terms.Opens) && calendar.IsOpen(terms.Closes.AddTicks(-1))
            ? null
            : PreTradeRefusal.Of(ExchangeRule.AuctionWindow, "opens",
                $"the bidding window must open and close within {instrument.Code}'s hours, {calendar.SessionsText} Beijing time on trading days");
    }

    /// <summary>The first rule a bid at <paramref name="now"/> breaks, or null (cash is checked by the ledger that holds it).</summary>
    public static PreTradeRefusal? CheckBid(Instrument instrument, bool halted, DateTimeOffset now, OneWayAuctionTerms terms, long priceFen, long quantity)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(terms);
        if (now < terms.Opens || now >= terms.Closes)
        {
            return PreTradeRefusal.Of(ExchangeRule.AuctionWindow, "auction",
                $"bids are taken from {terms.Opens.ToOffset(TradingCalendar.Beijing):yyyy-MM-dd HH:mm} to {terms.Closes.ToOffset(TradingCalendar.Beijing):yyyy-MM-dd HH:mm} Beijing time");
        }
        if (halted)
        {
            return new(ExchangeRule.InstrumentHalted, "instrument", $"{instrument.Code} is halted");
        }
        if (CheckPrice(instrument, priceFen, "price") is { } price)
        {
            return price;
        }
        if (priceFen < terms.ReservePriceFen)
        {
            return PreTradeRefusal.Of(ExchangeRule.AuctionReserve, "price", $"a bid is at least the reserve price, {PreTradeCheck.Yuan(terms.ReservePriceFen)} yuan");
        }
        if (quantity < terms.MinimumBid || quantity % instrument.LotTonnes != 0 || quantity > terms.Quantity)
        {
            return PreTradeRefusal.Of(ExchangeRule.AuctionMinimumBid, "quantity",
                $"a bid is a multiple of the lot, {instrument.LotTonnes} t, from the minimum bid, {terms.MinimumBid} t, to the quantity offered, {terms.Quantity} t");
        }
        return null;
    }

    private static PreTradeRefusal? CheckPrice(Instrument instrument, long priceFen, string field) =>
        priceFen <= 0 ? new(ExchangeRule.BadPrice, field, "the price must be positive")
        : priceFen % instrument.TickFen != 0 ? PreTradeRefusal.Of(ExchangeRule.Tick, field, $"the price must be a multiple of the tick, {PreTradeCheck.Yuan(instrument.TickFen)} yuan")
        : null;
}
