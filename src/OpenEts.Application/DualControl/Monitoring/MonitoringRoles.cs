using OpenEts.Domain.Identity;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>Who may do what in online energy monitoring.</summary>
public static class MonitoringRoles
{
    /// <summary>Register monitored units and their meter points: the regulator.</summary>
    public static IReadOnlyList<Role> Registrars { get; } = [Role.Regulator];

    /// <summary>
    /// Send readings, report faults, record repairs and calibrations: a key energy user's representative for its own
    /// units only (checked per meter), and the regulator for any unit (loading data on a user's behalf).
    /// </summary>
    public static IReadOnlyList<Role> Senders { get; } = [Role.CompanyRepresentative, Role.Regulator];

    /// <summary>Read the dashboards: the regulator and the auditor every unit and region, a company its own units.</summary>
    public static IReadOnlyList<Role> Readers { get; } = [Role.Regulator, Role.Auditor, Role.CompanyRepresentative];

    /// <summary>True when the role reads every unit (not only its own organisation's).</summary>
    public static bool ReadsAll(Role role) => role is Role.Regulator or Role.Auditor;
}
