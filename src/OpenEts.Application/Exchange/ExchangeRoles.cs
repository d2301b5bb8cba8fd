using OpenEts.Domain.Identity;

namespace OpenEts.Application.Exchange;

/// <summary>Who may do what on the exchange.</summary>
public static class ExchangeRoles
{
    /// <summary>Place and cancel orders: company representatives and exchange members, for their own organisation's trading account.</summary>
    public static IReadOnlyList<Role> Traders { get; } = [Role.CompanyRepresentative, Role.ExchangeMember];

    /// <summary>
    /// Run the exchange (list instruments, open trading accounts, halt and resume): an exchange member of the exchange's
    /// own organisation (the platform has one role for members and the operator; <see cref="ExchangeService"/> checks the organisation's kind).
    /// </summary>
    public static IReadOnlyList<Role> Operator { get; } = [Role.ExchangeMember];

    /// <summary>Read every trading account's orders and trades: the operator, the regulator and the auditor.</summary>
    public static IReadOnlyList<Role> Supervisors { get; } = [Role.ExchangeMember, Role.Regulator, Role.Auditor];
}
