namespace OpenEts.Domain.DualControl.Monitoring;

/// <summary>
/// The calibration rule for a meter: its calibration (or replacement) is recorded, and recorded within
/// <see cref="QualityRules.CalibrationUpdateWorkingDays"/> (3) working days of the day it was done
/// (http://www.hao3537.com/xinwendongtai/781.html).
/// </summary>
public static class CalibrationCheck
{
    /// <summary>True when a calibration done on <paramref name="calibratedOn"/> was recorded in time (Beijing days).</summary>
    public static bool RecordedInTime(DateOnly calibratedOn, DateOnly recordedOn) =>
        recordedOn <= WorkingDays.Add(calibratedOn, QualityRules.CalibrationUpdateWorkingDays);
}
