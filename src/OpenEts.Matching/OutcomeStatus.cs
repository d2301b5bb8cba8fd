namespace OpenEts.Matching;

/// <summary>Whether an input was accepted (and may have traded) or rejected (and changed nothing).</summary>
public enum OutcomeStatus
{
    Accepted = 0,
    Rejected = 1,
}
