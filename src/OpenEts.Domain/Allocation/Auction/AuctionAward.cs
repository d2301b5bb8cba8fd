using OpenEts.Domain.Cash;

namespace OpenEts.Domain.Allocation.Auction;

/// <summary>What one bid won: whole tonnes at the auction's clearing price (0 t when it lost).</summary>
/// <param name="BidId">The bid.</param>
/// <param name="BidderId">Its bidder.</param>
/// <param name="Tonnes">Allowances won.</param>
/// <param name="Price">The uniform clearing price per tonne it pays.</param>
public sealed record AuctionAward(long BidId, long BidderId, long Tonnes, Yuan Price)
{
    /// <summary>What the bid pays: tonnes × the clearing price, exact.</summary>
    public Yuan Cost => Yuan.Times(Price, Tonnes);
}
