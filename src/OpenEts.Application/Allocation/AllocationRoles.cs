using OpenEts.Domain.Identity;

namespace OpenEts.Application.Allocation;

/// <summary>Who may ask allocation for what, by role.</summary>
public static class AllocationRoles
{
    /// <summary>Import, edit and approve plans; run pre-allocation and the true-up: the regulator.</summary>
    public static IReadOnlyList<Role> Regulator { get; } = [Role.Regulator];

    /// <summary>Read plans and their flags, run a what-if (which changes nothing): every signed-in role but the citizen.</summary>
    public static IReadOnlyList<Role> PlanReaders { get; } =
        [Role.Regulator, Role.Auditor, Role.CompanyRepresentative, Role.Verifier, Role.ExchangeMember];

    /// <summary>Read allocations: the regulator and the auditor all, a company its own.</summary>
    public static IReadOnlyList<Role> AllocationReaders { get; } = [Role.Regulator, Role.Auditor, Role.CompanyRepresentative];
}
