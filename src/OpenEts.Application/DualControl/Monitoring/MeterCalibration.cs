namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>A meter calibration or replacement (校准 / 更换) as recorded on the platform: the day done, the certificate, when recorded.</summary>
public sealed record MeterCalibration(
    long Id, long MeterId, DateOnly CalibratedOn, bool Replaced, string Certificate, DateTimeOffset RecordedAt, string RecordedBy);
