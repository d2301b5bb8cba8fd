using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The member a client's move was offered to (<see cref="TransferClientAccount"/>) declines it: the offer ends, the client
/// stays the client of its present member, which may offer it again, to this member or another. Only a trader of the
/// offered member's own open account declines (<c>NotOfferedMember</c>); an account with no move offered is refused
/// (<c>NoTransferOffer</c>) [UNCONFIRMED: the exchanges' member rules on a client's move were not retrieved; the refusal and
/// withdrawal of an offer are this platform's choice, docs/exchange.md]. Journalled as <c>exchange.client.transfer.declined</c>.
/// </summary>
/// <param name="Account">The client's trading account.</param>
/// <param name="Reason">Why, for the record and for the member that offered the move, which is shown it (required, at most 500 characters).</param>
public sealed record DeclineClientTransfer(long Account, string Reason) : IExchangeCommand
{
    public const string Kind = "exchange.client.transfer.declined";

    /// <summary>The request as typed.</summary>
    public sealed record Form(long? Account, string? Reason);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out DeclineClientTransfer? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        return AccountCommand.TryParse(form.Account, (read, account) => new DeclineClientTransfer(account,
            AccountCommand.Reason(read, form.Reason, "reason: say why the move is declined; the member that offered it is shown it")),
            out command, out errors);
    }

    /// <inheritdoc/>
    public Task<ExchangeOutcome> RunAsync(ExchangeWork work) => AccountCommand.ActAsOfferedAsync(work, Account, DeclineAsync);

    private async Task<ExchangeOutcome> DeclineAsync(ExchangeWork work, TradingAccount own, TradingAccount client)
    {
        var ended = client with { TransferTo = null, TransferConfirmed = false };
        await work.Session.Exchange.SaveAccountAsync(ended).ConfigureAwait(false);
        var subject = AccountLifecycle.Subject(Account);
        await work.JournalAsync(Kind, subject, new { account = Account, from = client.Member, to = own.Id, reason = Reason }).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, subject, false, null, [], Account: ended);
    }
}
