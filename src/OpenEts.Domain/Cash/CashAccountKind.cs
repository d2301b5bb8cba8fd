namespace OpenEts.Domain.Cash;

/// <summary>What a cash account is for.</summary>
public enum CashAccountKind
{
    /// <summary>A member's (a company's or an exchange member's) own money: never below zero.</summary>
    Member = 1,

    /// <summary>
    /// Auction proceeds (有偿发放收入): what winners pay the regulator, one per platform. Never below zero.
    /// </summary>
    AuctionProceeds,

    /// <summary>
    /// The outside world's bank, one per platform: the other side of every deposit and withdrawal. Its balance is
    /// minus the money the platform holds, so the sum over every account, this one included, is always zero.
    /// </summary>
    ExternalBank,

    /// <summary>The exchange's fees (交易手续费收入), one per platform: what buyers and sellers pay per trade. Never below zero.</summary>
    ExchangeFees,
}
