using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
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
        var read = new FieldReader();
        var organisation = read.Organisation(form.Organisation);
        var amount = read.Amount(form.Amount);
        var reference = read.Reference(form.Reference);
        var key = read.Key(form.IdempotencyKey);
        command = read.IsValid ? new WithdrawCash(organisation, amount, reference, key) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<CashCommandOutcome> RunAsync(CashWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await work.Session.Organisations.FindByCodeAsync(Organisation).ConfigureAwait(false) is not { } member)
        {
            return new CashCommandOutcome.NotFound("organisation");
        }
        return await work.Ledger.WithdrawAsync(member, Amount, Reference, Key).ConfigureAwait(false) switch
        {
            CashResult.Done d => new CashCommandOutcome.Completed("cash.withdrawn", d.Entry!.Id, d.Duplicate),
            CashResult.Refused r => CashCommandOutcome.From(r, r.Reason == CashRejection.KeyReused ? "idempotencyKey" : "amount"),
            _ => throw new InvalidOperationException("unknown cash result"),
        };
    }
}
