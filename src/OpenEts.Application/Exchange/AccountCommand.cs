using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The preamble every command on one existing trading account shares (suspend, reinstate, close, and a client's move
/// offered, accepted, declined or withdrawn): the request's account number read by one rule, and whether the actor may act
/// on that account — so each command holds only its own checks and its change.
/// </summary>
internal static class AccountCommand
{
    /// <summary>At most this many characters of a reason given for the record.</summary>
    public const int MaxReason = 500;

    /// <summary>
    /// Reads a command on trading account <paramref name="account"/>: its number first (<see cref="Number"/>), then whatever
    /// <paramref name="build"/> reads into the same reader; the command is built only when every field is good.
    /// </summary>
    public static bool TryParse<T>(long? account, Func<FieldReader, long, T> build, [NotNullWhen(true)] out T? command,
        out IReadOnlyList<FieldError> errors)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(build);
        var read = new FieldReader();
        var number = Number(read, account);
        var built = build(read, number);
        command = read.IsValid ? built : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <summary>Reads a trading account's number (a whole number ≥ 1) on <paramref name="field"/>.</summary>
    public static long Number(FieldReader read, long? account, string field = "account")
    {
        ArgumentNullException.ThrowIfNull(read);
        if (account is not > 0)
        {
            read.Fail(field, "Required", field + ": a trading account's number is a whole number ≥ 1");
        }
        return account ?? 0;
    }

    /// <summary>
    /// Reads a reason for the record (at most <see cref="MaxReason"/> characters): optional, or required with
    /// <paramref name="whenMissing"/> as the message when it is missing.
    /// </summary>
    public static string Reason(FieldReader read, string? reason, string? whenMissing = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        var text = FieldReader.Text(reason);
        if (text.Length == 0 && whenMissing is not null)
        {
            read.Fail("reason", "Required", whenMissing);
        }
        else if (text.Length > MaxReason)
        {
            read.Fail("reason", "Text", $"reason: at most {MaxReason} characters");
        }
        return text;
    }

    /// <summary>
    /// Runs <paramref name="act"/> on trading account <paramref name="account"/> when the actor may act on it: the exchange's
    /// own staff any account (<c>byExchange</c> true), the member firm that holds it as a client (客户) through a trader of
    /// the member's own account. Anyone else gets the refusal (<c>NotAccountHolder</c>, <c>ClientAccount</c>,
    /// <c>NotYourClient</c>).
    /// </summary>
    public static async Task<ExchangeOutcome> ActAsync(ExchangeWork work, long account,
        Func<ExchangeWork, TradingAccount, bool, Task<ExchangeOutcome>> act)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(act);
        var (target, byExchange, refused) = await AuthorityAsync(work, account).ConfigureAwait(false);
        return refused ?? await act(work, target!, byExchange).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="act"/> on client account <paramref name="account"/> when the actor's member is the one its
    /// present member offered it to (<see cref="TradingAccount.TransferTo"/>), with the actor's own open trading account;
    /// else the refusal (<c>NotAccountHolder</c>, <c>ClientAccount</c>, <c>AccountSuspended</c>, <c>AccountClosed</c> for
    /// the actor's own account; <c>NoTransferOffer</c> when no move of the account is offered; <c>NotOfferedMember</c> when it
    /// was offered to another member).
    /// </summary>
    public static async Task<ExchangeOutcome> ActAsOfferedAsync(ExchangeWork work, long account,
        Func<ExchangeWork, TradingAccount, TradingAccount, Task<ExchangeOutcome>> act)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(act);
        var (own, _, refused) = await work.OpenAccountAsync().ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }
        if (await work.Session.Exchange.FindAccountAsync(account).ConfigureAwait(false) is not { TransferTo: { } to } client
            || client.State == TradingAccountState.Closed)
        {
            return NoOffer(account);
        }
        if (to != own!.Id)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.NotOfferedMember, "account",
                $"the move of trading account {account} was not offered to your organisation: only the member it was offered to accepts or declines it",
                RefusalKind.Forbidden);
        }
        return await act(work, own, client).ConfigureAwait(false);
    }

    /// <summary>The refusal of an offer's answer or withdrawal when trading account <paramref name="account"/> has no move offered.</summary>
    public static ExchangeOutcome.Refused NoOffer(long account) => new(ExchangeRule.NoTransferOffer, "account",
        $"no move of trading account {account} to another member is offered: it was never offered, or was accepted, declined or withdrawn",
        RefusalKind.Conflict);

    /// <summary>
    /// The account <paramref name="account"/> and who acts on it: the exchange's own staff (any account; <c>ByExchange</c>) or
    /// the member firm that holds it as a client (客户), through a trader of the member's own account. Anyone else is refused
    /// (<c>NotAccountHolder</c>, <c>ClientAccount</c>, <c>NotYourClient</c>).
    /// </summary>
    private static async Task<(TradingAccount? Account, bool ByExchange, ExchangeOutcome.Refused? Refused)> AuthorityAsync(ExchangeWork work, long account)
    {
        var target = await work.Session.Exchange.FindAccountAsync(account).ConfigureAwait(false);
        if (await work.OperatorRefusalAsync().ConfigureAwait(false) is null)
        {
            return target is null
                ? (null, true, new ExchangeOutcome.Refused(ExchangeRule.NotAccountHolder, "account", $"there is no trading account {account}", RefusalKind.Conflict))
                : (target, true, null);
        }
        var (own, organisation, notHolder) = await work.ActorAccountAsync().ConfigureAwait(false);
        if (notHolder is not null)
        {
            return (null, false, notHolder);
        }
        return target is not null && target.Member == own!.Id
            ? (target, false, null)
            : (null, false, new ExchangeOutcome.Refused(ExchangeRule.NotYourClient, "account",
                $"trading account {account} is not a client of {organisation!.Name}: a member suspends, reinstates, closes and transfers only its own "
                + "clients' accounts, the exchange's staff any account", RefusalKind.Forbidden));
    }
}
