using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The member that offered its client's move (<see cref="TransferClientAccount"/>) withdraws the offer before the new member
/// accepts it: the offer ends, the client stays its client, and it may offer the move again later. The client's present
/// member withdraws, or the exchange's staff (<c>NotYourClient</c> for anyone else); an account with no move offered is
/// refused (<c>NoTransferOffer</c>) [UNCONFIRMED: the exchanges' member rules on a client's move were not retrieved; the
/// refusal and withdrawal of an offer are this platform's choice, docs/exchange.md]. Journalled as
/// <c>exchange.client.transfer.withdrawn</c>.
/// </summary>
/// <param name="Account">The client's trading account.</param>
/// <param name="Reason">Why, for the record (optional, at most 500 characters).</param>
public sealed record WithdrawClientTransfer(long Account, string Reason) : IExchangeCommand
{
    public const string Kind = "exchange.client.transfer.withdrawn";

    /// <summary>The request as typed.</summary>
    public sealed record Form(long? Account, string? Reason);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out WithdrawClientTransfer? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        return AccountCommand.TryParse(form.Account, (read, account) => new WithdrawClientTransfer(account, AccountCommand.Reason(read, form.Reason)),
            out command, out errors);
    }

    /// <inheritdoc/>
    public Task<ExchangeOutcome> RunAsync(ExchangeWork work) => AccountCommand.ActAsync(work, Account, WithdrawAsync);

    private async Task<ExchangeOutcome> WithdrawAsync(ExchangeWork work, TradingAccount client, bool byExchange)
    {
        if (client.TransferTo is not { } to || client.State == TradingAccountState.Closed)
        {
            return AccountCommand.NoOffer(Account);
        }
        var ended = client with { TransferTo = null, TransferConfirmed = false };
        await work.Session.Exchange.SaveAccountAsync(ended).ConfigureAwait(false);
        var subject = AccountLifecycle.Subject(Account);
        await work.JournalAsync(Kind, subject, new { account = Account, from = client.Member, to, by = byExchange ? "exchange" : "member", reason = Reason })
            .ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, subject, false, null, [], Account: ended);
    }
}
