namespace OpenEts.Application.Exchange;

/// <summary>Where a trading account is in its life: open, suspended (暂停交易) or closed (销户).</summary>
public enum TradingAccountState
{
    /// <summary>It trades.</summary>
    Open,

    /// <summary>New orders are refused (<c>AccountSuspended</c>); cancels are accepted; it can be reinstated.</summary>
    Suspended,

    /// <summary>Closed for good: nothing is entered for it.</summary>
    Closed,
}
