namespace OpenEts.Domain.Exchange;

/// <summary>The close of a one-way auction.</summary>
/// <param name="ClearingPriceFen">The lowest accepted bid's price, or null when nothing sold (the reserve was not met).</param>
/// <param name="Fills">One per bid, in bid order; losing bids win 0 t.</param>
/// <param name="Sold">Tonnes sold: the sum of the fills, at most the quantity offered.</param>
/// <param name="Unsold">The quantity offered less what sold: it goes back to the seller.</param>
public sealed record OneWayAuctionResult(long? ClearingPriceFen, IReadOnlyList<AuctionFill> Fills, long Sold, long Unsold);
