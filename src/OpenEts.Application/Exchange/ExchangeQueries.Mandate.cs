using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Exchange;

// The client's side of a member's mandate and of a move: the client account a member opened for the actor's organisation,
// waiting for the client to confirm or decline it; the move its member offered to another member, waiting for the client.
public sealed partial class ExchangeQueries
{
    /// <summary>
    /// The mandate waiting for the actor's organisation as a client: the client account a member opened for it that the
    /// client has not confirmed, with the member and whether the actor may answer it (a representative of the account's
    /// holding account); null when there is none.
    /// </summary>
    public async Task<ClientMandate?> MandateAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await AccountAsync(actor, ct).ConfigureAwait(false) is not { State: TradingAccountState.AwaitingClient, Member: { } member } account)
        {
            return null;
        }
        var memberOrganisation = await store.ReadAsync(s => MemberAsync(s, member), ct).ConfigureAwait(false);
        return new ClientMandate(account, member, memberOrganisation.Code, memberOrganisation.Name, await MayAnswerAsync(actor, account, ct).ConfigureAwait(false));
    }

    /// <summary>
    /// The move (转托管) of the actor's organisation's client account that its member offered to another member, with both
    /// members' names, whether the client confirmed it, and whether the actor may answer it (a representative of the
    /// account's holding account); null when no move is offered.
    /// </summary>
    public async Task<ClientMove?> ClientMoveAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await AccountAsync(actor, ct).ConfigureAwait(false) is not { Member: { } member, TransferTo: { } to, ClosedAt: null } account)
        {
            return null;
        }
        var (from, into) = await store.ReadAsync(async s => (await MemberAsync(s, member).ConfigureAwait(false), await MemberAsync(s, to).ConfigureAwait(false)), ct)
            .ConfigureAwait(false);
        return new ClientMove(account, member, from.Name, to, into.Name, await MayAnswerAsync(actor, account, ct).ConfigureAwait(false));
    }

    /// <summary>
    /// The client accounts of the actor's organisation as a member that it may act for and read: those whose client confirmed
    /// its mandate (the trading pages' choice of account); <see cref="ClientsAsync"/> lists the awaiting ones too.
    /// </summary>
    public async Task<IReadOnlyList<TradingClient>> ConfirmedClientsAsync(Actor actor, CancellationToken ct) =>
        [.. (await ClientsAsync(actor, ct).ConfigureAwait(false)).Where(c => !c.Account.AwaitingClient)];

    // The organisation of the member whose own trading account is memberAccount.
    private static async Task<Organisation> MemberAsync(IStoreSession s, long memberAccount) =>
        await s.Exchange.FindAccountAsync(memberAccount).ConfigureAwait(false) is { } account
        && await s.Organisations.FindByIdAsync(account.OrganisationId).ConfigureAwait(false) is { } organisation
            ? organisation
            : throw new InvalidOperationException($"the member of trading account {memberAccount} is missing");

    // Whether the actor represents the client account's holding account, and so answers for the client.
    private Task<bool> MayAnswerAsync(Actor actor, TradingAccount account, CancellationToken ct) =>
        registry.QueryAsync((l, _) => l.FindAccount(account.HoldingAccount)?.IsRepresentative(RegistryService.UserOf(actor.UserName)) == true, ct);
}
