using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A client (客户) moves to another member firm (转托管-like): the client account's link to its acting member moves to
/// <paramref name="ToMember"/>, the new member's own trading account; the client keeps its trading account, holding
/// account, cash and history. Decided by the exchange's staff, the move is made at once; asked by the present member, it is
/// that member's consent, recorded as an offer that the client confirms (<see cref="AnswerClientMove"/>, its own consent) and
/// then the new member's trader accepts (<see cref="AcceptClientTransfer"/>), which is the new member's consent [UNCONFIRMED: the exchanges' member rules on a client's move were not retrieved;
/// docs/exchange.md]. A later offer replaces an earlier one, and asks the client again. The client must have nothing resting (<c>AccountInUse</c>):
/// no resting order, open listing, open one-way bid, one-way auction it sells, nor cash reserved. Journalled as
/// <c>exchange.client.transfer.offered</c> or <c>exchange.client.transferred</c>.
/// </summary>
/// <param name="Account">The client's trading account.</param>
/// <param name="ToMember">The new member's own trading account.</param>
public sealed record TransferClientAccount(long Account, long ToMember) : IExchangeCommand
{
    public const string OfferedKind = "exchange.client.transfer.offered";

    public const string Kind = "exchange.client.transferred";

    /// <summary>The request as typed.</summary>
    public sealed record Form(long? Account, long? ToMember);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out TransferClientAccount? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        return AccountCommand.TryParse(form.Account, (read, account) => new TransferClientAccount(account, AccountCommand.Number(read, form.ToMember, "toMember")),
            out command, out errors);
    }

    /// <inheritdoc/>
    public Task<ExchangeOutcome> RunAsync(ExchangeWork work) => AccountCommand.ActAsync(work, Account, TransferAsync);

    private async Task<ExchangeOutcome> TransferAsync(ExchangeWork work, TradingAccount account, bool byExchange)
    {
        if (account.Member is not { } present)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.ClientTransfer, "account",
                $"trading account {Account} is a member's own account, not a client account: only a client moves to another member", RefusalKind.Conflict);
        }
        if (account.State is TradingAccountState.Closed or TradingAccountState.AwaitingClient)
        {
            return ExchangeWork.NotOpen(account, "account")!;
        }
        if (await work.Session.Exchange.FindAccountAsync(ToMember).ConfigureAwait(false) is not { IsClient: false, State: TradingAccountState.Open } to
            || to.Id == present || to.Id == account.Id)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.ClientTransfer, "toMember",
                $"trading account {ToMember} is not the open own trading account of another member: a client moves only to a member that trades",
                RefusalKind.Conflict);
        }
        if (await AccountLifecycle.CommitmentsAsync(work, account).ConfigureAwait(false) is { } commitments)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.AccountInUse, "account",
                $"trading account {Account} still has {commitments}: a client moves with nothing resting", RefusalKind.Conflict);
        }
        var subject = AccountLifecycle.Subject(Account);
        if (!byExchange)
        {
            var offered = account with { TransferTo = to.Id, TransferConfirmed = false };
            await work.Session.Exchange.SaveAccountAsync(offered).ConfigureAwait(false);
            await work.JournalAsync(OfferedKind, subject, new { account = Account, from = present, to = to.Id }).ConfigureAwait(false);
            return new ExchangeOutcome.Completed(OfferedKind, subject, false, null, [], Account: offered);
        }
        return await MoveAsync(work, account, to.Id, "exchange").ConfigureAwait(false);
    }

    /// <summary>Moves the client account to the member <paramref name="to"/> and journals it (<paramref name="by"/>: <c>exchange</c> or <c>members</c>).</summary>
    internal static async Task<ExchangeOutcome.Completed> MoveAsync(ExchangeWork work, TradingAccount account, long to, string by)
    {
        var moved = account with { Member = to, TransferTo = null, TransferConfirmed = false };
        await work.Session.Exchange.SaveAccountAsync(moved).ConfigureAwait(false);
        var subject = AccountLifecycle.Subject(account.Id);
        await work.JournalAsync(Kind, subject, new { account = account.Id, from = account.Member, to, by }).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, subject, false, null, [], Account: moved);
    }
}
