namespace OpenEts.Domain.Exchange;

/// <summary>What a seller announces for a one-way auction (单向竞价) of one instrument.</summary>
/// <param name="Quantity">Tonnes offered, a whole number of the instrument's lots.</param>
/// <param name="ReservePriceFen">The reserve (floor, 保留价) in fen per tonne: the lowest valid bid price.</param>
/// <param name="MinimumBid">The smallest bid in tonnes (Guangdong's allowance auctions: 1 000 t, guangdong.md §1.6).</param>
/// <param name="Opens">When bidding opens.</param>
/// <param name="Closes">When bidding closes (exclusive); the auction can be cleared from then on.</param>
/// <param name="Pricing">What winners pay.</param>
public sealed record OneWayAuctionTerms(long Quantity, long ReservePriceFen, long MinimumBid, DateTimeOffset Opens, DateTimeOffset Closes, AuctionPricing Pricing);
