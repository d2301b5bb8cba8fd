using OpenEts.Domain.Cash;

namespace OpenEts.Domain.Allocation.Auction;

/// <summary>An auction's outcome: the clearing price, every bid's award, what was sold and what was not.</summary>
/// <param name="ClearingPrice">The uniform price every winner pays (the lowest accepted bid's price), or null when nothing sold.</param>
/// <param name="Awards">One per bid, in bid order; losing and invalid bids win 0 t.</param>
/// <param name="SoldTonnes">The sum of the awards, never above the volume.</param>
/// <param name="UnsoldTonnes">The volume less what sold; it stays with the regulator.</param>
public sealed record AuctionResult(Yuan? ClearingPrice, IReadOnlyList<AuctionAward> Awards, long SoldTonnes, long UnsoldTonnes)
{
    /// <summary>What the winners pay in total.</summary>
    public Yuan Proceeds => Awards.Aggregate(Yuan.Zero, (sum, a) => sum + a.Cost);
}
