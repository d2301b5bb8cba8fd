using OpenEts.Domain.Identity;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>Who may ask energy dual control (targets, statistics, assessment) for what, by role.</summary>
public static class EnergyTargetsRoles
{
    /// <summary>Adopt plans, load statistics, designate key users, score assessments: the regulator (the energy-saving authority).</summary>
    public static IReadOnlyList<Role> Regulators { get; } = [Role.Regulator];

    /// <summary>File a key energy user's annual energy report: its company's representative, or the regulator on its behalf.</summary>
    public static IReadOnlyList<Role> Reporters { get; } = [Role.CompanyRepresentative, Role.Regulator];

    /// <summary>See plans with their split, statistics, key users' figures and the evidence of assessments: the regulator and the auditor.</summary>
    public static IReadOnlyList<Role> Overseers { get; } = [Role.Regulator, Role.Auditor];
}
