using OpenEts.Domain.Identity;

namespace OpenEts.Application.Cash;

/// <summary>Who may ask the cash ledger for what.</summary>
public static class CashRoles
{
    /// <summary>
    /// Record deposits and withdrawals: the regulator, as the platform's operator, on the bank's confirmation. The
    /// platform has no separate exchange-operator role yet (<see cref="Role.ExchangeMember"/> covers members and the
    /// operator alike), and a member must not be able to credit itself; the exchange may widen this when it has one.
    /// </summary>
    public static IReadOnlyList<Role> Operator { get; } = [Role.Regulator];

    /// <summary>Read balances: the regulator and the auditor every account, members their own.</summary>
    public static IReadOnlyList<Role> Readers { get; } = [Role.Regulator, Role.Auditor, Role.CompanyRepresentative, Role.ExchangeMember];
}
