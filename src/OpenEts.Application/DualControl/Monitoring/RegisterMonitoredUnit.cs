using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// The regulator puts a key energy user under online monitoring (纳入重点用能单位在线监测): an organisation of the
/// covered-entity list, by its id, with the region whose platform it reports to (default: the organisation's region)
/// and the day readings are expected from (default: today in Beijing). One unit per organisation.
/// </summary>
public sealed record RegisterMonitoredUnit(long OrganisationId, string? Region, DateOnly? MonitoredFrom) : IMonitoringCommand
{
    /// <summary>The request as typed.</summary>
    public sealed record Form(long? OrganisationId, string? Region, string? MonitoredFrom);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => MonitoringRoles.Registrars;

    public static bool TryParse(Form form, [NotNullWhen(true)] out RegisterMonitoredUnit? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        if (form.OrganisationId is not > 0)
        {
            read.Fail("organisationId", "Required", "organisationId is the id of an organisation on the covered-entity list");
        }
        var region = FieldReader.Text(form.Region);
        if (region.Length > 64)
        {
            read.TooLong("region", 64, region.Length);
        }
        DateOnly? from = string.IsNullOrWhiteSpace(form.MonitoredFrom) ? null : read.Day(form.MonitoredFrom, "monitoredFrom");
        errors = read.Errors;
        command = read.IsValid ? new RegisterMonitoredUnit(form.OrganisationId!.Value, region.Length == 0 ? null : region, from) : null;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<MonitoringCommandOutcome> ExecuteAsync(MonitoringWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await work.Session.Organisations.FindByIdAsync(OrganisationId).ConfigureAwait(false) is not { } organisation)
        {
            return new MonitoringCommandOutcome.Refused("UnknownOrganisation", "organisationId", $"there is no organisation {OrganisationId}", RefusalKind.Malformed);
        }
        if (await work.Data.FindUnitByOrganisationAsync(OrganisationId).ConfigureAwait(false) is { } existing)
        {
            return new MonitoringCommandOutcome.Refused("AlreadyRegistered", "organisationId",
                $"{organisation.Name} is monitored already (unit {existing.Id})", RefusalKind.Conflict);
        }
        var unit = await work.Data.InsertUnitAsync(new MonitoredUnit(0, OrganisationId, organisation.Name, Region ?? organisation.Region,
            MonitoredFrom ?? work.Today, work.Now, work.Actor.UserName)).ConfigureAwait(false);
        // Its own subject, so the organisation's history on the covered-entity list stays that list's.
        await work.JournalAsync("unit.registered", "energy-unit:" + organisation.Code.Value, new
        {
            unit = unit.Id,
            organisation = OrganisationId,
            region = unit.Region,
            monitoredFrom = unit.MonitoredFrom,
        }).ConfigureAwait(false);
        return new MonitoringCommandOutcome.Completed(unit);
    }
}
