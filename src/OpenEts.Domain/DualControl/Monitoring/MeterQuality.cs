namespace OpenEts.Domain.DualControl.Monitoring;

/// <summary>
/// One meter's data quality over a period: its completeness, its readings off time, its months against their monthly
/// figures, its faults against the repair rule, its calibration, and the rules it breaks (<see cref="Flags"/>).
/// </summary>
public sealed record MeterQuality(
    Completeness Completeness, long OffTime, IReadOnlyList<MonthlyAgreement> Months, IReadOnlyList<FaultState> Faults,
    IReadOnlyList<QualityFlag> Flags)
{
    /// <summary>Applies every rule of <see cref="QualityRules"/> to <paramref name="evidence"/> as of <paramref name="today"/> (Beijing).</summary>
    public static MeterQuality Assess(MeterEvidence evidence, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var expected = Completeness.ExpectedSlots(evidence.Cadence, evidence.From, evidence.To);
        // A meter that over-delivers (slots outside the period clipped in) still counts as complete, never over 100 %.
        var completeness = Completeness.Of(Math.Min(evidence.Received, expected), expected);
        var faults = evidence.Faults.Select(f => FaultRepair.StateOn(f.ReportedOn, f.RepairedOn, today)).ToList();
        var flags = new List<QualityFlag>();
        if (completeness.IsFlagged)
        {
            flags.Add(QualityFlag.Incomplete);
        }
        if (evidence.OffTime > 0)
        {
            flags.Add(QualityFlag.OffTime);
        }
        if (evidence.Months.Any(m => !m.Agrees))
        {
            flags.Add(QualityFlag.MonthlyMismatch);
        }
        if (faults.Contains(FaultState.Escalated))
        {
            flags.Add(QualityFlag.FaultEscalated);
        }
        if (evidence.Calibrations.Count == 0)
        {
            flags.Add(QualityFlag.NoCalibration);
        }
        else if (evidence.Calibrations.Any(c => !CalibrationCheck.RecordedInTime(c.CalibratedOn, c.RecordedOn)))
        {
            flags.Add(QualityFlag.CalibrationLate);
        }
        return new MeterQuality(completeness, evidence.OffTime, evidence.Months, faults, flags);
    }

    /// <summary>Meters taken together (a unit, a region): completeness summed, every flag any meter raises, once each.</summary>
    public static MeterQuality Combine(IEnumerable<MeterQuality> meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var list = meters.ToList();
        var completeness = list.Aggregate(default(Completeness), (sum, m) => sum + m.Completeness);
        var flags = list.SelectMany(m => m.Flags).Distinct().ToList();
        // Completeness is judged on the total: one meter's gap may not flag a unit whose other meters are complete.
        flags.Remove(QualityFlag.Incomplete);
        if (completeness.IsFlagged)
        {
            flags.Insert(0, QualityFlag.Incomplete);
        }
        flags.Sort();
        return new MeterQuality(completeness, list.Sum(m => m.OffTime), [.. list.SelectMany(m => m.Months)], [.. list.SelectMany(m => m.Faults)], flags);
    }
}
