using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Exchange;

/// <summary>
/// Suspends a trading account (暂停交易): the member firm that holds the client (客户) suspends its client's account, the
/// exchange's staff any account. From then on new orders, amends, listings, picks, bids and block trades for it are refused
/// with the rule <c>AccountSuspended</c>; cancels are accepted. What rests in the market is taken out at once: each resting
/// order is cancelled through its book (its cash reservation released, its units back from the clearing account), each
/// open listing withdrawn, each open one-way bid whose window is still open withdrawn [UNCONFIRMED: no member rule on
/// resting orders was retrieved; docs/exchange.md]. A suspension by the exchange is lifted only by the exchange.
/// Journalled as <c>exchange.account.suspended</c>.
/// </summary>
/// <param name="Account">The trading account's number.</param>
/// <param name="Reason">Why, for the record (optional, at most 500 characters).</param>
public sealed record SuspendTradingAccount(long Account, string Reason) : IExchangeCommand
{
    public const string Kind = "exchange.account.suspended";

    /// <summary>The order reason of an order cancelled by its account's suspension.</summary>
    public const string OrderReason = "AccountSuspended";

    /// <summary>The request as typed.</summary>
    public sealed record Form(long? Account, string? Reason);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out SuspendTradingAccount? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        return AccountCommand.TryParse(form.Account, (read, account) => new SuspendTradingAccount(account, AccountCommand.Reason(read, form.Reason)),
            out command, out errors);
    }

    /// <inheritdoc/>
    public Task<ExchangeOutcome> RunAsync(ExchangeWork work) => AccountCommand.ActAsync(work, Account, SuspendAsync);

    private async Task<ExchangeOutcome> SuspendAsync(ExchangeWork work, TradingAccount account, bool byExchange)
    {
        switch (account.State)
        {
            case TradingAccountState.Closed or TradingAccountState.AwaitingClient:
                return ExchangeWork.NotOpen(account, "account")!;
            case TradingAccountState.Suspended:
                return new ExchangeOutcome.Refused(ExchangeRule.AccountState, "account", $"trading account {Account} is already suspended", RefusalKind.Conflict);
            default:
                break;
        }
        var (orders, listings, bids) = await AccountLifecycle.EndRestingAsync(work, account, OrderReason).ConfigureAwait(false);
        var suspended = account with { Open = false, SuspendedByExchange = byExchange };
        await work.Session.Exchange.SaveAccountAsync(suspended).ConfigureAwait(false);
        var subject = AccountLifecycle.Subject(Account);
        await work.JournalAsync(Kind, subject, new
        {
            account = Account, by = byExchange ? "exchange" : "member", reason = Reason, cancelledOrders = orders, withdrawnListings = listings,
            withdrawnBids = bids,
        }).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, subject, false, null, [], Account: suspended);
    }
}
