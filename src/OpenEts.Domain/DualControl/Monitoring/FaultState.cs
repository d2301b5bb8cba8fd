namespace OpenEts.Domain.DualControl.Monitoring;

/// <summary>Where a meter fault stands against the 3-working-day repair rule.</summary>
public enum FaultState
{
    /// <summary>Not repaired yet, still within 3 working days of the report.</summary>
    Open = 0,

    /// <summary>Repaired within 3 working days.</summary>
    Repaired,

    /// <summary>Not repaired within 3 working days (still open, or repaired late): reported to the provincial platform (上报省级平台).</summary>
    Escalated,
}
