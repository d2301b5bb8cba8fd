namespace OpenEts.Application.Exchange;

/// <summary>
/// A settled trade of any kind, as a day's report and export list it: its kind and its number within that kind (book
/// trade, block trade, listing trade or auction bid), both accounts and both fees (fen).
/// </summary>
/// <param name="At">When it settled: the book trade, the block trade's acceptance, the pick, the auction's close.</param>
/// <param name="PriceFen">Fen per tonne.</param>
/// <param name="Quantity">Tonnes.</param>
public sealed record DayTrade(
    TradeKind Kind, long Id, string Instrument, DateTimeOffset At, long PriceFen, long Quantity, long BuyAccount, long SellAccount,
    long BuyerFeeFen, long SellerFeeFen)
{
    /// <summary>Price × quantity, fen.</summary>
    public long ValueFen => checked(PriceFen * Quantity);

    /// <summary>A book trade.</summary>
    public static DayTrade Of(ExchangeTrade t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(TradeKind.Book, t.Id, t.Instrument, t.At, t.PriceFen, t.Quantity, t.BuyAccount, t.SellAccount, t.BuyerFeeFen, t.SellerFeeFen);
    }

    /// <summary>A settled block trade.</summary>
    public static DayTrade Of(BlockTrade b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new(TradeKind.Block, b.Id, b.Instrument, b.UpdatedAt, b.PriceFen, b.Quantity, b.BuyAccount, b.SellAccount, b.BuyerFeeFen, b.SellerFeeFen);
    }

    /// <summary>A listing trade (a pick).</summary>
    public static DayTrade Of(ListingTrade p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(TradeKind.Listing, p.Id, p.Instrument, p.At, p.PriceFen, p.Quantity, p.BuyAccount, p.SellAccount, p.BuyerFeeFen, p.SellerFeeFen);
    }

    /// <summary>A winning bid of a cleared one-way auction: the bidder buys what it won from the seller at the price it paid.</summary>
    public static DayTrade Of(OneWayAuction auction, OneWayBid bid)
    {
        ArgumentNullException.ThrowIfNull(auction);
        ArgumentNullException.ThrowIfNull(bid);
        return new(TradeKind.Auction, bid.Id, auction.Instrument, auction.UpdatedAt, bid.PaidPriceFen ?? 0, bid.Won, bid.AccountId, auction.AccountId,
            bid.BuyerFeeFen, bid.SellerFeeFen);
    }
}
