using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Exchange;

/// <summary>
/// Closes a trading account (销户), open or suspended: the member firm that holds the client closes its client's account,
/// the exchange's staff any account. Only an account with nothing left on the exchange closes (<c>AccountInUse</c>
/// otherwise): no resting order, open listing, open one-way bid, one-way auction it sells, no cash reserved, no cash in its
/// cash account (withdrawn or moved first), and for a member's own account no client account still open (each closed or
/// moved to another member first). Units stay in the organisation's registry holding account, which the registry keeps.
/// A closed account takes nothing more; the organisation keeps its one trading account (trading.md §5.1), closed, so it
/// does not open another. Journalled as <c>exchange.account.closed</c>. A client account still awaiting its client's
/// confirmation is withdrawn instead: it never traded, so it is deleted and the organisation keeps no trading account
/// (journalled as <c>exchange.client.withdrawn</c>). Asked only to withdraw (<paramref name="WithdrawOnly"/>: the member's
/// "withdraw the mandate"), an account its client has confirmed meanwhile is refused (<c>AccountState</c>), never closed:
/// the state is read in the command's own transaction, after the client's confirmation if that came first.
/// </summary>
/// <param name="Account">The trading account's number.</param>
/// <param name="WithdrawOnly">True to withdraw a client account still awaiting its client, and nothing else.</param>
public sealed record CloseTradingAccount(long Account, bool WithdrawOnly = false) : IExchangeCommand
{
    public const string Kind = "exchange.account.closed";

    /// <summary>The journal kind of a client account withdrawn before its client confirmed it.</summary>
    public const string WithdrawnKind = "exchange.client.withdrawn";

    /// <summary>The request as typed.</summary>
    public sealed record Form(long? Account, bool? WithdrawOnly = null);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out CloseTradingAccount? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        return AccountCommand.TryParse(form.Account, (_, account) => new CloseTradingAccount(account, form.WithdrawOnly ?? false), out command, out errors);
    }

    /// <inheritdoc/>
    public Task<ExchangeOutcome> RunAsync(ExchangeWork work) => AccountCommand.ActAsync(work, Account, CloseAsync);

    private async Task<ExchangeOutcome> CloseAsync(ExchangeWork work, TradingAccount account, bool byExchange)
    {
        if (account.State == TradingAccountState.Closed)
        {
            return ExchangeWork.NotOpen(account, "account")!;
        }
        if (account.State == TradingAccountState.AwaitingClient)
        {
            return await AnswerClientMandate.RemoveAsync(work, account, WithdrawnKind, byExchange ? "exchange" : "member").ConfigureAwait(false);
        }
        if (WithdrawOnly)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.AccountState, "account",
                $"trading account {Account} no longer awaits its client: the client confirmed the mandate, so there is nothing to withdraw; the account was not closed",
                RefusalKind.Conflict);
        }
        if (await AccountLifecycle.CommitmentsAsync(work, account).ConfigureAwait(false) is { } commitments)
        {
            return InUse($"trading account {Account} still has {commitments}: cancel or end them first");
        }
        if (CashLeft(await work.Session.Cash.FindMemberAccountAsync(account.OrganisationId).ConfigureAwait(false)) is { } left)
        {
            return InUse(string.Create(CultureInfo.InvariantCulture,
                $"trading account {Account}'s cash account holds {left:0.00} yuan: withdraw or move it first"));
        }
        var clients = (await work.Session.Exchange.ClientsOfAsync(account.Id).ConfigureAwait(false)).Count(c => c.State != TradingAccountState.Closed);
        if (clients > 0)
        {
            return InUse(string.Create(CultureInfo.InvariantCulture,
                $"trading account {Account} still acts for {clients} client account(s): close them or move them to another member first"));
        }
        var closed = account with { Open = false, ClosedAt = work.Now, TransferTo = null, TransferConfirmed = false };
        await work.Session.Exchange.SaveAccountAsync(closed).ConfigureAwait(false);
        var subject = AccountLifecycle.Subject(Account);
        await work.JournalAsync(Kind, subject, new { account = Account, by = byExchange ? "exchange" : "member" }).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, subject, false, null, [], Account: closed);
    }

    /// <summary>The yuan a cash account still holds, which must be withdrawn or moved before its trading account closes; null when none.</summary>
    public static decimal? CashLeft(Domain.Cash.CashAccount? cash) => cash is { Balance: > 0 } ? cash.Balance : null;

    private static ExchangeOutcome.Refused InUse(string message) => new(ExchangeRule.AccountInUse, "account", message, RefusalKind.Conflict);
}
