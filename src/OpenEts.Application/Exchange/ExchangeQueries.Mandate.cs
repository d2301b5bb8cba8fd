using OpenEts.Application.Identity;
using OpenEts.Application.Registry;

namespace OpenEts.Application.Exchange;

// The client's side of a member's mandate: the client account a member opened for the actor's organisation, waiting for the
// client to confirm or decline it.
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
        var memberOrganisation = await store.ReadAsync(async s =>
            await s.Exchange.FindAccountAsync(member).ConfigureAwait(false) is { } memberAccount
                ? await s.Organisations.FindByIdAsync(memberAccount.OrganisationId).ConfigureAwait(false)
                : null, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"the member of trading account {account.Id} is missing");
        var mayAnswer = await registry.QueryAsync((l, _) => l.FindAccount(account.HoldingAccount)?.IsRepresentative(RegistryService.UserOf(actor.UserName)) == true, ct)
            .ConfigureAwait(false);
        return new ClientMandate(account, member, memberOrganisation.Code, memberOrganisation.Name, mayAnswer);
    }

    /// <summary>
    /// The client accounts of the actor's organisation as a member that it may act for and read: those whose client confirmed
    /// its mandate (the trading pages' choice of account); <see cref="ClientsAsync"/> lists the awaiting ones too.
    /// </summary>
    public async Task<IReadOnlyList<TradingClient>> ConfirmedClientsAsync(Actor actor, CancellationToken ct) =>
        [.. (await ClientsAsync(actor, ct).ConfigureAwait(false)).Where(c => !c.Account.AwaitingClient)];
}
