namespace OpenEts.Domain.Allocation.Auction;

/// <summary>
/// Clears a sealed-bid allowance auction under <see cref="AuctionRules"/>: valid bids are ranked by price, highest
/// first; they win in full down to the price level where the volume runs out; that level's price is the uniform clearing
/// price (统一价格), paid by every winner; the bids at that level share what is left pro rata in whole tonnes.
/// </summary>
/// <remarks>
/// <para>
/// The remainder rule at the margin (not stated by any source found, [UNCONFIRMED]): each marginal bid first gets
/// ⌊left × its tonnes ÷ the level's tonnes⌋; the tonnes still left go one each to the bids with the largest fractional
/// remainder, ties to the earliest bid. No bid ever gets more than it asked for.
/// </para>
/// <para>
/// When demand at or above the reserve is below the volume, every valid bid wins in full at the lowest accepted price
/// and the rest is unsold. The rules are checked again here (not only when a bid is placed): a bid below the minimum or
/// the reserve, or one that would take its bidder (counting its earlier bids) above its limit, wins nothing.
/// </para>
/// </remarks>
public static class AuctionClearing
{
    /// <summary>Why <paramref name="bid"/> is not valid given the bidder's earlier bids, or null when it is.</summary>
    /// <param name="rules">The auction's rules.</param>
    /// <param name="volumeTonnes">The volume offered.</param>
    /// <param name="reserve">The reserve price.</param>
    /// <param name="bidderTonnesSoFar">What the same bidder's earlier bids in this auction add up to.</param>
    /// <param name="bid">The bid.</param>
    public static BidRejection? Check(AuctionRules rules, long volumeTonnes, Cash.Yuan reserve, long bidderTonnesSoFar, SealedBid bid)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(bid);
        return bid.Tonnes < rules.MinimumBidTonnes ? BidRejection.BelowMinimumBid
            : bid.Price < reserve ? BidRejection.BelowReservePrice
            : checked(bidderTonnesSoFar + bid.Tonnes) > rules.BidderLimitTonnes(volumeTonnes) ? BidRejection.BidderLimitExceeded
            : null;
    }

    /// <summary>Clears the auction; <paramref name="bids"/> in any order (ids give the time order).</summary>
    public static AuctionResult Clear(AuctionRules rules, long volumeTonnes, Cash.Yuan reserve, IReadOnlyList<SealedBid> bids)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(bids);
        ArgumentOutOfRangeException.ThrowIfNegative(volumeTonnes);
        if (rules.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(rules));
        }
        var byTime = bids.OrderBy(b => b.Id).ToArray();
        var won = new long[byTime.Length];
        var valid = new List<int>(byTime.Length);
        var perBidder = new Dictionary<long, long>();
        for (var i = 0; i < byTime.Length; i++)
        {
            var so = perBidder.GetValueOrDefault(byTime[i].BidderId);
            if (Check(rules, volumeTonnes, reserve, so, byTime[i]) is null)
            {
                perBidder[byTime[i].BidderId] = so + byTime[i].Tonnes;
                valid.Add(i);
            }
        }
        // Highest price first; within a price, time order (only the margin's remainder looks at it).
        valid.Sort((a, b) => byTime[b].Price.CompareTo(byTime[a].Price) is var c && c != 0 ? c : a.CompareTo(b));
        var left = volumeTonnes;
        Cash.Yuan? clearing = null;
        var k = 0;
        while (k < valid.Count && left > 0)
        {
            var price = byTime[valid[k]].Price;
            var end = k;
            long level = 0;
            while (end < valid.Count && byTime[valid[end]].Price == price)
            {
                level = checked(level + byTime[valid[end]].Tonnes);
                end++;
            }
            clearing = price;
            if (level <= left)
            {
                for (var j = k; j < end; j++)
                {
                    won[valid[j]] = byTime[valid[j]].Tonnes;
                }
                left -= level;
            }
            else
            {
                ShareAtMargin(byTime, valid, k, end, level, left, won);
                left = 0;
            }
            k = end;
        }
        var awards = new AuctionAward[byTime.Length];
        for (var i = 0; i < byTime.Length; i++)
        {
            awards[i] = new AuctionAward(byTime[i].Id, byTime[i].BidderId, won[i], clearing ?? Cash.Yuan.Zero);
        }
        var sold = volumeTonnes - left;
        return new AuctionResult(sold == 0 ? null : clearing, awards, sold, left);
    }

    private static void ShareAtMargin(SealedBid[] byTime, List<int> valid, int from, int to, long level, long left, long[] won)
    {
        var remainders = new List<(int Index, long Remainder)>(to - from);
        var given = 0L;
        for (var j = from; j < to; j++)
        {
            var i = valid[j];
            // In 128-bit integers, so the share and its remainder (the fraction × level) are exact.
            var product = (Int128)left * byTime[i].Tonnes;
            var floor = (long)(product / level);
            won[i] = floor;
            given += floor;
            remainders.Add((i, (long)(product % level)));
        }
        var spare = left - given;
        foreach (var (index, _) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index))
        {
            if (spare == 0)
            {
                break;
            }
            won[index]++;
            spare--;
        }
    }
}
