using OpenEts.Domain.Cash;

namespace OpenEts.Domain.Allocation.Auction;

/// <summary>One sealed bid (密封报价) in an allowance auction.</summary>
/// <param name="Id">Its id; a smaller id is an earlier bid (the last tie-break at the margin).</param>
/// <param name="BidderId">The bidding organisation.</param>
/// <param name="Tonnes">How many allowances it asks for, whole tonnes.</param>
/// <param name="Price">The most it pays per tonne, in yuan, exact to the fen.</param>
public sealed record SealedBid(long Id, long BidderId, long Tonnes, Yuan Price);
