namespace OpenEts.Domain.DualControl.Calculators;

/// <summary>Whether a project's claimed reduction follows from its own inputs.</summary>
public enum ClaimCheck
{
    /// <summary>No claim was given; only the recomputation is shown.</summary>
    NotClaimed = 0,

    /// <summary>The claim is within the tolerance of the recomputation.</summary>
    Follows,

    /// <summary>The claim is more than the tolerance above what its inputs give (flagged).</summary>
    Overclaimed,

    /// <summary>The claim is more than the tolerance below what its inputs give (flagged: the inputs or the claim are wrong).</summary>
    Underclaimed,
}
