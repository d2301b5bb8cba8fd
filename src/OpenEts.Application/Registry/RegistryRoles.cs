using OpenEts.Domain.Identity;

namespace OpenEts.Application.Registry;

/// <summary>Who may ask the registry for what, by role; the ledger then checks the account (representative, regulator).</summary>
public static class RegistryRoles
{
    /// <summary>Act for accounts they represent: propose, approve, reject, surrender, cancel.</summary>
    public static IReadOnlyList<Role> Holders { get; } = [Role.ExchangeMember, Role.CompanyRepresentative];

    /// <summary>Issue, allocate, administer accounts and correct: the regulator.</summary>
    public static IReadOnlyList<Role> Regulator { get; } = [Role.Regulator];

    /// <summary>
    /// Whether a user of <paramref name="role"/> may be named an account's authorised representative: holders, and the
    /// regulator's officers (the buffer account's); never an auditor, a verifier, a citizen or a data partner.
    /// </summary>
    public static bool MayRepresent(Role role) => Holders.Contains(role) || role == Role.Regulator;

    /// <summary>Read accounts, holdings and history (holders: only the accounts they represent).</summary>
    public static IReadOnlyList<Role> Readers { get; } = [Role.Regulator, Role.Auditor, Role.ExchangeMember, Role.CompanyRepresentative];
}
