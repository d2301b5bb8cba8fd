namespace OpenEts.Domain.Offsets;

/// <summary>Where an offset project (抵销项目) stands: submitted → validated (审定) → registered (备案/登记); returned to its owner at either review.</summary>
public enum ProjectStatus
{
    /// <summary>Filed by its owner, waiting for the programme's validator.</summary>
    Submitted = 1,

    /// <summary>Sent back to the owner with comments; the owner edits and submits again.</summary>
    Returned,

    /// <summary>The validator's opinion is positive; waiting for the programme's registrar.</summary>
    Validated,

    /// <summary>Registered by the programme: monitoring reports may be filed and credits issued.</summary>
    Registered,
}
