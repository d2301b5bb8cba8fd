using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.DualControl.Monitoring;
using OpenEts.Domain.Identity;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>What a monitoring command runs on: the store inside the handler's transaction, who asks, and now.</summary>
public sealed class MonitoringWork(IStoreSession session, Actor actor, DateTimeOffset now)
{
    public IStoreSession Session => session;

    public IEnergyMonitoringData Data => session.EnergyMonitoring;

    public Actor Actor => actor;

    public DateTimeOffset Now => now;

    /// <summary>Today in Beijing.</summary>
    public DateOnly Today => QualityRules.BeijingDay(now);

    /// <summary>Appends the command's journal entry (kind <c>energy.monitoring.</c> + <paramref name="what"/>).</summary>
    public Task JournalAsync(string what, string subject, object payload) =>
        session.Journal.AppendAsync(now, actor.UserName, "energy.monitoring." + what, subject, Json.Object(("details", payload)));

    /// <summary>
    /// The meter by code when the actor may act on it: any meter for the regulator, its own organisation's for a company.
    /// Refused (UnknownMeter, 404-like conflict) or (NotYourMeter, forbidden) otherwise.
    /// </summary>
    public async Task<(MeterPoint? Meter, MonitoredUnit? Unit, MonitoringCommandOutcome? Refusal)> MeterForActorAsync(string code, string field)
    {
        if (await Data.FindMeterAsync(code).ConfigureAwait(false) is not { } meter)
        {
            return (null, null, new MonitoringCommandOutcome.Refused("UnknownMeter", field, $"there is no meter point {code}", RefusalKind.Malformed));
        }
        var unit = await Data.FindUnitAsync(meter.UnitId).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Meter {meter.Code} names unit {meter.UnitId}, which is missing.");
        return actor.Role == Role.Regulator || actor.OrganisationId == unit.OrganisationId
            ? (meter, unit, null)
            : (null, null, new MonitoringCommandOutcome.Refused("NotYourMeter", field, $"meter point {code} belongs to another organisation", RefusalKind.Forbidden));
    }
}
