namespace OpenEts.Application.Exchange;

/// <summary>
/// Where a trading account is in its life: awaiting its client's confirmation (a client account a member opened), open,
/// suspended (暂停交易) or closed (销户).
/// </summary>
public enum TradingAccountState
{
    /// <summary>It trades.</summary>
    Open,

    /// <summary>New orders are refused (<c>AccountSuspended</c>); cancels are accepted; it can be reinstated.</summary>
    Suspended,

    /// <summary>Closed for good: nothing is entered for it.</summary>
    Closed,

    /// <summary>
    /// A client account (客户账户) its member opened, waiting for the client to confirm the member's mandate: nothing is entered
    /// for it (<c>AwaitingClient</c>) until the client confirms; the client's decline or the member's withdrawal deletes it.
    /// </summary>
    AwaitingClient,
}
