using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The new member's trader accepts a client's move offered by its present member (<see cref="TransferClientAccount"/>): the
/// client account becomes the accepting member's client, once the client confirmed the move (<see cref="AnswerClientMove"/>;
/// <c>ClientMoveUnconfirmed</c> before). The accepting member trades on an open account of its own, and the
/// client still has nothing resting (<c>AccountInUse</c>: it may have traded since the offer). Journalled as
/// <c>exchange.client.transferred</c>.
/// </summary>
/// <param name="Account">The client's trading account.</param>
public sealed record AcceptClientTransfer(long Account) : IExchangeCommand
{
    /// <summary>The request as typed.</summary>
    public sealed record Form(long? Account);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out AcceptClientTransfer? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        return AccountCommand.TryParse(form.Account, (_, account) => new AcceptClientTransfer(account), out command, out errors);
    }

    /// <inheritdoc/>
    public Task<ExchangeOutcome> RunAsync(ExchangeWork work) => AccountCommand.ActAsOfferedAsync(work, Account, AcceptAsync);

    private async Task<ExchangeOutcome> AcceptAsync(ExchangeWork work, TradingAccount own, TradingAccount client)
    {
        if (!client.TransferConfirmed)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.ClientMoveUnconfirmed, "account",
                $"the client of trading account {Account} has not confirmed its move to your organisation: the move is accepted once the client confirms it",
                RefusalKind.Conflict);
        }
        if (await AccountLifecycle.CommitmentsAsync(work, client).ConfigureAwait(false) is { } commitments)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.AccountInUse, "account",
                $"trading account {Account} still has {commitments}: a client moves with nothing resting", RefusalKind.Conflict);
        }
        return await TransferClientAccount.MoveAsync(work, client, own.Id, "members").ConfigureAwait(false);
    }
}
