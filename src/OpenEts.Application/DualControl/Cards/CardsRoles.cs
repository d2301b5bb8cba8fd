using OpenEts.Domain.Identity;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>Who may do what with polluter cards, by role.</summary>
public static class CardsRoles
{
    /// <summary>Record violations, confirm, dismiss, lift and escalate cards, publish lists: the regulator's officers.</summary>
    public static IReadOnlyList<Role> Officers { get; } = [Role.Regulator];

    /// <summary>See every company's violations and cards, and unpublished lists: the regulator and the auditor.</summary>
    public static IReadOnlyList<Role> Overseers { get; } = [Role.Regulator, Role.Auditor];

    /// <summary>See their own company's history: a company representative.</summary>
    public static IReadOnlyList<Role> Companies { get; } = [Role.CompanyRepresentative];
}
