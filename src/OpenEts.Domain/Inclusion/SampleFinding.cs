namespace OpenEts.Domain.Inclusion;

/// <summary>What the verifier found for one sampled event (核查结论).</summary>
public enum SampleFinding
{
    /// <summary>The partner's or the citizen's records support the event and its reduction.</summary>
    Confirmed = 1,

    /// <summary>The records do not support it (no such trip, a duplicate under another id, a wrong distance…); a reason is stated.</summary>
    NotSupported,
}
