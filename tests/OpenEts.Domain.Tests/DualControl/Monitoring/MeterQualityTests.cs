using OpenEts.Domain.DualControl.Monitoring;

namespace OpenEts.Domain.Tests.DualControl.Monitoring;

public sealed class MeterQualityTests
{
    private static readonly DateOnly From = new(2026, 11, 1);
    private static readonly DateOnly To = new(2026, 11, 30);
    private static readonly DateOnly Today = new(2026, 12, 10);

    private static MeterEvidence Clean(long received = 720) => new(MeterCadence.Hourly, From, To, received, 0, [], [], [(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 6))]);

    [Fact]
    public void Assess_CompleteCalibratedMeter_HasNoFlags()
    {
        var q = MeterQuality.Assess(Clean(), Today);

        Assert.Empty(q.Flags);
        Assert.Equal(100m, q.Completeness.Percent);
    }

    [Fact]
    public void Assess_EveryRuleBroken_RaisesEveryFlag()
    {
        var evidence = new MeterEvidence(MeterCadence.Hourly, From, To, 647, 3,
            [new MonthlyAgreement(From, MeterQuantity.FromMilli(900_000), MeterQuantity.FromMilli(1_000_000))],
            [(new DateOnly(2026, 11, 27), null)], []);

        var q = MeterQuality.Assess(evidence, Today);

        Assert.Equal([QualityFlag.Incomplete, QualityFlag.OffTime, QualityFlag.MonthlyMismatch, QualityFlag.FaultEscalated, QualityFlag.NoCalibration],
            q.Flags);
    }

    [Fact]
    public void Assess_LateCalibration_IsFlaggedLateNotMissing()
    {
        var q = MeterQuality.Assess(Clean() with { Calibrations = [(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 4))] }, Today);

        Assert.Equal([QualityFlag.CalibrationLate], q.Flags);
    }

    [Fact]
    public void Combine_UnitOfTwoMeters_FlagsOnTheTotalCompleteness()
    {
        // 720 + 600 = 1 320 of 1 440 = 91.7 %: the unit passes though one meter (83.3 %) is flagged alone.
        var full = MeterQuality.Assess(Clean(), Today);
        var gappy = MeterQuality.Assess(Clean(600), Today);

        var unit = MeterQuality.Combine([full, gappy]);

        Assert.Contains(QualityFlag.Incomplete, gappy.Flags);
        Assert.Equal(1320, unit.Completeness.Received);
        Assert.DoesNotContain(QualityFlag.Incomplete, unit.Flags);
    }
}
