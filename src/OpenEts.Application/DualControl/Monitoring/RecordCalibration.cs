using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.DualControl.Monitoring;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// Records a meter's calibration or replacement (校准 / 更换) with its certificate: the Beijing day it was done (not in
/// the future). Recording it more than 3 working days after it was done is allowed and flagged (CalibrationLate).
/// </summary>
public sealed record RecordCalibration(string Meter, DateOnly CalibratedOn, bool Replaced, string Certificate) : IMonitoringCommand
{
    /// <summary>The request as typed.</summary>
    public sealed record Form(string? Meter, string? CalibratedOn, bool? Replaced, string? Certificate);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => MonitoringRoles.Senders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out RecordCalibration? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var meter = FieldReader.Text(form.Meter);
        if (meter.Length is 0 or > 64)
        {
            read.Fail("meter", "Required", "meter is the meter point's code");
        }
        var on = read.Day(form.CalibratedOn, "calibratedOn");
        var certificate = FieldReader.Text(form.Certificate);
        if (certificate.Length is 0 or > 200)
        {
            read.Fail("certificate", "Required", "certificate names the calibration certificate, 1–200 characters");
        }
        errors = read.Errors;
        command = read.IsValid ? new RecordCalibration(meter, on, form.Replaced ?? false, certificate) : null;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<MonitoringCommandOutcome> ExecuteAsync(MonitoringWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (meter, _, refusal) = await work.MeterForActorAsync(Meter, "meter").ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }
        if (CalibratedOn > work.Today)
        {
            return new MonitoringCommandOutcome.Refused("FromTheFuture", "calibratedOn", $"{CalibratedOn:yyyy-MM-dd} is after today", RefusalKind.Malformed);
        }
        var calibration = await work.Data.InsertCalibrationAsync(
            new MeterCalibration(0, meter!.Id, CalibratedOn, Replaced, Certificate, work.Now, work.Actor.UserName)).ConfigureAwait(false);
        await work.JournalAsync("calibration.recorded", meter.Code, new
        {
            calibration = calibration.Id,
            meter = meter.Code,
            calibratedOn = CalibratedOn,
            replaced = Replaced,
            certificate = Certificate,
            inTime = CalibrationCheck.RecordedInTime(CalibratedOn, work.Today),
        }).ConfigureAwait(false);
        return new MonitoringCommandOutcome.Completed(calibration);
    }
}
