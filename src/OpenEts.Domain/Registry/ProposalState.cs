namespace OpenEts.Domain.Registry;

/// <summary>Where a transfer proposal is in its life. Only <see cref="Pending"/> proposals can change.</summary>
public enum ProposalState
{
    /// <summary>Proposed, waiting for a second representative.</summary>
    Pending = 0,

    /// <summary>Approved and executed: the units moved.</summary>
    Executed = 1,

    /// <summary>Rejected by a representative: nothing moved.</summary>
    Rejected = 2,

    /// <summary>Not approved before its expiry: nothing moved.</summary>
    Expired = 3,
}
