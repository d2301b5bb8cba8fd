namespace OpenEts.Domain.Registry;

/// <summary>
/// An account's state. Open accepts everything. Blocked (冻结) refuses units leaving by the holder's own request
/// (transfer proposals and approvals, voluntary cancellation) but still receives units and may surrender for
/// compliance. Closed (注销) refuses everything; only an account that holds nothing can be closed.
/// </summary>
public enum AccountState
{
    /// <summary>Normal operation.</summary>
    Open = 0,

    /// <summary>Frozen by the regulator: no outgoing transfers or cancellations.</summary>
    Blocked = 1,

    /// <summary>Closed for good: nothing in, nothing out.</summary>
    Closed = 2,
}
