namespace OpenEts.Application.Auction;

/// <summary>Where an auction is in its life.</summary>
public enum AuctionStatus
{
    /// <summary>Announced; bids are taken between its opening and closing times.</summary>
    Open = 1,

    /// <summary>Cleared and the cash settled; the allowances are still being delivered (a close that stopped half-way).</summary>
    Cleared,

    /// <summary>Cleared, cash settled and every award delivered to its winner's holding account; results are public.</summary>
    Settled,

    /// <summary>
    /// Its close could not deliver (the registry refused an award: the issuance account drained since the announcement, a
    /// winner's holding account closed): nothing was paid or delivered, every bid's cash was released; the reason is kept.
    /// </summary>
    Failed,

    /// <summary>
    /// Withdrawn by the regulator before its close (撤销拍卖, <see cref="WithdrawAuction"/>): nothing was sold, every bid's cash
    /// was released, its volume is no longer offered; it takes no bid and is not closed.
    /// </summary>
    Withdrawn,
}
