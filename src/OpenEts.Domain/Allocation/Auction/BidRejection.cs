namespace OpenEts.Domain.Allocation.Auction;

/// <summary>Why a bid is not valid under the auction's rules (<see cref="AuctionRules"/>).</summary>
public enum BidRejection
{
    /// <summary>Fewer tonnes than the minimum bid (Guangdong: 1 000 t).</summary>
    BelowMinimumBid = 1,

    /// <summary>A price below the reserve price (政策保留价).</summary>
    BelowReservePrice,

    /// <summary>The bidder's bids would add up to more than its share of the volume (Guangdong: 50 %).</summary>
    BidderLimitExceeded,
}
