namespace OpenEts.Domain.DualControl.Monitoring;

/// <summary>A data-quality rule a meter or unit breaks in a period; each names the rule of <see cref="QualityRules"/>.</summary>
public enum QualityFlag
{
    /// <summary>Completeness under 90 %.</summary>
    Incomplete = 0,

    /// <summary>A reading stamped more than 1 minute off its slot, or a monthly figure more than 1 day off its month's end.</summary>
    OffTime,

    /// <summary>A month whose readings differ from its monthly figure by more than 5 %.</summary>
    MonthlyMismatch,

    /// <summary>A fault not repaired within 3 working days.</summary>
    FaultEscalated,

    /// <summary>No calibration recorded for the meter.</summary>
    NoCalibration,

    /// <summary>A calibration recorded more than 3 working days after it was done.</summary>
    CalibrationLate,
}
