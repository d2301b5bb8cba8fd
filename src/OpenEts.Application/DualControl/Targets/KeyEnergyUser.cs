using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// A designated key energy user (重点用能单位): its unit code, name, city, the covered-entity organisation it is (null
/// for a key user added outside the covered-entity list), and when it was designated.
/// </summary>
public sealed record KeyEnergyUser(UnitCode Code, string Name, UnitCode City, long? OrganisationId, DateTimeOffset DesignatedAt, string By)
{
    /// <summary>True when added beside the covered-entity list rather than taken from it.</summary>
    public bool Added => OrganisationId is null;
}
