namespace OpenEts.Domain.Offsets;

/// <summary>Where a monitoring report of a registered project stands: submitted → verified (核证) → issued (签发); returned with comments at either review.</summary>
public enum MonitoringStatus
{
    /// <summary>Filed by the owner, waiting for the programme's verifier.</summary>
    Submitted = 1,

    /// <summary>Sent back to the owner with comments; the owner files a corrected report.</summary>
    Returned,

    /// <summary>The verifier stated the verified reductions; waiting for the programme's issuer.</summary>
    Verified,

    /// <summary>Credits issued into the registry (final).</summary>
    Issued,
}
