namespace OpenEts.Matching;

/// <summary>What happens when an incoming order would trade with a resting order of the same account (自成交).</summary>
public enum SelfTradePrevention
{
    /// <summary>Self-trades are allowed.</summary>
    None = 0,

    /// <summary>
    /// The incoming order's remainder is cancelled when it reaches a resting order of its own account; the resting
    /// order stays. In the call phase, where nothing matches on arrival, an order that would cross a resting order
    /// of its own account is rejected instead, so the uncross never pairs an account with itself.
    /// </summary>
    CancelIncoming = 1,
}
