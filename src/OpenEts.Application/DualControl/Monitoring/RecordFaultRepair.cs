using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.DualControl.Monitoring;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// Records that a meter fault was repaired, on a Beijing day (default today) not before the report nor after today. A
/// repair after the 3-working-day deadline is recorded too, and the fault stays escalated.
/// </summary>
public sealed record RecordFaultRepair(long FaultId, DateOnly? RepairedOn, string Note) : IMonitoringCommand
{
    /// <summary>The request as typed.</summary>
    public sealed record Form(long? FaultId, string? RepairedOn, string? Note);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => MonitoringRoles.Senders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out RecordFaultRepair? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        if (form.FaultId is not > 0)
        {
            read.Fail("faultId", "Required", "faultId is the id of a reported fault");
        }
        DateOnly? on = string.IsNullOrWhiteSpace(form.RepairedOn) ? null : read.Day(form.RepairedOn, "repairedOn");
        var note = FieldReader.Text(form.Note);
        if (note.Length > 500)
        {
            read.TooLong("note", 500, note.Length);
        }
        errors = read.Errors;
        command = read.IsValid ? new RecordFaultRepair(form.FaultId!.Value, on, note) : null;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<MonitoringCommandOutcome> ExecuteAsync(MonitoringWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var unknown = new MonitoringCommandOutcome.Refused("UnknownFault", "faultId", $"there is no fault {FaultId}", RefusalKind.Malformed);
        if (await work.Data.FindFaultAsync(FaultId).ConfigureAwait(false) is not { } fault)
        {
            return unknown;
        }
        var meter = (await work.Data.MetersAsync(null).ConfigureAwait(false)).First(m => m.Id == fault.MeterId);
        // Another organisation's fault reads as no fault: the actor learns neither that it exists nor its meter's code.
        if ((await work.MeterForActorAsync(meter.Code, "faultId").ConfigureAwait(false)).Refusal is not null)
        {
            return unknown;
        }
        if (fault.RepairedOn is { } done)
        {
            return new MonitoringCommandOutcome.Refused("AlreadyRepaired", "faultId", $"fault {FaultId} was repaired on {done:yyyy-MM-dd}", RefusalKind.Conflict);
        }
        var on = RepairedOn ?? work.Today;
        if (on < fault.ReportedOn || on > work.Today)
        {
            return new MonitoringCommandOutcome.Refused("Range", "repairedOn",
                $"repairedOn is from the report ({fault.ReportedOn:yyyy-MM-dd}) to today ({work.Today:yyyy-MM-dd})", RefusalKind.Malformed);
        }
        await work.Data.RepairFaultAsync(FaultId, on, Note, work.Now, work.Actor.UserName).ConfigureAwait(false);
        var repaired = fault with { RepairedOn = on, RepairNote = Note };
        await work.JournalAsync("fault.repaired", meter.Code, new
        {
            fault = FaultId,
            meter = meter.Code,
            reportedOn = fault.ReportedOn,
            repairedOn = on,
            deadline = FaultRepair.Deadline(fault.ReportedOn),
            state = repaired.StateOn(work.Today).ToString(),
            note = Note,
        }).ConfigureAwait(false);
        return new MonitoringCommandOutcome.Completed(repaired);
    }
}
