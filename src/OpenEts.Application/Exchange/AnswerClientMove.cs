using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The client answers the move (转托管) its present member offered (<see cref="TransferClientAccount"/>): the client's own
/// consent to another member trading its units and cash, as it gave its mandate at opening (<see cref="AnswerClientMandate"/>).
/// Confirmed (<c>exchange.client.transfer.confirmed</c>), the offer stands confirmed and the new member's acceptance
/// (<see cref="AcceptClientTransfer"/>) makes the move, which it refuses before (<c>ClientMoveUnconfirmed</c>). Refused
/// (<c>exchange.client.transfer.refused</c>), the offer ends and the client stays with its member. Only a user of the client
/// organisation who represents the account's holding account answers (<c>NotTheClient</c>); an account with no move offered
/// is refused (<c>NoTransferOffer</c>), a second confirmation <c>AccountState</c>. The order — the present member offers, the
/// client confirms, the new member accepts — follows securities 转托管 (the investor asks to move out, the receiving
/// broker takes it in) by analogy [UNCONFIRMED: no exchange's member rule on a client's move was retrieved; docs/exchange.md].
/// </summary>
/// <param name="Account">The client's trading account.</param>
/// <param name="Confirm">True to confirm the move, false to refuse it.</param>
public sealed record AnswerClientMove(long Account, bool Confirm) : IExchangeCommand
{
    public const string ConfirmedKind = "exchange.client.transfer.confirmed";

    public const string RefusedKind = "exchange.client.transfer.refused";

    /// <summary>The request as typed.</summary>
    public sealed record Form(long? Account, bool Confirm);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out AnswerClientMove? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        return AccountCommand.TryParse(form.Account, (_, account) => new AnswerClientMove(account, form.Confirm), out command, out errors);
    }

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        var (client, notTheClient) = await AnswerClientMandate.TheClientAsync(work, Account, "confirms or refuses its move to another member")
            .ConfigureAwait(false);
        if (notTheClient is not null)
        {
            return notTheClient;
        }
        if (client!.TransferTo is not { } to || client.State == TradingAccountState.Closed)
        {
            return AccountCommand.NoOffer(Account);
        }
        if (Confirm && client.TransferConfirmed)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.AccountState, "account",
                $"the move of trading account {Account} to member {to} is confirmed already: it waits for that member's acceptance", RefusalKind.Conflict);
        }
        var answered = Confirm ? client with { TransferConfirmed = true } : client with { TransferTo = null, TransferConfirmed = false };
        await work.Session.Exchange.SaveAccountAsync(answered).ConfigureAwait(false);
        var kind = Confirm ? ConfirmedKind : RefusedKind;
        var subject = AccountLifecycle.Subject(Account);
        await work.JournalAsync(kind, subject, new { account = Account, from = client.Member, to }).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(kind, subject, false, null, [], Account: answered);
    }
}
