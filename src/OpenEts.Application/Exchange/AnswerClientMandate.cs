using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The client answers the mandate a member asked for when it opened a client account (客户开户, <see cref="OpenClientAccount"/>).
/// Confirmed, the account opens, and from then on the member's traders enter its orders, which move the client's units and
/// cash (<c>exchange.client.confirmed</c>). Declined, the account is deleted, having never traded: the organisation has no
/// trading account again — it may confirm another member's client account or have its own opened — and its holding account
/// is free (<c>exchange.client.declined</c>). Only a user of the client organisation who represents the account's registry
/// holding account answers (<c>NotTheClient</c>); an account no longer awaiting its client is refused (<c>AccountState</c>:
/// a confirmed client leaves its member by closing or moving). [UNCONFIRMED: no exchange's member rule on a client's mandate was
/// retrieved; docs/exchange.md]
/// </summary>
/// <param name="Account">The client's trading account.</param>
/// <param name="Confirm">True to confirm the mandate, false to decline it.</param>
public sealed record AnswerClientMandate(long Account, bool Confirm) : IExchangeCommand
{
    public const string ConfirmedKind = "exchange.client.confirmed";

    public const string DeclinedKind = "exchange.client.declined";

    /// <summary>The request as typed.</summary>
    public sealed record Form(long? Account, bool Confirm);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out AnswerClientMandate? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        return AccountCommand.TryParse(form.Account, (_, account) => new AnswerClientMandate(account, form.Confirm), out command, out errors);
    }

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        var (client, notTheClient) = await TheClientAsync(work, Account, "confirms or declines a member's mandate").ConfigureAwait(false);
        if (notTheClient is not null)
        {
            return notTheClient;
        }
        if (client!.State != TradingAccountState.AwaitingClient)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.AccountState, "account",
                $"trading account {Account} does not await its client's confirmation: the client answered the mandate already", RefusalKind.Conflict);
        }
        if (!Confirm)
        {
            return await RemoveAsync(work, client, DeclinedKind, "client").ConfigureAwait(false);
        }
        var confirmed = client with { Open = true, AwaitingClient = false };
        await work.Session.Exchange.SaveAccountAsync(confirmed).ConfigureAwait(false);
        var subject = AccountLifecycle.Subject(Account);
        await work.JournalAsync(ConfirmedKind, subject, new { account = Account, holdingAccount = client.HoldingAccount.Value, member = client.Member })
            .ConfigureAwait(false);
        return new ExchangeOutcome.Completed(ConfirmedKind, subject, false, null, [], Account: confirmed);
    }

    /// <summary>
    /// Client account <paramref name="account"/> when the actor answers for its client — a user of the client organisation who
    /// represents the account's registry holding account —, else the refusal <c>NotTheClient</c> saying who <paramref name="does"/>.
    /// </summary>
    internal static async Task<(TradingAccount? Client, ExchangeOutcome.Refused? Refused)> TheClientAsync(ExchangeWork work, long account, string does)
    {
        ArgumentNullException.ThrowIfNull(work);
        var found = await work.Session.Exchange.FindAccountAsync(account).ConfigureAwait(false);
        var holding = found is null ? null : work.RegistryRead(l => l.FindAccount(found.HoldingAccount));
        // Another organisation's account and no account read alike, so the refusal tells no one which numbers exist.
        return found is { IsClient: true } client && work.Actor.OrganisationId == client.OrganisationId
            && holding?.IsRepresentative(RegistryService.UserOf(work.Actor.UserName)) == true
            ? (client, null)
            : (null, new ExchangeOutcome.Refused(ExchangeRule.NotTheClient, "account",
                $"trading account {account} is not a client account on a holding account you represent: only a representative of the client's "
                + $"holding account {does}", RefusalKind.Forbidden));
    }

    /// <summary>
    /// Deletes client account <paramref name="account"/>, which its client never confirmed (declined, or withdrawn by
    /// <paramref name="by"/>), and journals <paramref name="kind"/>: the organisation has no trading account again and the
    /// holding account is free.
    /// </summary>
    internal static async Task<ExchangeOutcome.Completed> RemoveAsync(ExchangeWork work, TradingAccount account, string kind, string by)
    {
        if (!await work.Session.Exchange.DeleteAwaitingAccountAsync(account.Id).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"trading account {account.Id} was not awaiting its client");
        }
        var subject = AccountLifecycle.Subject(account.Id);
        await work.JournalAsync(kind, subject, new { account = account.Id, holdingAccount = account.HoldingAccount.Value, member = account.Member, by })
            .ConfigureAwait(false);
        return new ExchangeOutcome.Completed(kind, subject, false, null, []);
    }
}
