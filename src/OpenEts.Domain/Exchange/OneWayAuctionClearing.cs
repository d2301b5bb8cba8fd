namespace OpenEts.Domain.Exchange;

/// <summary>
/// Clears a one-way auction (单向竞价): bids are ranked by price, highest first, then by time (the lower number first);
/// they win in full down the ranking until the quantity runs out, and the marginal bid gets what is left (a partial fill).
/// Under <see cref="AuctionPricing.Uniform"/> every winner pays the clearing price, the lowest accepted bid's price; under
/// <see cref="AuctionPricing.PayAsBid"/> each pays its own. What no bid takes is unsold.
/// </summary>
/// <remarks>
/// The allowance auctions' clearing (<c>Allocation.Auction.AuctionClearing</c>) does not fit: it shares the margin pro
/// rata among the bids at the clearing price and caps each bidder's share, which are the regulator's rules for Guangdong's
/// 有偿发放; the exchange's one-way auction gives the margin by time priority, as the exchange's other modes do
/// (挂牌点选, guangdong.md §1.7: price-then-time priority). Bids must already have passed <see cref="OneWayAuctionCheck.CheckBid"/>.
/// </remarks>
public static class OneWayAuctionClearing
{
    /// <summary>Clears <paramref name="quantity"/> t among <paramref name="bids"/> (any order).</summary>
    public static OneWayAuctionResult Clear(long quantity, AuctionPricing pricing, IReadOnlyList<AuctionBidTerms> bids)
    {
        ArgumentNullException.ThrowIfNull(bids);
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        var ranked = bids.OrderByDescending(b => b.PriceFen).ThenBy(b => b.Id).ToArray();
        var won = new Dictionary<long, long>(ranked.Length);
        var left = quantity;
        long? clearing = null;
        foreach (var bid in ranked)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bid.Quantity);
            var take = Math.Min(left, bid.Quantity);
            won[bid.Id] = take;
            if (take > 0)
            {
                left -= take;
                clearing = bid.PriceFen;
            }
        }
        var fills = bids.OrderBy(b => b.Id)
            .Select(b => won[b.Id] is var q && q > 0
                ? new AuctionFill(b.Id, q, pricing == AuctionPricing.PayAsBid ? b.PriceFen : clearing!.Value)
                : new AuctionFill(b.Id, 0, 0))
            .ToArray();
        return new OneWayAuctionResult(clearing, fills, quantity - left, left);
    }
}
