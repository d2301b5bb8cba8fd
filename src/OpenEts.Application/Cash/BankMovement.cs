using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Cash;

/// <summary>
/// What a deposit (<see cref="DepositCash"/>) and a withdrawal (<see cref="WithdrawCash"/>) share: the same form
/// (member, amount, the bank's reference, key) and the same run (find the member, move the money, name the field a
/// refusal concerns). They differ only in the ledger call and the journal event.
/// </summary>
internal static class BankMovement
{
    /// <summary>Reads the member, amount, reference and key into a command.</summary>
    public static bool TryParse<TCommand>(string? organisation, decimal? amount, string? reference, string? idempotencyKey,
        Func<CreditCode, Yuan, string, IdempotencyKey, TCommand> make, [NotNullWhen(true)] out TCommand? command,
        out IReadOnlyList<FieldError> errors)
        where TCommand : class
    {
        var read = new FieldReader();
        var member = read.Organisation(organisation);
        var money = read.Amount(amount);
        var slip = read.Reference(reference);
        var key = read.Key(idempotencyKey);
        command = read.IsValid ? make(member, money, slip, key) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <summary>Finds the member and runs <paramref name="move"/> on its cash account, journalled as <paramref name="event"/>.</summary>
    public static async Task<CashCommandOutcome> RunAsync(CashWork work, CreditCode organisation, string @event,
        Func<Organisation, Task<CashResult>> move)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await work.Session.Organisations.FindByCodeAsync(organisation).ConfigureAwait(false) is not { } member)
        {
            return new CashCommandOutcome.NotFound("organisation");
        }
        if (member.Kind is not (OrganisationKind.Company or OrganisationKind.Investor))
        {
            // Cash is held by those who trade or bid: companies and investors, members and clients. The regulator, a
            // verifier, an auditor or the exchange holds none here (the exchange's fees have their own system account).
            return new CashCommandOutcome.Refused("NotACashHolder", "organisation",
                $"organisation: {member.Name} ({organisation.Value}) is a {member.Kind.ToString().ToLowerInvariant()}, which holds no cash account: companies and investors do",
                RefusalKind.Conflict);
        }
        return await move(member).ConfigureAwait(false) switch
        {
            CashResult.Done d => new CashCommandOutcome.Completed(@event, d.Entry!.Id, d.Duplicate),
            CashResult.Refused r => CashCommandOutcome.From(r, r.Reason switch
            {
                CashRejection.KeyReused => "idempotencyKey",
                CashRejection.ReferenceReused => "reference",
                _ => "amount",
            }),
            _ => throw new InvalidOperationException("unknown cash result"),
        };
    }
}
