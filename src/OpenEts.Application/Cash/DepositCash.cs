using System.Diagnostics.CodeAnalysis;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Cash;

/// <summary>
/// Money a member paid into the platform's bank account (入金) is put on its cash account (opened on first deposit):
/// the operator records it from the bank's confirmation, <see cref="Reference"/> naming the slip.
/// </summary>
public sealed record DepositCash(CreditCode Organisation, Yuan Amount, string Reference, IdempotencyKey Key) : ICashCommand
{
    /// <summary>The request as typed.</summary>
    public sealed record Form(string? Organisation, decimal? Amount, string? Reference, string? IdempotencyKey);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => CashRoles.Operator;

    public static bool TryParse(Form form, [NotNullWhen(true)] out DepositCash? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        return BankMovement.TryParse(form.Organisation, form.Amount, form.Reference, form.IdempotencyKey,
            (organisation, amount, reference, key) => new DepositCash(organisation, amount, reference, key), out command, out errors);
    }

    /// <inheritdoc/>
    public Task<CashCommandOutcome> RunAsync(CashWork work) =>
        BankMovement.RunAsync(work, Organisation, "cash.deposited", member => work.Ledger.DepositAsync(member, Amount, Reference, Key));
}
