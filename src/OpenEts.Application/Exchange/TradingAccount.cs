using OpenEts.Domain.Registry;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A trading account (交易账户): an organisation's account on the exchange, linking its registry holding account (units)
/// and its cash account (the organisation's member account in the cash ledger). One per organisation (the national market
/// allows each entity one trading account, trading.md §5.1 [confirmed]): either the organisation's own, opened by the
/// exchange's staff for a member (会员) that trades for itself, or a client account (客户账户) that a member opened for
/// the organisation, whose orders the member's traders enter.
/// </summary>
/// <param name="Id">Its number, also the matching engine's account id.</param>
/// <param name="OrganisationId">The organisation whose account it is; for its own account its users are the traders.</param>
/// <param name="HoldingAccount">The registry account its units come from and go to.</param>
/// <param name="Open">False while awaiting its client or once suspended or closed: no new orders.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="Member">For a client account, the trading account of the member that acts for it; null for a member's own.</param>
/// <param name="SuspendedByExchange">A suspension the exchange's staff imposed: only they lift it (a member's own lifts either way).</param>
/// <param name="ClosedAt">When it was closed (销户); null while it is open or suspended.</param>
/// <param name="TransferTo">
/// A client account whose member offered to hand it to another member (转托管-like): that member's own trading account, until it
/// accepts; null otherwise.
/// </param>
/// <param name="TransferConfirmed">
/// True once the client confirmed the move offered (<paramref name="TransferTo"/>, <see cref="AnswerClientMove"/>): only then
/// does the new member's acceptance make it; false with no move offered.
/// </param>
/// <param name="AwaitingClient">
/// A client account its member opened that the client has not yet confirmed (the client's mandate to the member): nothing is
/// entered for it until a representative of the client's holding account confirms it; a decline deletes it.
/// </param>
public sealed record TradingAccount(
    long Id, long OrganisationId, AccountNumber HoldingAccount, bool Open, DateTimeOffset OpenedAt, long? Member = null,
    bool SuspendedByExchange = false, DateTimeOffset? ClosedAt = null, long? TransferTo = null, bool AwaitingClient = false,
    bool TransferConfirmed = false)
{
    /// <summary>True for a member's client account (客户账户).</summary>
    public bool IsClient => Member is not null;

    /// <summary>Awaiting its client, open, suspended or closed.</summary>
    public TradingAccountState State => ClosedAt is not null ? TradingAccountState.Closed
        : AwaitingClient ? TradingAccountState.AwaitingClient
        : Open ? TradingAccountState.Open
        : TradingAccountState.Suspended;
}
