namespace OpenEts.Domain.DualControl.Monitoring;

/// <summary>
/// What the data-quality rules look at for one meter over one period (Beijing days <see cref="From"/> to
/// <see cref="To"/>, inclusive, already clipped to the days the meter was registered for and to today).
/// </summary>
/// <param name="Cadence">The meter's reporting cadence (sets the expected count).</param>
/// <param name="From">The first day counted.</param>
/// <param name="To">The last day counted.</param>
/// <param name="Received">Distinct reading slots received in the period.</param>
/// <param name="OffTime">Readings (and monthly figures) stamped outside their tolerance.</param>
/// <param name="Months">Months with a monthly figure, against the sum of the readings.</param>
/// <param name="Faults">Faults: the day reported and the day repaired, if it was.</param>
/// <param name="Calibrations">Calibrations: the day done and the day recorded on the platform.</param>
public sealed record MeterEvidence(
    MeterCadence Cadence, DateOnly From, DateOnly To, long Received, long OffTime, IReadOnlyList<MonthlyAgreement> Months,
    IReadOnlyList<(DateOnly ReportedOn, DateOnly? RepairedOn)> Faults, IReadOnlyList<(DateOnly CalibratedOn, DateOnly RecordedOn)> Calibrations);
