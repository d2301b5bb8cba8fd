namespace OpenEts.Domain.Exchange;

/// <summary>
/// What a winning bid of a one-way auction (单向竞价) pays per tonne. New values are appended.
/// </summary>
/// <remarks>
/// The sources state a rule only for Guangdong's allowance auctions (有偿发放): a uniform clearing price (guangdong.md §1.4a,
/// [confirmed] for the 2015 year). For the exchange's own one-way auctions, "announced separately" (trading.md §5.1) is
/// all that was found: <see cref="Uniform"/> is the default there, [UNCONFIRMED]; <see cref="PayAsBid"/> is offered for
/// announcements that state it.
/// </remarks>
public enum AuctionPricing
{
    /// <summary>Every winner pays the clearing price: the lowest accepted bid's price (统一价格).</summary>
    Uniform = 1,

    /// <summary>Every winner pays its own bid price (按报价成交).</summary>
    PayAsBid,
}
