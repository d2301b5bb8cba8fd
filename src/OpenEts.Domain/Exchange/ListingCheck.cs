using OpenEts.Matching;

namespace OpenEts.Domain.Exchange;

/// <summary>
/// The rules of click-on-listing (挂牌点选, Guangzhou): a member lists a lot on one side at one price, which freezes its units
/// or cash; another member picks (点选) the best-priced listing of that side, at its price, all of what is left or a part
/// of at least the listing's minimum take; what is left can be withdrawn at any time and lapses with the trading day.
/// </summary>
/// <remarks>
/// Source: guangdong.md §1.7, PHCER trading rules (2020) Art. 18–20 [confirmed]: a listing gives the product, quantity,
/// unit price and side and freezes the matching assets or cash; under price-then-time priority the counterparty can only
/// click the best-priced order; the trade takes the listing's price; unfilled orders or parts can be cancelled at any time.
/// A listing's terms pass the same pre-trade checks as an order (halt, closed day, hours, tick, band, lot, maximum); the
/// minimum take and the partial pick are ours.
/// </remarks>
public static class ListingCheck
{
    /// <summary>
    /// The first rule a new listing's terms break at <paramref name="now"/>, or null: the pre-trade checks of a limit order
    /// at <paramref name="priceFen"/> for <paramref name="quantity"/> t, then the minimum take (a positive whole number of
    /// lots, at most the quantity).
    /// </summary>
    public static PreTradeRefusal? CheckListing(
        Instrument instrument, bool halted, DateOnly? closedThrough, DateTimeOffset now, Side side, long priceFen, long quantity, long minimumTake)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (PreTradeCheck.Check(instrument, halted, closedThrough, now, new OrderTerms(side, OrderType.Limit, priceFen, quantity)) is { } refusal)
        {
            return refusal;
        }
        return minimumTake <= 0 || minimumTake % instrument.LotTonnes != 0 || minimumTake > quantity
            ? PreTradeRefusal.Of(ExchangeRule.MinimumTake, "minimumTake",
                $"the minimum take must be a positive multiple of the lot, {instrument.LotTonnes} t, and at most the quantity, {quantity} t")
            : null;
    }

    /// <summary>
    /// The first rule a pick of <paramref name="take"/> t from a listing with <paramref name="left"/> t left breaks, or null:
    /// whole lots, at most what is left, at least the minimum take unless it takes all that is left.
    /// </summary>
    public static PreTradeRefusal? CheckTake(Instrument instrument, long left, long minimumTake, long take)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (take <= 0 || take % instrument.LotTonnes != 0)
        {
            return PreTradeRefusal.Of(ExchangeRule.Lot, "quantity", $"the quantity must be a positive multiple of the lot, {instrument.LotTonnes} t");
        }
        if (take > left)
        {
            return PreTradeRefusal.Of(ExchangeRule.ListingQuantity, "quantity", $"the listing has {left} t left");
        }
        return take < minimumTake && take != left
            ? PreTradeRefusal.Of(ExchangeRule.MinimumTake, "quantity", $"a pick takes at least the listing's minimum of {minimumTake} t, or all {left} t left")
            : null;
    }

    /// <summary>
    /// True when <paramref name="candidate"/> comes first by price, then time, among the open listings of its side that the
    /// picker may take (<paramref name="open"/>, the candidate among them): the lowest price for sell listings, the highest
    /// for buy listings, and at one price the earliest (the lowest number).
    /// </summary>
    /// <param name="side">The listings' side.</param>
    /// <param name="candidate">The listing picked: its number and price in fen.</param>
    /// <param name="open">Every open listing of that side and instrument not the picker's own.</param>
    public static bool IsBest(Side side, (long Id, long PriceFen) candidate, IEnumerable<(long Id, long PriceFen)> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        foreach (var (id, price) in open)
        {
            var better = side == Side.Sell ? price < candidate.PriceFen : price > candidate.PriceFen;
            if (better || (price == candidate.PriceFen && id < candidate.Id))
            {
                return false;
            }
        }
        return true;
    }
}
