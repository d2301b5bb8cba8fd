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
            return (null, null, Refusal(code, field, null));
        }
        var unit = await Data.FindUnitAsync(meter.UnitId).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Meter {meter.Code} names unit {meter.UnitId}, which is missing.");
        return Refusal(code, field, new OwnedMeter(meter, unit.OrganisationId)) is { } refused ? (null, null, refused) : (meter, unit, null);
    }

    /// <summary>
    /// The same rule for many meters in one read (a batch of readings): each code's meter, or null when there is none,
    /// to be judged with <see cref="Refusal"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, OwnedMeter>> MetersAsync(IReadOnlyCollection<string> codes) =>
        (await Data.FindMetersAsync(codes).ConfigureAwait(false)).ToDictionary(m => m.Meter.Code, StringComparer.Ordinal);

    /// <summary>Why the actor may not act on the meter <paramref name="code"/> (unknown, or another organisation's); null when it may.</summary>
    public MonitoringCommandOutcome.Refused? Refusal(string code, string field, OwnedMeter? meter) =>
        meter is null ? new MonitoringCommandOutcome.Refused("UnknownMeter", field, $"there is no meter point {code}", RefusalKind.Malformed)
            : actor.Role == Role.Regulator || actor.OrganisationId == meter.OrganisationId ? null
            : new MonitoringCommandOutcome.Refused("NotYourMeter", field, $"meter point {code} belongs to another organisation", RefusalKind.Forbidden);
}
