using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.DualControl.Targets;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// The regulator links a monitored unit to the designation of the key energy user it is (Targets' 重点用能单位, by its
/// unit code), read through <see cref="EnergyTargetsQueries"/>: the key-users page then shows the unit's data quality, and
/// the monitoring dashboard the key user's budget and progress. A key user designated from the covered-entity list must
/// be the unit's own organisation. Linking again replaces the link.
/// </summary>
public sealed record LinkKeyUser(long UnitId, UnitCode KeyUser) : IMonitoringCommand
{
    /// <summary>The request as typed.</summary>
    public sealed record Form(long? UnitId, string? KeyUser);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => MonitoringRoles.Registrars;

    public static bool TryParse(Form form, [NotNullWhen(true)] out LinkKeyUser? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        if (form.UnitId is not > 0)
        {
            read.Fail("unitId", "Required", "unitId is the id of a monitored unit");
        }
        var keyUser = read.UnitCode(form.KeyUser, "keyUser");
        errors = read.Errors;
        command = read.IsValid ? new LinkKeyUser(form.UnitId!.Value, keyUser) : null;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<MonitoringCommandOutcome> ExecuteAsync(MonitoringWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await work.Data.FindUnitAsync(UnitId).ConfigureAwait(false) is not { } unit)
        {
            return new MonitoringCommandOutcome.Refused("UnknownUnit", "unitId", $"there is no monitored unit {UnitId}", RefusalKind.Malformed);
        }
        if (await EnergyTargetsQueries.FindKeyUserAsync(work.Session, KeyUser).ConfigureAwait(false) is not { } user)
        {
            return new MonitoringCommandOutcome.Refused("UnknownKeyUser", "keyUser", $"{KeyUser.Value} is not a designated key energy user", RefusalKind.Malformed);
        }
        if (user.OrganisationId is { } org && org != unit.OrganisationId)
        {
            return new MonitoringCommandOutcome.Refused("KeyUserMismatch", "keyUser",
                $"{KeyUser.Value} ({user.Name}) is another organisation than {unit.OrganisationName}", RefusalKind.Conflict);
        }
        var link = new UnitKeyUser(unit.Id, KeyUser.Value, work.Now, work.Actor.UserName);
        await work.Data.SaveKeyUserLinkAsync(link).ConfigureAwait(false);
        var organisation = await work.Session.Organisations.FindByIdAsync(unit.OrganisationId).ConfigureAwait(false);
        await work.JournalAsync("unit.linked", "energy-unit:" + (organisation?.Code.Value ?? unit.OrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new
        {
            unit = unit.Id,
            keyUser = KeyUser.Value,
            keyUserName = user.Name,
        }).ConfigureAwait(false);
        return new MonitoringCommandOutcome.Completed(link);
    }
}
