namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// A key energy user under online monitoring (重点用能单位): an organisation of the covered-entity list, registered by the
/// regulator with the region whose platform it reports to and the day monitoring starts (readings are expected from it on).
/// </summary>
public sealed record MonitoredUnit(
    long Id, long OrganisationId, string OrganisationName, string Region, DateOnly MonitoredFrom, DateTimeOffset RegisteredAt, string RegisteredBy);
