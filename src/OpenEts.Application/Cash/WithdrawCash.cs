using System.Diagnostics.CodeAnalysis;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Cash;

/// <summary>
/// Money a member asked to take out (出金) leaves its cash account for the bank, from its available money (never what
/// bids or orders hold): the operator records it with the bank transfer, <see cref="Reference"/> naming it.
/// </summary>
public sealed record WithdrawCash(CreditCode Organisation, Yuan Amount, string Reference, IdempotencyKey Key) : ICashCommand
{
    /// <summary>The request as typed.</summary>
    public sealed record Form(string? Organisation, decimal? Amount, string? Reference, string? IdempotencyKey);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => CashRoles.Operator;

    public static bool TryParse(Form form, [NotNullWhen(true)] out WithdrawCash? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        return BankMovement.TryParse(form.Organisation, form.Amount, form.Reference, form.IdempotencyKey,
            (organisation, amount, reference, key) => new WithdrawCash(organisation, amount, reference, key), out command, out errors);
    }

    /// <inheritdoc/>
    public Task<CashCommandOutcome> RunAsync(CashWork work) =>
        BankMovement.RunAsync(work, Organisation, "cash.withdrawn", member => work.Ledger.WithdrawAsync(member, Amount, Reference, Key));
}
