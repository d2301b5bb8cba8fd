using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Exchange;

/// <summary>
/// Reinstates a suspended trading account (恢复交易): it takes new orders again. The member firm that holds the client
/// lifts its own suspension of its client's account; a suspension by the exchange is lifted only by the exchange's staff
/// (<c>NotOperator</c>). Orders cancelled by the suspension stay cancelled. Journalled as <c>exchange.account.reinstated</c>.
/// </summary>
/// <param name="Account">The trading account's number.</param>
/// <param name="Reason">Why, for the record (optional, at most 500 characters).</param>
public sealed record ReinstateTradingAccount(long Account, string Reason) : IExchangeCommand
{
    public const string Kind = "exchange.account.reinstated";

    /// <summary>The request as typed.</summary>
    public sealed record Form(long? Account, string? Reason);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out ReinstateTradingAccount? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        return AccountCommand.TryParse(form.Account, (read, account) => new ReinstateTradingAccount(account, AccountCommand.Reason(read, form.Reason)),
            out command, out errors);
    }

    /// <inheritdoc/>
    public Task<ExchangeOutcome> RunAsync(ExchangeWork work) => AccountCommand.ActAsync(work, Account, ReinstateAsync);

    private async Task<ExchangeOutcome> ReinstateAsync(ExchangeWork work, TradingAccount account, bool byExchange)
    {
        switch (account.State)
        {
            case TradingAccountState.Closed or TradingAccountState.AwaitingClient:
                return ExchangeWork.NotOpen(account, "account")!;
            case TradingAccountState.Open:
                return new ExchangeOutcome.Refused(ExchangeRule.AccountState, "account", $"trading account {Account} is not suspended", RefusalKind.Conflict);
            default:
                break;
        }
        if (account.SuspendedByExchange && !byExchange)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.NotOperator, "account",
                $"trading account {Account} was suspended by the exchange: only the exchange's staff reinstate it", RefusalKind.Forbidden);
        }
        var reinstated = account with { Open = true, SuspendedByExchange = false };
        await work.Session.Exchange.SaveAccountAsync(reinstated).ConfigureAwait(false);
        var subject = AccountLifecycle.Subject(Account);
        await work.JournalAsync(Kind, subject, new { account = Account, by = byExchange ? "exchange" : "member", reason = Reason }).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, subject, false, null, [], Account: reinstated);
    }
}
