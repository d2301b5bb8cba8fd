using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// Reports a meter fault (故障): the meter, the Beijing day it failed (default today; not in the future) and what is wrong.
/// It must be repaired within 3 working days or it is escalated to the provincial platform (see <c>FaultRepair</c>).
/// </summary>
public sealed record RecordMeterFault(string Meter, DateOnly? ReportedOn, string Description) : IMonitoringCommand
{
    /// <summary>The request as typed.</summary>
    public sealed record Form(string? Meter, string? ReportedOn, string? Description);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => MonitoringRoles.Senders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out RecordMeterFault? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var meter = FieldReader.Text(form.Meter);
        if (meter.Length is 0 or > 64)
        {
            read.Fail("meter", "Required", "meter is the meter point's code");
        }
        DateOnly? on = string.IsNullOrWhiteSpace(form.ReportedOn) ? null : read.Day(form.ReportedOn, "reportedOn");
        var description = FieldReader.Text(form.Description);
        if (description.Length is 0 or > 500)
        {
            read.Fail("description", "Required", "description says what is wrong, 1–500 characters");
        }
        errors = read.Errors;
        command = read.IsValid ? new RecordMeterFault(meter, on, description) : null;
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
        var on = ReportedOn ?? work.Today;
        if (on > work.Today)
        {
            return new MonitoringCommandOutcome.Refused("FromTheFuture", "reportedOn", $"{on:yyyy-MM-dd} is after today", RefusalKind.Malformed);
        }
        var fault = await work.Data.InsertFaultAsync(new MeterFault(0, meter!.Id, on, Description, work.Now, work.Actor.UserName, null, null)).ConfigureAwait(false);
        await work.JournalAsync("fault.reported", meter.Code, new { fault = fault.Id, meter = meter.Code, reportedOn = on, description = Description })
            .ConfigureAwait(false);
        return new MonitoringCommandOutcome.Completed(fault);
    }
}
